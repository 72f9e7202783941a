import UnionHallPlatform
import Vapor

extension Pages {
    static func history(_ entries: [AuditEntryOutput], on request: Request) -> [HistoryRow] {
        entries.map {
            HistoryRow(at: timestamp($0.at), actor: actorName($0.actorName, on: request), action: request.t("action.\($0.action.rawValue)"))
        }
    }

    /// The last changes of a record, for its page.
    static func recentHistory<M: Audited>(of record: M, scope: UnitScope, on request: Request) async throws -> [HistoryRow] {
        let entries = try await AuditQueries.list(
            ListQuery(per: 10), filter: AuditFilter(entity: M.auditEntity, entityId: record.id), scope: scope, on: request)
        return history(entries.items, on: request)
    }
}
