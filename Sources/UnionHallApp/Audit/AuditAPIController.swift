import Fluent
import UnionHallPlatform
import Vapor

struct AuditEntryOutput: Content {
    var id: UUID
    var at: Date
    var actorId: UUID?
    var actorName: String
    var unitId: UUID?
    var entity: String
    var entityId: UUID?
    var action: AuditEntry.Action
    var before: [String: String]?
    var after: [String: String]?

    init(_ entry: AuditEntry, seesAid: Bool) throws {
        self.id = try entry.requireID()
        self.at = entry.at
        self.actorId = entry.actorID
        self.actorName = entry.actorName
        self.unitId = entry.unitID
        self.entity = entry.entity
        self.entityId = entry.entityID
        self.action = entry.action
        // A member's hardship flag is aid data too, wherever it was written down.
        let hidden: Set<String> = seesAid ? [] : Audit.aidFields
        self.before = entry.before.map { Audit.decode($0).filter { !hidden.contains($0.key) } }
        self.after = entry.after.map { Audit.decode($0).filter { !hidden.contains($0.key) } }
    }
}

struct AuditFilter: Content {
    var entity: String?
    var entityId: UUID?
    var action: AuditEntry.Action?
}

/// The audit log of the caller's subtree: `/api/v1/audit-entries`.
enum AuditQueries {
    static func list(_ list: ListQuery, filter: AuditFilter, scope: UnitScope, on request: Request) async throws -> ListPage<
        AuditEntryOutput
    > {
        let query = AuditEntry.query(on: request.db)
        if let within = list.unitId {
            try scope.check(within)
            query.filter(\.$unitID ~~ Array(scope.tree.subtree(of: within)))
        } else if let unitIDs = scope.unitIDs {
            query.filter(\.$unitID ~~ Array(unitIDs))
        }
        if !scope.seesAid { query.filter(\.$entity !~ request.application.aidAuditEntities) }
        if let entity = filter.entity, !entity.isEmpty { query.filter(\.$entity == entity) }
        if let entityID = filter.entityId { query.filter(\.$entityID == entityID) }
        if let action = filter.action { query.filter(\.$action == action) }
        if let q = list.q, !q.isEmpty { query.filter(\.$actorName ~~ q.lowercased()) }
        let (start, end) = try list.period()
        if let start { query.filter(\.$at >= start) }
        if let end { query.filter(\.$at < end) }
        return try await query.sort(\.$at, .descending).sort(\.$id).page(list) { entries in
            try entries.map { try AuditEntryOutput($0, seesAid: scope.seesAid) }
        }
    }
}

struct AuditAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit-entries", use: list)
    }

    @Sendable func list(req: Request) async throws -> ListPage<AuditEntryOutput> {
        let (_, scope) = try await req.requireManager()
        return try await AuditQueries.list(
            try req.query.decode(ListQuery.self), filter: try req.query.decode(AuditFilter.self), scope: scope, on: req)
    }
}
