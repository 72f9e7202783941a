import Fluent
import UnionHallCore
import Vapor

extension InnovationItem: PlainlyDeletable {
    static let routeName = "innovation-items"

    static func list(_ list: ListQuery, filter: InnovationItemFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        InnovationItemOutput
    > {
        try await InnovationService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> InnovationItem {
        try await InnovationService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: InnovationItemInput, context: WriteContext, once: FormOnce?) async throws -> InnovationItem {
        try await InnovationService.create(input, context: context, once: once)
    }

    func update(with input: InnovationItemInput, context: WriteContext) async throws {
        try await InnovationService.update(self, with: input, context: context)
    }

    func output(on request: Request) async throws -> InnovationItemOutput {
        guard let output = try await InnovationService.outputs([self], on: request.db).first else { throw AppError.notFound }
        return output
    }

    /// Its officers and its authors read an item. A reviewer reads only its blind form, inside
    /// their assignment (`GET /api/v1/innovation-reviews`), so the review stays blind.
    static func show(_ id: UUID, request: Request) async throws -> InnovationItemOutput {
        let (item, reader) = try await InnovationService.readable(id, request: request)
        guard reader != .reviewer else { throw AppError.notFound }
        return try await item.output(on: request)
    }
}
