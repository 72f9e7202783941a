import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Live, active members per union unit, kept in the same transaction as every write that adds, removes or
/// moves a member. An unfiltered register list or a start page then totals a subtree by adding a
/// few dozen numbers, not by counting a million index entries. Member rows are written only by
/// `MemberService` (which adjusts these) and the demo loader (which recounts).
final class UnitMemberCount: Model, @unchecked Sendable {
    static let schema = "unit_member_counts"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "live") var live: Int

    init() {}
    init(unitID: UUID, live: Int) {
        self.unitID = unitID
        self.live = live
    }
}

struct CreateUnitMemberCount: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(UnitMemberCount.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("live", .int, .required)
            .unique(on: "unit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitMemberCount.schema).delete()
    }
}

enum MemberCounts {
    /// Adds `delta` to the unit's count, creating its row on first use (an upsert on both databases).
    static func adjust(_ unitID: UUID, by delta: Int, on db: any Database) async throws {
        guard delta != 0, let sql = db as? any SQLDatabase else { return }
        try await sql.insert(into: UnitMemberCount.schema)
            .columns("id", "unit_id", "live")
            .values(SQLBind(UUID()), SQLBind(unitID), SQLBind(delta))
            .onConflict(with: ["unit_id"]) {
                $0.set(
                    SQLColumn("live"),
                    to: SQLBinaryExpression(SQLColumn("live", table: UnitMemberCount.schema), .add, SQLExcludedColumn("live")))
            }
            .run()
    }

    /// Rebuilds every count from the member rows.
    static func recount(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await UnitMemberCount.query(on: db).delete()
        let rows = try await sql.select().column("unit_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "live")
            .from(Member.schema).where("deleted_at", .is, SQLLiteral.null)
            .where("membership_status", .equal, MembershipStatus.active.rawValue).groupBy("unit_id").all()
        for row in rows {
            let count = UnitMemberCount(
                unitID: try row.decode(column: "unit_id", as: UUID.self), live: try row.decode(column: "live", as: Int.self))
            try await count.create(on: db)
        }
    }

    /// Live members in these units (nil: all units).
    static func total(in unitIDs: Set<UUID>?, on db: any Database) async throws -> Int {
        let query = try db.sql().select().column("live").from(UnitMemberCount.schema)
        if let unitIDs { query.where("unit_id", .in, SQLBind.group(Array(unitIDs))) }
        // Added up here: PostgreSQL's SUM of a bigint is a numeric, which does not decode as Int.
        return try await KeptCounts.count(query.select, on: db) { try await query.all(decodingColumn: "live", as: Int.self).reduce(0, +) }
    }
}
