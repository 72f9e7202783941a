import FluentKit
import Foundation
import SQLKit

/// Figures counted in SQL rather than by loading rows: a select narrowed to a scope and a period,
/// and integer sums that read the same on both databases.
extension Database {
    /// The database as SQL: both drivers the app runs on are SQL databases.
    package func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw AppError(status: .internalServerError, key: "error.internal") }
        return sql
    }
}

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

extension ListQuery {
    /// The rows of `table` in `scope` narrowed to this query's unit, dated by the `YYYY-MM-DD` column
    /// `dated` in its period (when it has one); live rows only unless `live` is false.
    package func select(_ table: String, scope: UnitScope, dated: String? = nil, live: Bool = true, on db: any Database) throws
        -> SQLSelectBuilder
    {
        let sql = try db.sql()
        let (from, to) = try datePeriod()
        let select = sql.select().from(table)
            .scoped(to: try scope.unitIDs(within: unitId), table: table, dateColumn: dated, from: from, to: to)
        if live { select.where(SQLColumn("deleted_at", table: table), .is, SQLLiteral.null) }
        return select
    }
}

extension FigureQuery {
    package func sql() throws -> any SQLDatabase { try db.sql() }

    /// The live rows of `table` in the query's subtree and period: dated by the `YYYY-MM-DD` column
    /// `dated`, or by the integer year column `years` (figures kept by year), or not at all.
    package func select(_ table: String, dated: String? = nil, years: String? = nil, live: Bool = true) throws -> SQLSelectBuilder {
        let select = try list.select(table, scope: scope, dated: dated, live: live, on: db)
        if let years {
            select.where(SQLColumn(years, table: table), .greaterThanOrEqual, SQLBind(from.year))
                .where(SQLColumn(years, table: table), .lessThanOrEqual, SQLBind(to.year))
        }
        return select
    }
}
