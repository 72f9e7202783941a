import UnionHallCore
import UnionHallPlatform

extension StudioKind: Vocabulary { package static let catalogue = "studioKind" }
extension StudioResultKind: Vocabulary { package static let catalogue = "studioResult" }

extension Feature {
    /// Model workers' and craftsmen's innovation studios, their members and results.
    static let studios = Feature(
        name: "studios",
        migrations: [CreateStudio(), AddStudioDetails()],
        routes: { routes in
            try routes.pages.register(collection: StudioPages())
            try routes.api.register(collection: StudioPartsController())
        },
        menu: [MenuEntry(.craftsmen, "/studios", "nav.studios")],
        audited: [
            AuditedKind(Studio.self, path: "/studios/", codes: ["kind": StudioKind.catalogue, "level": HonorLevel.catalogue]),
            AuditedKind(StudioMember.self),
            AuditedKind(StudioDesignation.self, codes: ["kind": StudioKind.catalogue, "level": HonorLevel.catalogue]),
            AuditedKind(StudioPartner.self),
            AuditedKind(StudioResult.self, codes: ["kind": StudioResultKind.catalogue]),
        ],
        vocabularies: [StudioKind.self, StudioResultKind.self],
        records: [Studio.self],
        forms: [StudioForm.self],
        names: [.records(Studio.self, fields: ["studioId", "matchedStudioId", "studioIds"], name: \.$name)],
        api: StudiosAPIDocument.self,
        figures: [
            StatisticsPart(
                "studios", StudioService.Counts.self, headlines: [Headline("statistics.studios.total", "total", href: "/studios")],
                highlights: { try await StudioService.highlights($0, request: $1) }
            ) {
                try await StudioService.counts(scope: try $0.scope.narrowed(to: $0.list.unitId), years: $0.years, on: $0.db)
            }
        ])
}
