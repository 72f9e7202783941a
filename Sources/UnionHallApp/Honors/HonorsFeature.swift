import UnionHallCore
import UnionHallPlatform

extension HonorTitle: Vocabulary { package static let catalogue = "honorTitle" }
extension HonorLevel: Vocabulary { package static let catalogue = "honorLevel" }

extension Feature {
    /// Model workers' and craftsmen's honours.
    static let honors = Feature(
        name: "honors",
        migrations: [CreateHonor()],
        routes: { routes in
            try routes.pages.register(collection: HonorPages())
        },
        menu: [MenuEntry(.craftsmen, "/honors", "nav.honors")],
        audited: [AuditedKind(Honor.self, path: "/honors/", codes: ["title": HonorTitle.catalogue, "level": HonorLevel.catalogue])],
        vocabularies: [HonorTitle.self, HonorLevel.self],
        records: [Honor.self],
        forms: [HonorForm.self],
        api: HonorsAPIDocument.self,
        figures: [
            StatisticsPart(
                "honors", HonorStatistics.self,
                headlines: [Headline("statistics.honors.conferred", "conferred", href: "/honors")],
                charts: [ChartSpec("statistics.honors.byTitle", "byTitle", catalogue: "honorTitle", href: "/honors", filter: "title")]
            ) { try await HonorStatistics.compute($0) }
        ])
}
