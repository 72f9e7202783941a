import Fluent
import Vapor

/// Who is changing what, and where: everything a record's write rules need from the request.
struct WriteContext: Sendable {
    let user: User
    let scope: UnitScope
    let editor: Editor
    let app: Application
}

extension Request {
    /// An officer's or admin's context for a write; 403 for other roles.
    func writeContext() async throws -> WriteContext {
        let (user, scope) = try await requireManager()
        return WriteContext(user: user, scope: scope, editor: try editor(), app: application)
    }
}

/// A kind of record that officers keep for their union subtree. The shared API controller and
/// page handlers work through these requirements, so every register lists, reads, creates,
/// changes, deletes and restores the same way, with the same scope and audit rules.
protocol ManagedRecord: Model, Audited where IDValue == UUID {
    associatedtype Input: Content
    associatedtype Output: Content
    associatedtype Filter: Content

    /// The path segment: `members` in `/api/v1/members` and `/members`.
    static var routeName: String { get }

    static func list(_ list: ListQuery, filter: Filter, scope: UnitScope, request: Request) async throws -> ListPage<Output>
    /// The record if it is in the scope; 404 otherwise, so its existence is not revealed.
    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> Self
    static func create(_ input: Input, context: WriteContext, once: FormOnce?) async throws -> Self
    func update(with input: Input, context: WriteContext) async throws
    func delete(context: WriteContext) async throws
    func restore(context: WriteContext) async throws
    func output(on request: Request) async throws -> Output
    /// `GET /api/v1/<route>/{id}`; a kind may widen who can read (a worker their own record).
    static func show(_ id: UUID, request: Request) async throws -> Output
}

extension ManagedRecord {
    static func show(_ id: UUID, request: Request) async throws -> Output {
        let (_, scope) = try await request.requireManager()
        return try await find(id, scope: scope, includingDeleted: false, on: request.db).output(on: request)
    }
}

/// `/api/v1/<route>`: list, create, read, update (PATCH), delete and restore, for any managed record.
struct RecordAPIController<Record: ManagedRecord>: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped(.constant(Record.routeName))
        records.get(use: list)
        records.post(use: create)
        records.get(":id", use: show)
        records.patch(":id", use: update)
        records.delete(":id", use: delete)
        records.post(":id", "restore", use: restore)
    }

    @Sendable func list(req: Request) async throws -> ListPage<Record.Output> {
        let (_, scope) = try await req.requireManager()
        return try await Record.list(try req.query.decode(ListQuery.self), filter: try req.query.decode(Record.Filter.self), scope: scope, request: req)
    }

    @Sendable func show(req: Request) async throws -> Record.Output {
        try await Record.show(try req.parameters.require("id"), request: req)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let record = try await Record.create(try req.content.decode(Record.Input.self), context: context, once: nil)
        return try await record.output(on: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> Record.Output {
        let context = try await req.writeContext()
        let record = try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db)
        try await record.update(with: try req.content.decode(Record.Input.self), context: context)
        return try await record.output(on: req)
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let context = try await req.writeContext()
        try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db).delete(context: context)
        return .noContent
    }

    @Sendable func restore(req: Request) async throws -> Record.Output {
        let context = try await req.writeContext()
        let record = try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: true, on: req.db)
        try await record.restore(context: context)
        return try await record.output(on: req)
    }
}

/// The page handlers every managed record shares: delete and restore from its page.
enum RecordPages<Record: ManagedRecord> {
    static func register(on routes: any RoutesBuilder) {
        let records = routes.grouped(.constant(Record.routeName))
        records.post(":id", "delete", use: delete)
        records.post(":id", "restore", use: restore)
    }

    @Sendable static func delete(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let id: UUID = try req.parameters.require("id")
        try await Record.find(id, scope: context.scope, includingDeleted: false, on: req.db).delete(context: context)
        return Pages.redirect("/\(Record.routeName)/\(id)", notice: "deleted", on: req)
    }

    @Sendable static func restore(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let id: UUID = try req.parameters.require("id")
        try await Record.find(id, scope: context.scope, includingDeleted: true, on: req.db).restore(context: context)
        return Pages.redirect("/\(Record.routeName)/\(id)", notice: "restored", on: req)
    }
}
