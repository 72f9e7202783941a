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

    func update(with input: MentorshipInput, context: WriteContext, replacing: Bool) async throws {
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

/// `POST /api/v1/mentorship-agreements/{id}/<sign|start|complete|terminate>`.
struct MentorshipStepController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for step in MentorshipStep.allCases {
            routes.post(.constant(MentorshipAgreement.routeName), ":id", .constant(step.rawValue)) { req in
                try await Self.perform(step, req: req)
            }
        }
    }

    @Sendable static func perform(_ step: MentorshipStep, req: Request) async throws -> MentorshipOutput {
        let context = try await req.writeContext()
        let agreement = try await MentorshipService.find(try req.parameters.require("id"), scope: context.scope, on: req.db)
        try await MentorshipService.step(step, agreement, input: try req.content.decode(MentorshipStepInput.self), context: context)
        return try await agreement.output(on: req)
    }
}
