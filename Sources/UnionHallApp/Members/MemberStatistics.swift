import Fluent
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
        func onRegister() throws -> QueryBuilder<Member> {
            let members = try query.scope.apply(to: Member.query(on: query.db), unitKey: \.$unitID, within: query.list.unitId)
            if let end {
                members.filter(\.$createdAt < end).group(.or) { $0.filter(\.$deletedAt == nil).filter(\.$deletedAt >= end) }
            } else {
                members.filter(\.$deletedAt == nil)
            }
            return members
        }
        let registered = try query.scope.apply(to: Member.query(on: query.db), unitKey: \.$unitID, within: query.list.unitId)
            .filter(\.$deletedAt == nil)
        if let start { registered.filter(\.$createdAt >= start) }
        if let end { registered.filter(\.$createdAt < end) }
        return MemberStatistics(
            members: try await onRegister().count(), registered: try await registered.count(),
            skilled: try await onRegister().filter(\.$skillLevel != nil).count(),
            migrants: try await onRegister().filter(\.$migrant == true).count())
    }
}
