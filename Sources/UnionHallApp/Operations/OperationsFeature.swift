import UnionHallPlatform

extension Feature {
    /// What running several instances needs in the database: shared uploads and periodic jobs.
    /// Its routes (`/healthz`, `/readyz`, `/metrics`) sit outside the feature groups: they read no session cookie.
    static let operations = Feature(name: "operations", migrations: [CreateOperations()])
}
