import Foundation
import Fluent
import SQLKit
import UnionHallPlatform

/// Every column of the database that points at a member, read from the schema's foreign keys, so a
/// table added later is covered without being named here: a member's data export reads them all,
/// and a merge moves them all.
struct MemberLinks: Sendable {
    struct Link: Sendable, Hashable {
        var table: String
        var column: String
        /// Other columns of unique keys that include this one: a row that would repeat one the kept
        /// member already has is dropped in a merge instead of breaking the key.
        var uniqueWith: [[String]]
    }

    var links: [Link]

    static func load(on db: any Database) async throws -> MemberLinks {
        let sql = try db.sql()
        let sqlite = sql.dialect.name == "sqlite"
        struct Row: Decodable {
            var t: String
            var c: String
        }
        let references = try await sql.raw(
            sqlite
                ? """
                SELECT m.name AS t, f."from" AS c FROM sqlite_master m, pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table' AND f."table" = \(bind: Member.schema) ORDER BY 1, 2
                """
                : """
                SELECT cl.relname AS t, a.attname AS c FROM pg_constraint con
                JOIN pg_class cl ON cl.oid = con.conrelid
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
                WHERE con.contype = 'f' AND con.confrelid = \(bind: Member.schema)::regclass ORDER BY 1, 2
                """
        ).all(decoding: Row.self)
        var links: [Link] = []
        for reference in references {
            links.append(
                Link(table: reference.t, column: reference.c, uniqueWith: try await uniqueKeys(reference.t, reference.c, sql: sql)))
        }
        return MemberLinks(links: links)
    }

    private static func uniqueKeys(_ table: String, _ column: String, sql: any SQLDatabase) async throws -> [[String]] {
        struct Row: Decodable {
            var k: String
            var c: String
        }
        let rows = try await sql.raw(
            sql.dialect.name == "sqlite"
                ? """
                SELECT l.name AS k, i.name AS c FROM pragma_index_list(\(bind: table)) l, pragma_index_info(l.name) i WHERE l."unique" = 1
                """
                : """
                SELECT CAST(x.indexrelid AS text) AS k, a.attname AS c FROM pg_index x
                JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY(x.indkey)
                WHERE x.indrelid = \(bind: table)::regclass AND x.indisunique
                """
        ).all(decoding: Row.self)
        let keys = Dictionary(grouping: rows, by: \.k).values.map { $0.map(\.c) }
        return keys.filter { $0.contains(column) }.map { $0.filter { $0 != column } }
    }
}
