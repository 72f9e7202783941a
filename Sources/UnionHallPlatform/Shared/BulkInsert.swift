import Fluent
import SQLKit
import Vapor

/// Many rows in few statements, for imports: plain SQL inserts in chunks within the databases'
/// bound-parameter limits, in the caller's transaction. Values bind exactly as Fluent binds them.
/// Pass `array.lazy.map { … }`, and only one statement's rows exist at a time.
package enum BulkInsert {
    /// SQLite allows 32,766 bound parameters in a statement; PostgreSQL 65,535.
    package static let maxBinds = 30_000

    package static func rows<Rows: RandomAccessCollection>(into table: String, columns: [String], _ rows: Rows, on db: any Database)
        async throws
    where Rows.Element == [any Encodable & Sendable], Rows.Index == Int {
        let sql = try db.sql()
        let perStatement = max(1, maxBinds / max(columns.count, 1))
        for start in stride(from: rows.startIndex, to: rows.endIndex, by: perStatement) {
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.endIndex)] { insert.values(row) }
            try await insert.run()
        }
    }
}
