import Foundation
import SQLKit

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
