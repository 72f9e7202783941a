import Fluent
import Vapor

extension Member: ManagedRecord {
    static let routeName = "members"
    static let exportOmits: Set<String> = ["masked"]

    static func list(_ list: ListQuery, filter: MemberFilter, scope: UnitScope, request: Request) async throws -> ListPage<MemberOutput> {
        try await MemberQueries.search(list, filter: filter, scope: scope, on: request.db, countOn: request.secondDB)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> Member {
        try await MemberQueries.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: MemberInput, context: WriteContext, once: FormOnce?) async throws -> Member {
        try await MemberService.create(input, scope: context.scope, editor: context.editor, once: once, on: context.app)
    }

    func update(with input: MemberInput, context: WriteContext) async throws {
        _ = try await MemberService.update(self, with: input, scope: context.scope, editor: context.editor, on: context.app)
    }

    func delete(context: WriteContext) async throws {
        try await MemberService.delete(self, editor: context.editor, on: context.app)
    }

    func restore(context: WriteContext) async throws {
        try await MemberService.restore(self, scope: context.scope, editor: context.editor, on: context.app)
    }

    func output(on request: Request) async throws -> MemberOutput {
        try MemberOutput(self, seesAid: try await request.scope().seesAid)
    }

    struct RevealQuery: Content { var reveal: Bool? }

    /// A worker reads their own record; officers those in their subtree. `?reveal=true` shows the
    /// ID and phone in full to an officer or admin, and is audited.
    static func show(_ id: UUID, request: Request) async throws -> MemberOutput {
        let user = try request.requireUser()
        let reveal = try request.query.decode(RevealQuery.self).reveal == true
        if user.role == .member {
            guard user.memberID == id, let member = try await Member.find(id, on: request.db), member.deletedAt == nil else {
                throw AppError.notFound
            }
            return try MemberOutput(member, reveal: reveal, seesAid: true)
        }
        let (_, scope) = try await request.requireManager()
        let member = try await MemberQueries.find(id, scope: scope, on: request.db)
        if reveal { try await MemberService.reveal(member, editor: try request.editor(), on: request.application) }
        return try MemberOutput(member, reveal: reveal, seesAid: scope.seesAid)
    }
}
