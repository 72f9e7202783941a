import FluentKit
import SQLKit

/// A list's total, counted up to a cap: past it the count would cost more than the page, and the
/// list says "10,000+" instead (`ListPage.Metadata.totalCapped`).
package enum CappedCount {
    package static let cap = 10_000

    /// `SELECT COUNT(*) FROM (SELECT 1 … LIMIT cap + 1)`: at most `cap + 1` index entries are read.
    package static func count(_ query: DatabaseQuery, on db: any Database, cap: Int = cap) async throws -> (total: Int, capped: Bool) {
        // A constant, so an index that holds the filtered columns answers without reading the rows.
        let select = query.selectSQL(SQLLiteral.numeric("1"), range: 0..<(cap + 1), sorted: false)
        let statement = SQLQueryString("SELECT COUNT(*) AS n FROM (\(select)) AS capped")
        let counted = try await KeptCounts.count(statement, on: db) {
            try await SQLSpan.traced(query.schema) {
                try await db.sql().raw(statement).first()?.decode(column: "n", as: Int.self) ?? 0
            }
        }
        return counted > cap ? (cap, true) : (counted, false)
    }
}
