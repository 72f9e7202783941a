import Fluent
import UnionHallCore
import Vapor

extension TechProblem: PlainlyDeletable {
    static let routeName = "tech-problems"

    static func list(_ list: ListQuery, filter: TechProblemFilter, scope: UnitScope, request: Request) async throws -> ListPage<TechProblemOutput> {
        try await TechProblemService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> TechProblem {
        try await TechProblemService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: TechProblemInput, context: WriteContext, once: FormOnce?) async throws -> TechProblem {
        try await TechProblemService.create(input, context: context, once: once)
    }

    func update(with input: TechProblemInput, context: WriteContext) async throws {
        try await TechProblemService.update(self, with: input, context: context)
    }


    func output(on request: Request) async throws -> TechProblemOutput {
        guard let output = try await TechProblemService.outputs([self], on: request.db).first else { throw AppError.notFound }
        return output
    }
}

/// A worker raising a problem for their employer: `POST /api/v1/tech-problems/raise`.
struct TechProblemRaiseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.constant(TechProblem.routeName), "raise") { req async throws -> Response in
            let problem = try await TechProblemService.createForWorker(try req.content.decode(TechProblemInput.self), request: req)
            return try await problem.output(on: req).encodeResponse(status: .created, for: req)
        }
    }
}
