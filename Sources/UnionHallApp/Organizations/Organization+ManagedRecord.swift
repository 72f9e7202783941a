import Fluent
import Vapor

extension Organization: ManagedRecord {
    static let routeName = "organizations"

    static func list(_ list: ListQuery, filter: OrganizationFilter, scope: UnitScope, request: Request) async throws -> ListPage<OrganizationOutput> {
        try await OrganizationService.list(list, kind: filter.kind, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> Organization {
        try await OrganizationService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: OrganizationInput, context: WriteContext, once: FormOnce?) async throws -> Organization {
        try await OrganizationService.create(input, scope: context.scope, editor: context.editor, once: once, on: context.app)
    }

    func update(with input: OrganizationInput, context: WriteContext) async throws {
        _ = try await OrganizationService.update(self, with: input, scope: context.scope, editor: context.editor, on: context.app)
    }

    func delete(context: WriteContext) async throws {
        try await OrganizationService.delete(self, editor: context.editor, on: context.app)
    }

    func restore(context: WriteContext) async throws {
        try await OrganizationService.restore(self, editor: context.editor, on: context.app)
    }

    func output(on request: Request) async throws -> OrganizationOutput {
        try OrganizationOutput(self)
    }
}
