import Foundation
import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Named counters kept in the database (`UPDATE … RETURNING`), so numbers stay unique across
/// every instance writing to one database.
extension NameParts {
    static let schema = "member_name_parts"

    /// Writes a member's name parts, replacing any it had.
    static func write(member: UUID, name: String, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.delete(from: schema).where("member_id", .equal, member).run()
        let parts = of(name)
        guard !parts.isEmpty else { return }
        let insert = sql.insert(into: schema).columns("part", "member_id")
        for part in parts { insert.values(SQLBind(part), SQLBind(member)) }
        try await insert.run()
    }
}

/// Fills in what members written in bulk lack (the demo's synthetic register, members from before
/// membership existed): the join date from the day they were registered, a membership number in
/// order of registration, and the name parts. Set-wise statements, so a million members take seconds.
enum MembershipBackfill {
    /// On SQLite, each joined event's id is its member's with the hex digits rearranged: unique, as the
    /// members' are, and written by the statement itself (SQLite has no UUID function).
    static let eventIDSQLite = """
        substr(id, 25, 8) || '-' || substr(id, 10, 4) || '-' || substr(id, 15, 4) || '-' || substr(id, 20, 4) || '-' || \
        substr(id, 1, 8) || substr(id, 33, 4)
        """

    static func run(on db: any Database) async throws {
        let sql = try db.sql()
        let sqlite = sql.dialect.name == "sqlite"
        let members = Member.schema
        let day =
            sqlite
            ? "date(created_at + 28800, 'unixepoch')" : "to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
        try await sql.raw(
            "UPDATE \(ident: members) SET join_date = \(unsafeRaw: day), status_date = \(unsafeRaw: day) WHERE join_date IS NULL"
        ).run()

        let missing =
            try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: members) WHERE membership_number IS NULL").first()?
            .decode(column: "n", as: Int.self) ?? 0
        if missing > 0 {
            let first = try await Sequences.take(Sequences.membershipNumber, count: missing, on: db)
            let serial = "(\(first - 1) + numbered.n)"
            let padded = sqlite ? "printf('%08d', \(serial))" : "lpad(CAST(\(serial) AS text), 8, '0')"
            try await sql.raw(
                """
                UPDATE \(ident: members) SET membership_number = \(literal: MembershipNumber.prefix) || \(unsafeRaw: padded)
                FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY created_at, id) AS n FROM \(ident: members)
                      WHERE membership_number IS NULL) AS numbered
                WHERE \(ident: members).id = numbered.id
                """
            ).run()
        }

        try await sql.raw(
            """
            INSERT INTO \(ident: MembershipEvent.schema) (id, member_id, unit_id, kind, date, created_at)
            SELECT \(unsafeRaw: sqlite ? eventIDSQLite : "gen_random_uuid()"), id, unit_id, \(literal: MembershipEventKind.joined.rawValue),
                   join_date, created_at
            FROM \(ident: members) m
            WHERE NOT EXISTS (SELECT 1 FROM \(ident: MembershipEvent.schema) e WHERE e.member_id = m.id)
            """
        ).run()

        let longest = try await sql.raw("SELECT MAX(LENGTH(name_key)) AS n FROM \(ident: members)").first()?
            .decode(column: "n", as: Int?.self)
        guard let longest = longest ?? nil, longest >= 2 else { return }
        for length in 2...min(longest, MemberDraft.maxNameLength) {
            for start in 1...(longest - length + 1) {
                try await sql.raw(
                    """
                    INSERT INTO \(ident: NameParts.schema) (part, member_id)
                    SELECT substr(name_key, \(literal: start), \(literal: length)), id FROM \(ident: members)
                    WHERE LENGTH(name_key) >= \(literal: start + length - 1)
                    ON CONFLICT DO NOTHING
                    """
                ).run()
            }
        }
    }
}
