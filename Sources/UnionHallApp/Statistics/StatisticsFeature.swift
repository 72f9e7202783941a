import UnionHallPlatform

extension Feature {
    /// The statistics document: every module's figures for a subtree and period, beside the previous period's.
    static let statistics = Feature(
        name: "statistics",
        migrations: [CreateStatisticsSnapshot(), IndexFigureDates()],
        routes: { routes in
            try routes.api.register(collection: StatisticsAPIController())
            routes.pages.get("statistics", "export", use: StatisticsAPIController.export)
        },
        audited: [AuditedKind(document: "statistics")],
        api: StatisticsAPIDocument.self)
}
