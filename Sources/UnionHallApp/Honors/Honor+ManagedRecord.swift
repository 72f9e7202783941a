import Fluent
import Vapor

extension Honor: PlainlyDeletable {
    static let routeName = "honors"
    /// `competition-entry:<id>`: where a competition result came from, for the program that wrote it.
    static let exportOmits: Set<String> = ["source"]

    static func list(_ list: ListQuery, filter: HonorFilter, scope: UnitScope, request: Request) async throws -> ListPage<HonorOutput> {
        try await HonorService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> Honor {
        try await HonorService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: HonorInput, context: WriteContext, once: FormOnce?) async throws -> Honor {
        try await HonorService.create(input, context: context, once: once)
    }

    func update(with input: HonorInput, context: WriteContext) async throws {
        try await HonorService.update(self, with: input, context: context)
    }


    func output(on request: Request) async throws -> HonorOutput {
        try HonorOutput(self, member: try await Member.find(memberID, on: request.db))
    }
}
