import Fluent
import UnionHallCore
import Vapor

/// `/api/v1/members`
struct MemberAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let members = routes.grouped("members")
        members.get(use: list)
        members.post(use: create)
        members.get(":id", use: show)
        members.patch(":id", use: update)
        members.delete(":id", use: delete)
        members.post(":id", "restore", use: restore)
    }

    struct RevealQuery: Content { var reveal: Bool? }

    @Sendable func list(req: Request) async throws -> ListPage<MemberOutput> {
        let (_, scope) = try await req.requireManager()
        return try await MemberQueries.search(try req.query.decode(ListQuery.self), filter: try req.query.decode(MemberFilter.self), scope: scope, on: req.db, countOn: req.secondDB)
    }

    /// A member sees their own record; officers see those in their subtree. `?reveal=true` shows
    /// the ID and phone in full to an officer or admin, and is audited.
    @Sendable func show(req: Request) async throws -> MemberOutput {
        let user = try req.requireUser()
        let id: UUID = try req.parameters.require("id")
        if user.role == .member {
            guard user.memberID == id, let member = try await Member.find(id, on: req.db), member.deletedAt == nil else { throw AppError.notFound }
            return try MemberOutput(member, reveal: try req.query.decode(RevealQuery.self).reveal == true)
        }
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(id, scope: scope, on: req.db)
        let reveal = try req.query.decode(RevealQuery.self).reveal == true
        if reveal { try await MemberService.reveal(member, editor: try req.editor(), on: req.application) }
        return try MemberOutput(member, reveal: reveal)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberService.create(try req.content.decode(MemberInput.self), scope: scope, editor: try req.editor(), on: req.application)
        return try await MemberOutput(member).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> MemberOutput {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(try req.parameters.require("id"), scope: scope, on: req.db)
        return try MemberOutput(try await MemberService.update(member, with: try req.content.decode(MemberInput.self), scope: scope, editor: try req.editor(), on: req.application))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(try req.parameters.require("id"), scope: scope, on: req.db)
        try await MemberService.delete(member, editor: try req.editor(), on: req.application)
        return .noContent
    }

    @Sendable func restore(req: Request) async throws -> MemberOutput {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        try await MemberService.restore(member, scope: scope, editor: try req.editor(), on: req.application)
        return try MemberOutput(member)
    }
}
