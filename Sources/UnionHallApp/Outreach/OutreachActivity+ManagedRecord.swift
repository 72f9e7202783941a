import Fluent
import UnionHallCore
import Vapor

extension OutreachActivity: PlainlyDeletable {
    static let routeName = "outreach-activities"

    static func list(_ list: ListQuery, filter: OutreachFilter, scope: UnitScope, request: Request) async throws -> ListPage<OutreachOutput> {
        try await OutreachService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> OutreachActivity {
        try await OutreachService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: OutreachInput, context: WriteContext, once: FormOnce?) async throws -> OutreachActivity {
        try await OutreachService.create(input, context: context, once: once)
    }

    func update(with input: OutreachInput, context: WriteContext) async throws {
        try await OutreachService.update(self, with: input, context: context)
    }


    func output(on request: Request) async throws -> OutreachOutput {
        guard let output = try await OutreachService.outputs([self], on: request.db).first else { throw AppError.notFound }
        return output
    }
}
