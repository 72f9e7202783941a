import Foundation
import SQLKit

/// Figures counted in SQL rather than by loading rows: a select narrowed to a scope and a period,
/// and integer sums that read the same on both databases.
extension SQLSelectBuilder {
    /// Rows of `table` whose unit is one of `units` (nil: every unit) and, with `dateColumn`,
    /// dated from `from` to `to` inclusive (dates are `YYYY-MM-DD` text).
    @discardableResult
    package func scoped(to units: Set<UUID>?, table: String, dateColumn: String? = nil, from: String? = nil, to: String? = nil) -> Self {
        if let units { self.where(SQLColumn("unit_id", table: table), .in, SQLBind.group(Array(units))) }
        if let dateColumn {
            if let from { self.where(SQLColumn(dateColumn, table: table), .greaterThanOrEqual, SQLBind(from)) }
            if let to { self.where(SQLColumn(dateColumn, table: table), .lessThanOrEqual, SQLBind(to)) }
        }
        return self
    }
}

package enum SQLTotals {
    /// PostgreSQL sums bigints as numeric; the cast keeps the total an integer on both databases.
    package static func sum(_ expression: String) -> any SQLExpression { SQLRaw("CAST(SUM(\(expression)) AS BIGINT)") }

    package static let count: any SQLExpression = SQLFunction("COUNT", args: SQLLiteral.all)
}
