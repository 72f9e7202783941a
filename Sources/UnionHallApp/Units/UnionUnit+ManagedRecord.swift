import Fluent
import Vapor

extension UnionUnit: ManagedRecord {
    static let routeName = "units"

    static func list(_ list: ListQuery, filter: UnitFilter, scope: UnitScope, request: Request) async throws -> ListPage<UnitOutput> {
        try await UnitService.list(list, kind: filter.kind, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> UnionUnit {
        try await UnitService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: UnitInput, context: WriteContext, once: FormOnce?) async throws -> UnionUnit {
        try await UnitService.create(input, scope: context.scope, user: context.user, editor: context.editor, once: once, on: context.app)
    }

    func update(with input: UnitInput, context: WriteContext) async throws {
        _ = try await UnitService.update(self, with: input, scope: context.scope, user: context.user, editor: context.editor, on: context.app)
    }

    func delete(context: WriteContext) async throws {
        try await UnitService.delete(self, user: context.user, editor: context.editor, on: context.app)
    }

    func restore(context: WriteContext) async throws {
        try await UnitService.restore(self, editor: context.editor, on: context.app)
    }

    /// The path is read from the tree as it is now: a unit just created or moved is in it.
    func output(on request: Request) async throws -> UnitOutput {
        try UnitOutput(self, tree: try await UnitTree.load(on: request.db))
    }
}
