import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The register's figures for the statistics document: who was a member at the period's end, who
/// joined during it, and of them the skilled and the migrant workers.
struct MemberStatistics: Content {
    /// Members on the register at the end of the period.
    var members: Int
    /// Registered during the period.
    var registered: Int
    /// Of `members`, those with a recorded skill level.
    var skilled: Int
    /// Of `members`, migrant workers.
    var migrants: Int

    static func compute(_ query: FigureQuery) async throws -> MemberStatistics {
        let (start, end) = try query.list.period()
        let table = Member.schema
        // On the register at the period's end: registered before it, not removed by then.
        let onRegister = try query.select(table, live: end == nil)
        if let end {
            onRegister.where("created_at", .lessThan, SQLBind(end)).where { group in
                group.where("deleted_at", .is, SQLLiteral.null).orWhere("deleted_at", .greaterThanOrEqual, SQLBind(end))
            }
        }
        func counted(_ condition: String) -> any SQLExpression { SQLRaw("SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)") }
        let register = try await onRegister.column(SQLAlias(SQLTotals.count, as: SQLIdentifier("n")))
            .column(SQLAlias(counted("skill_level IS NOT NULL"), as: SQLIdentifier("skilled")))
            .column(SQLAlias(counted("migrant"), as: SQLIdentifier("migrants"))).first()
        let registered = try query.select(table)
        if let start { registered.where("created_at", .greaterThanOrEqual, SQLBind(start)) }
        if let end { registered.where("created_at", .lessThan, SQLBind(end)) }
        return MemberStatistics(
            members: try register?.decode(column: "n", as: Int.self) ?? 0, registered: try await registered.tallies().rows,
            skilled: try register?.decode(column: "skilled", as: Int?.self) ?? 0,
            migrants: try register?.decode(column: "migrants", as: Int?.self) ?? 0)
    }
}
