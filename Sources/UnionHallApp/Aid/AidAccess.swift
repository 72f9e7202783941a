import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Hardship files and children's data are for the officers who handle aid (and the admin);
/// every view of children's data is written to the audit log.
enum AidAccess {
    static func require(_ req: Request) async throws -> WriteContext {
        let context = try await req.writeContext()
        try handles(context)
        return context
    }

    /// The depth of the officer's own unit (0 city, 1 county or industry, 2 enterprise); nil for the admin.
    static func depth(of context: WriteContext) -> Int? {
        guard context.user.role != .admin, let unitID = context.user.unitID else { return nil }
        return context.scope.tree.nodes[unitID]?.kind.depth
    }

    /// One line per page or record of children's data read, with how many were shown and whether
    /// a search narrowed them; the search itself (a child's name or ID) is not written down.
    static func recordView(_ req: Request, entityID: UUID?, shown: Int, query: String?) async throws {
        let user = try req.requireUser()
        let editor = try req.editor()
        let entry = AuditEntry(
            at: editor.at, actorID: editor.id, actorName: editor.name, unitID: user.unitID, entity: AidApplication.auditEntity,
            entityID: entityID,
            action: .view, before: nil, after: Audit.encode(["shown": String(shown), "searched": String(!(query ?? "").isEmpty)]))
        try await req.application.write { db in try await entry.create(on: db) }
    }

    static func events(of subjectID: UUID, on db: any Database) async throws -> [AidEventOutput] {
        try await events(of: [subjectID], on: db)[subjectID] ?? []
    }

    /// The histories of several files or applications, in one query.
    static func events(of subjectIDs: [UUID], on db: any Database) async throws -> [UUID: [AidEventOutput]] {
        guard !subjectIDs.isEmpty else { return [:] }
        return Dictionary(grouping: try await AidEvent.query(on: db).filter(\.$subjectID ~~ subjectIDs).sort(\.$at).all(), by: \.subjectID)
            .mapValues { $0.map { AidEventOutput(at: $0.at, what: $0.what, note: $0.note) } }
    }
}

extension AidAccess {
    static func handles(_ context: WriteContext) throws {
        guard context.user.seesAid else {
            throw AppError(status: .forbidden, key: "error.aid.notHandler")
        }
    }
}
