import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Likely duplicates on the register, and merging two records of one person.
enum MemberMerge {
    enum Reason: String, Codable, CaseIterable, Sendable {
        /// The same name and the same date of birth (from the ID number).
        case nameAndBirth
        case mobile
    }

    struct Group: Content {
        var reason: Reason
        var members: [MemberOutput]
    }

    /// Groups of live members in the caller's scope that look like one person; both sides of every
    /// group are in the scope, so nothing outside it is revealed.
    static func duplicates(scope: UnitScope, unitId: UUID?, on db: any Database) async throws -> [Group] {
        let sql = try db.sql()
        let units = try scope.unitIDs(within: unitId)
        func grouped(_ key: any SQLExpression, _ reason: Reason) async throws -> [Group] {
            let select = sql.select().column(SQLAlias(key, as: SQLIdentifier("k"))).from(Member.schema)
                .where("deleted_at", .is, SQLLiteral.null)
            if let units { select.where("unit_id", .in, SQLBind.group(Array(units))) }
            let keys = try await select.where(key, .isNot, SQLLiteral.null).groupBy(key)
                .having(SQLFunction("COUNT", args: SQLLiteral.all), .greaterThan, SQLLiteral.numeric("1")).limit(100).all()
                .map { try $0.decode(column: "k", as: String.self) }
            guard !keys.isEmpty else { return [] }
            // Every group's members in one query, not one query a group.
            let key = keyExpression(reason)
            let members = try await Member.query(on: db).filter(\.$deletedAt == nil)
                .filter(.sql(embed: "\(SQLGroupExpression(key)) IN (\(binds: keys))")).all()
                .filter { units?.contains($0.unitID) ?? true }
            let byKey = Dictionary(grouping: members) { member in
                reason == .mobile ? member.mobile ?? "" : member.nameKey + "|" + String(member.idNumber.dropFirst(6).prefix(8))
            }
            let groups = try keys.compactMap { key -> Group? in
                guard let members = byKey[key], members.count > 1 else { return nil }
                return Group(reason: reason, members: try members.map { try MemberOutput($0, seesAid: scope.seesAid) })
            }
            return groups
        }
        return try await grouped(keyExpression(.nameAndBirth), .nameAndBirth) + grouped(keyExpression(.mobile), .mobile)
    }

    private static func keyExpression(_ reason: Reason) -> any SQLExpression {
        switch reason {
        case .nameAndBirth: SQLRaw("name_key || '|' || substr(id_number, 7, 8)")
        case .mobile: SQLColumn("mobile")
        }
    }

    struct Input: Content {
        /// The record merged into this one, then removed.
        var duplicateId: UUID?
        var version: Int?
    }

    /// Keeps `member` and moves everything that points at `duplicate` to it, in one transaction; the
    /// duplicate is removed (kept deleted, its ID number with it) and the merge is in both histories.
    static func merge(into member: Member, input: Input, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard let duplicateID = input.duplicateId else { throw AppError.invalid("duplicateId", "error.required") }
        let keep = try member.requireID()
        guard duplicateID != keep else { throw AppError.invalid("duplicateId", "error.merge.self") }
        let duplicate = try await Held.member(duplicateID, field: "duplicateId", scope: context.scope, on: context.app.db)
        let links = try await MemberLinks.load(on: context.app.db)
        let before = member.auditSnapshot()
        let editor = context.editor
        try await context.app.write { db in
            try await member.claimVersion(version, on: db)
            let sql = try db.sql()
            try await sql.delete(from: NameParts.schema).where("member_id", .equal, duplicateID).run()
            for link in links.links where link.table != NameParts.schema {
                for others in link.uniqueWith {
                    // A row the kept member already has in the same place (the same studio, entry …) is dropped.
                    let same = others.map { "k.\(quoted($0, sql)) = \(quoted(link.table, sql)).\(quoted($0, sql))" }
                    try await sql.raw(
                        """
                        DELETE FROM \(ident: link.table) WHERE \(ident: link.column) = \(bind: duplicateID) AND EXISTS (
                          SELECT 1 FROM \(ident: link.table) k WHERE k.\(ident: link.column) = \(bind: keep)
                          \(unsafeRaw: same.map { " AND " + $0 }.joined()))
                        """
                    ).run()
                }
                try await sql.update(link.table).set(SQLIdentifier(link.column), to: SQLBind(keep))
                    .where(SQLIdentifier(link.column), .equal, SQLBind(duplicateID)).run()
            }
            try await HonorService.follow(member: keep, to: member.unitID, on: db)
            let dropped = duplicate.auditSnapshot()
            duplicate.deletedAt = editor.at
            try await duplicate.update(on: db)
            if duplicate.membershipStatus.isActive { try await MemberCounts.adjust(duplicate.unitID, by: -1, on: db) }
            try await MembershipEvent(
                member: keep, unit: member.unitID, kind: .merged, date: CivilDate(editor.at), other: duplicate.unitID,
                note: duplicate.membershipNumber
            ).create(on: db)
            try await Audit.record(.delete, duplicate, before: dropped, by: editor, on: db)
            try await Audit.record(
                .update, member, before: before,
                after: member.auditSnapshot().merging(["mergedFrom": duplicate.membershipNumber ?? ""]) { $1 },
                by: editor, on: db)
        }
    }

    private static func quoted(_ name: String, _ sql: any SQLDatabase) -> String {
        var serializer = SQLSerializer(database: sql)
        SQLIdentifier(name).serialize(to: &serializer)
        return serializer.sql
    }
}
