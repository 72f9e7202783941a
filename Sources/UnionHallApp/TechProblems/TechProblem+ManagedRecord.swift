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

    func update(with input: TechProblemInput, context: WriteContext, replacing: Bool) async throws {
        try await TechProblemService.update(self, with: input, context: context)
    }


    func output(on request: Request) async throws -> TechProblemOutput {
        guard let output = try await TechProblemService.outputs([self], on: request.db).first else { throw AppError.notFound }
        return output
    }
}

/// The workflow steps, and a worker raising a problem for their employer:
/// `POST /api/v1/tech-problems/{id}/<match|solve|close>`, `POST /api/v1/tech-problems/raise`.
struct TechProblemStepController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for step in TechProblemStep.allCases {
            routes.post(.constant(TechProblem.routeName), ":id", .constant(step.rawValue)) { req in
                let context = try await req.writeContext()
                let problem = try await TechProblemService.find(try req.parameters.require("id"), scope: context.scope, on: req.db)
                try await TechProblemService.step(step, problem, input: try req.content.decode(TechProblemStepInput.self), context: context)
                return try await problem.output(on: req)
            }
        }
        routes.post(.constant(TechProblem.routeName), "raise") { req async throws -> Response in
            let problem = try await TechProblemService.createForWorker(try req.content.decode(TechProblemInput.self), request: req)
            return try await problem.output(on: req).encodeResponse(status: .created, for: req)
        }
    }
}
