import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The register's figures for a subtree and period: who was an active member at the period's end,
/// who joined, moved or left during it (from the membership history), the skilled and migrant
/// workers among the members, and how many of the employers' workers are members.
struct MemberStatistics: Content {
    /// Active members at the end of the period.
    var members: Int
    /// Registered during the period (entered on the register, whenever they joined).
    var registered: Int
    /// Of `members`, those with a recorded skill level.
    var skilled: Int
    /// Of `members`, migrant workers.
    var migrants: Int
    /// Joined or rejoined during the period.
    var joined: Int
    /// Of `joined`, platform workers (couriers, drivers …).
    var platformJoined: Int
    var transferredIn: Int
    var transferredOut: Int
    /// Left, retired, died or moved out of the city during the period.
    var left: Int
    /// Active members employed by organizations with a recorded headcount, and those headcounts.
    var employedMembers: Int
    var headcount: Int
    /// `employedMembers / headcount`, 0 when no headcount is recorded.
    var joinRate: Double
    /// Members promoted to a senior professional title (副高级 or 正高级) during the period.
    var promotedToSenior: Int

    static func compute(_ query: FigureQuery) async throws -> MemberStatistics {
        let table = Member.schema
        let end = query.to.description
        // Active at the period's end: joined by then, and neither removed nor gone before it ended.
        let onRegister = try query.select(table, live: false)
        let after = query.to.adding(days: 1).startOfDay
        onRegister
            .where { $0.where("join_date", .lessThanOrEqual, SQLBind(end)).orWhere("join_date", .is, SQLLiteral.null) }
            .where("created_at", .lessThan, SQLBind(after))
            .where { $0.where("deleted_at", .is, SQLLiteral.null).orWhere("deleted_at", .greaterThanOrEqual, SQLBind(after)) }
            .where {
                $0.where("membership_status", .equal, SQLBind(MembershipStatus.active.rawValue)).orWhere(
                    "status_date", .greaterThan, SQLBind(end))
            }
        func counted(_ condition: String) -> any SQLExpression { SQLRaw("SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)") }
        let register = try await onRegister.column(SQLAlias(SQLTotals.count, as: SQLIdentifier("n")))
            .column(SQLAlias(counted("skill_level IS NOT NULL"), as: SQLIdentifier("skilled")))
            .column(SQLAlias(counted("migrant"), as: SQLIdentifier("migrants"))).first()
        let (start, stop) = try query.list.period()
        let registered = try query.select(table)
        if let start { registered.where("created_at", .greaterThanOrEqual, SQLBind(start)) }
        if let stop { registered.where("created_at", .lessThan, SQLBind(stop)) }

        let events = try await query.select(MembershipEvent.schema, dated: "date", live: false).tallies(by: ["kind"])
        func count(_ kinds: MembershipEventKind...) -> Int {
            events.filter { kinds.map(\.rawValue).contains($0.keys.first ?? "") }.reduce(0) { $0 + $1.count }
        }
        let platform = try query.select(MembershipEvent.schema, dated: "date", live: false)
        platform.join(
            SQLIdentifier(table), on: SQLColumn("member_id", table: MembershipEvent.schema), .equal, SQLColumn("id", table: table)
        )
        .where(
            SQLColumn("kind", table: MembershipEvent.schema), .in,
            SQLBind.group([MembershipEventKind.joined.rawValue, MembershipEventKind.rejoined.rawValue])
        )
        .where(SQLColumn("employment_form", table: table), .equal, SQLBind(EmploymentForm.platform.rawValue))

        let employed = try await employment(query)
        let promoted = try query.select(MemberTitleChange.schema, dated: "date", live: false).where("to_senior", .equal, SQLBind(true))
        return MemberStatistics(
            members: try register?.decode(column: "n", as: Int.self) ?? 0, registered: try await registered.tallies().rows,
            skilled: try register?.decode(column: "skilled", as: Int?.self) ?? 0,
            migrants: try register?.decode(column: "migrants", as: Int?.self) ?? 0,
            joined: count(.joined, .rejoined), platformJoined: try await platform.tallies().rows,
            transferredIn: count(.transferredIn), transferredOut: count(.transferredOut),
            left: count(.left, .retired, .deceased, .leftCity),
            employedMembers: employed.members, headcount: employed.headcount,
            joinRate: employed.headcount > 0 ? Double(employed.members) / Double(employed.headcount) : 0,
            promotedToSenior: try await promoted.tallies().rows)
    }

    /// The employers in the subtree with a headcount, and their active members today.
    private static func employment(_ query: FigureQuery) async throws -> (members: Int, headcount: Int) {
        let organizations = try query.select(Organization.schema).where("headcount", .isNot, SQLLiteral.null)
        let heads = try await organizations.tallies(by: [], sums: ["headcount"])
        let headcount = Int(try heads.sum(0))
        guard headcount > 0 else { return (0, 0) }
        let members = try query.select(Member.schema)
            .where("membership_status", .equal, SQLBind(MembershipStatus.active.rawValue))
            .where(
                SQLColumn("organization_id", table: Member.schema), .in,
                SQLGroupExpression(
                    try query.select(Organization.schema).column("id").where("headcount", .isNot, SQLLiteral.null).select))
        return (try await members.tallies().rows, headcount)
    }
}
