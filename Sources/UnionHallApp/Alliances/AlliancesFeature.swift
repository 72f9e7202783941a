import UnionHallCore
import UnionHallPlatform

extension Feature {
    /// The city's innovation alliance of model workers and craftsmen, and innovation exhibitions.
    static let alliances = Feature(
        name: "alliances",
        migrations: [CreateAlliances()],
        routes: { routes in
            try routes.pages.register(collection: AlliancePages())
            try routes.api.register(collection: AlliancePartsController())
        },
        menu: [MenuEntry(.craftsmen, "/innovation-alliances", "nav.alliances")],
        audited: [
            AuditedKind(InnovationAlliance.self, path: "/innovation-alliances/"),
            AuditedKind(AllianceMember.self),
            AuditedKind(InnovationExhibition.self, path: "/innovation-exhibitions/"),
            AuditedKind(ExhibitionItem.self),
        ],
        records: [InnovationAlliance.self, InnovationExhibition.self],
        forms: [AllianceForm.self, ExhibitionForm.self],
        names: [
            .records(InnovationAlliance.self, fields: ["allianceId"], name: \.$name, unit: \.$unitID),
            .records(InnovationExhibition.self, fields: ["exhibitionId"], name: \.$title, unit: \.$unitID),
        ],
        api: AlliancesAPIDocument.self,
        figures: [
            StatisticsPart(
                "alliances", AllianceStatistics.self,
                headlines: [Headline("statistics.alliances.visitors", "visitors", href: "/innovation-alliances#exhibitions")]
            ) { try await Alliances.statistics($0) }
        ])
}
