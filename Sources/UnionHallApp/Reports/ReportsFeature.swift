import UnionHallPlatform

extension Feature {
    /// The annual work report, written from the records.
    static let reports = Feature(
        name: "reports",
        routes: { routes in
            try routes.api.register(collection: AnnualReportController())
            try routes.pages.register(collection: AnnualReportPages())
        },
        menu: [MenuEntry(.admin, "/reports/annual", "nav.annualReport", rank: -1)],
        audited: [AuditedKind(document: "annualReport", codes: ["format": AnnualReportFormat.catalogue])],
        vocabularies: [AnnualReportFormat.self],
        api: ReportsAPIDocument.self)
}
