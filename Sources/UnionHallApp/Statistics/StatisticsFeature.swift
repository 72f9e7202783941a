import UnionHallPlatform

extension Feature {
    /// The statistics document: every module's figures for a subtree and period, beside the previous period's.
    static let statistics = Feature(
        name: "statistics", routes: { try $0.api.register(collection: StatisticsAPIController()) }, api: StatisticsAPIDocument.self)
}
