import Fluent
import UnionHallCore
import Vapor

extension MentorshipAgreement: ManagedRecord {
    static let routeName = "mentorship-agreements"

    static func list(_ list: ListQuery, filter: MentorshipFilter, scope: UnitScope, request: Request) async throws -> ListPage<MentorshipOutput> {
        try await MentorshipService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> MentorshipAgreement {
        try await MentorshipService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: MentorshipInput, context: WriteContext, once: FormOnce?) async throws -> MentorshipAgreement {
        try await MentorshipService.create(input, context: context, once: once)
    }

    func update(with input: MentorshipInput, context: WriteContext) async throws {
        try await MentorshipService.update(self, with: input, context: context)
    }

    func delete(context: WriteContext) async throws {
        try await MentorshipService.setDeleted(self, true, context: context)
    }

    func restore(context: WriteContext) async throws {
        try await MentorshipService.setDeleted(self, false, context: context)
    }

    func output(on request: Request) async throws -> MentorshipOutput {
        try MentorshipOutput(self, names: try await MentorshipService.memberNames([mentorID, apprenticeID], on: request.db))
    }
}
