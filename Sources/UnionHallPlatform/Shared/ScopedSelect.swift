import FluentKit
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

/// A group of rows counted in the database: its key values (as text), how many rows, and the sums asked for.
package struct Tally: Sendable {
    package let keys: [String]
    package let count: Int
    package let sums: [Int64]
}

extension SQLSelectBuilder {
    /// The selected rows counted, and `sums` added up, by `keys` in one query. Keys read back as
    /// text on both databases (enum codes, levels and unit ids alike); a null key reads as "".
    package func tallies(by keys: [String] = [], sums: [String] = []) async throws -> [Tally] {
        for (index, key) in keys.enumerated() {
            column(SQLAlias(SQLRaw("CAST(\(quotedName(key)) AS TEXT)"), as: SQLIdentifier("k\(index)")))
        }
        column(SQLAlias(SQLTotals.count, as: SQLIdentifier("n")))
        for (index, sum) in sums.enumerated() { column(SQLAlias(SQLTotals.sum(sum), as: SQLIdentifier("s\(index)"))) }
        for key in keys { groupBy(SQLRaw(quotedName(key))) }
        return try await all().map { row in
            Tally(
                keys: try keys.indices.map { try row.decode(column: "k\($0)", as: String?.self) ?? "" },
                count: try row.decode(column: "n", as: Int.self),
                sums: try sums.indices.map { try row.decode(column: "s\($0)", as: Int64?.self) ?? 0 })
        }
    }
}

/// `table.column` or `column`, quoted as an identifier would be; the names come from code, never from a request.
private func quotedName(_ name: String) -> String {
    name.split(separator: ".").map { "\"\($0)\"" }.joined(separator: ".")
}

extension [Tally] {
    /// Rows counted in every group.
    package var rows: Int { reduce(0) { $0 + $1.count } }

    /// The `index`th sum over every group, with checked arithmetic.
    package func sum(_ index: Int = 0) throws -> Int64 { try map { $0.sums[index] }.total() }

    /// Counts by the `position`th key, one for every case of `codes` in their order (0 where none).
    package func counts<Code: RawRepresentable & CaseIterable>(of codes: Code.Type, at position: Int = 0) -> [KeyCount]
    where Code.RawValue == String {
        codes.allCases.map { code in KeyCount(key: code.rawValue, count: filter { $0.keys[position] == code.rawValue }.rows) }
    }

    /// Counts by the `position`th key, only the keys present, in key order.
    package func counts(at position: Int = 0) -> [KeyCount] {
        Dictionary(grouping: self) { $0.keys[position] }.map { KeyCount(key: $0.key, count: $0.value.rows) }.sorted { $0.key < $1.key }
    }
}

extension ListQuery {
    /// The rows of `table` in `scope` narrowed to this query's unit, dated by the `YYYY-MM-DD` column
    /// `dated` in its period (when it has one); live rows only unless `live` is false.
    package func select(_ table: String, scope: UnitScope, dated: String? = nil, live: Bool = true, on db: any Database) throws
        -> SQLSelectBuilder
    {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, key: "error.internal") }
        let (from, to) = try datePeriod()
        let select = sql.select().from(table)
            .scoped(to: try scope.unitIDs(within: unitId), table: table, dateColumn: dated, from: from, to: to)
        if live { select.where(SQLColumn("deleted_at", table: table), .is, SQLLiteral.null) }
        return select
    }
}

extension FigureQuery {
    package func sql() throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, key: "error.internal") }
        return sql
    }

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
