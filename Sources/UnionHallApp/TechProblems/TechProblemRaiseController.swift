import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A worker raising a problem for their employer: `POST /api/v1/tech-problems/raise`.
struct TechProblemRaiseController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.constant(TechProblem.routeName), "raise") { req async throws -> Response in
            let problem = try await TechProblemService.createForWorker(try req.content.decode(TechProblemInput.self), request: req)
            return try await problem.output(on: req).encodeResponse(status: .created, for: req)
        }
    }
}
