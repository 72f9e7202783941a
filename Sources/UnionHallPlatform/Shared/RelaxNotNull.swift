import FluentKit
import Foundation
import SQLKit

/// Lets required columns hold NULL. PostgreSQL drops the constraint in place; SQLite cannot alter a
/// column, so the table is rebuilt from its own definition (the columns' NOT NULL taken off), its
/// rows copied in order, and its indexes made again — SQLite's documented way to change a table.
package enum RelaxNotNull {
    package static func columns(_ columns: [String], of table: String, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        guard sql.dialect.name == "sqlite" else {
            for column in columns {
                try await sql.raw("ALTER TABLE \(ident: table) ALTER COLUMN \(ident: column) DROP NOT NULL").run()
            }
            return
        }
        struct Definition: Decodable { let sql: String }
        guard
            let create = try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: table)")
                .first(decoding: Definition.self)?.sql
        else { throw RelaxError.noTable(table) }
        let indexes = try await sql.raw(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = \(bind: table) AND sql IS NOT NULL"
        ).all(decoding: Definition.self).map(\.sql)
        let rebuilt = "\(table)_rebuilt"
        var definition = create.replacingOccurrences(of: "CREATE TABLE \"\(table)\"", with: "CREATE TABLE \"\(rebuilt)\"")
        guard definition != create else { throw RelaxError.unexpected(table) }
        for column in columns {
            let pattern = "(\"\(NSRegularExpression.escapedPattern(for: column))\" [A-Z]+) NOT NULL"
            let relaxed = definition.replacingOccurrences(of: pattern, with: "$1", options: .regularExpression)
            guard relaxed != definition else { throw RelaxError.unexpected("\(table).\(column)") }
            definition = relaxed
        }
        try await sql.raw("\(unsafeRaw: definition)").run()
        try await sql.raw("INSERT INTO \(ident: rebuilt) SELECT * FROM \(ident: table)").run()
        try await sql.raw("DROP TABLE \(ident: table)").run()
        try await sql.raw("ALTER TABLE \(ident: rebuilt) RENAME TO \(ident: table)").run()
        for index in indexes { try await sql.raw("\(unsafeRaw: index)").run() }
    }

    package enum RelaxError: Error, CustomStringConvertible {
        case noTable(String), unexpected(String)

        package var description: String {
            switch self {
            case .noTable(let table): "No table \(table) to change"
            case .unexpected(let what): "The definition of \(what) is not the one this migration changes"
            }
        }
    }
}
