import Fluent
import SQLKit
import Vapor

/// Many rows in few statements, for imports: plain SQL inserts in chunks within the databases'
/// bound-parameter limits, in the caller's transaction. Values bind exactly as Fluent binds them.
enum BulkInsert {
    /// SQLite allows 32,766 bound parameters in a statement; PostgreSQL 65,535.
    static let maxBinds = 30_000

    static func rows(into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, key: "error.internal") }
        let perStatement = max(1, maxBinds / max(columns.count, 1))
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.count)] { insert.values(row) }
            try await insert.run()
        }
    }
}
