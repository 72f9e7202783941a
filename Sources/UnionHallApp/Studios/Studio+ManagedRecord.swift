import Fluent
import Vapor

extension Studio: PlainlyDeletable {
    static let routeName = "studios"
    /// Results by kind: the studio's page and figures show them.
    static let exportOmits: Set<String> = ["figures"]

    static func list(_ list: ListQuery, filter: StudioFilter, scope: UnitScope, request: Request) async throws -> ListPage<StudioOutput> {
        try await StudioService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> Studio {
        try await StudioService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    static func create(_ input: StudioInput, context: WriteContext, once: FormOnce?) async throws -> Studio {
        try await StudioService.create(input, context: context, once: once)
    }

    func update(with input: StudioInput, context: WriteContext) async throws {
        try await StudioService.update(self, with: input, context: context)
    }


    func output(on request: Request) async throws -> StudioOutput {
        guard let output = try await StudioService.outputs([self], on: request.db).first else { throw AppError.notFound }
        return output
    }
}

/// A studio's team and results: `/api/v1/studios/{id}/members` and `/api/v1/studios/{id}/results`.
struct StudioPartsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let studio = routes.grouped("studios", ":id")
        studio.get("members", use: members)
        studio.post("members", use: addMember)
        studio.delete("members", ":memberId", use: removeMember)
        studio.get("results", use: results)
        studio.post("results", use: addResult)
        studio.delete("results", ":resultId", use: removeResult)
    }

    private func studio(_ req: Request) async throws -> (Studio, WriteContext) {
        let context = try await req.writeContext()
        return (try await StudioService.find(try req.parameters.require("id"), scope: context.scope, on: req.db), context)
    }

    @Sendable func members(req: Request) async throws -> [StudioMemberOutput] {
        try await StudioService.members(of: try await studio(req).0, on: req.db)
    }

    @Sendable func addMember(req: Request) async throws -> Response {
        let (studio, context) = try await studio(req)
        try await StudioService.addMember(try req.content.decode(StudioMemberInput.self).memberId, to: studio, context: context)
        return try await StudioService.members(of: studio, on: req.db).encodeResponse(status: .created, for: req)
    }

    @Sendable func removeMember(req: Request) async throws -> HTTPStatus {
        let (studio, context) = try await studio(req)
        try await StudioService.removeMember(try req.parameters.require("memberId"), from: studio, context: context)
        return .noContent
    }

    @Sendable func results(req: Request) async throws -> [StudioResultOutput] {
        try await StudioService.results(of: try await studio(req).0, on: req.db)
    }

    @Sendable func addResult(req: Request) async throws -> Response {
        let (studio, context) = try await studio(req)
        let result = try await StudioService.addResult(try req.content.decode(StudioResultInput.self), to: studio, context: context)
        return try await StudioResultOutput(result).encodeResponse(status: .created, for: req)
    }

    @Sendable func removeResult(req: Request) async throws -> HTTPStatus {
        let (studio, context) = try await studio(req)
        try await StudioService.removeResult(try req.parameters.require("resultId"), from: studio, context: context)
        return .noContent
    }
}
