import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A studio's team, results and further designations: `/api/v1/studios/{id}/members`, `…/results`
/// and `…/designations`.
struct StudioPartsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let studio = routes.grouped("studios", ":id")
        studio.get("members", use: members)
        studio.post("members", use: addMember)
        studio.delete("members", ":memberId", use: removeMember)
        studio.get("results", use: results)
        studio.post("results", use: addResult)
        studio.delete("results", ":resultId", use: removeResult)
        studio.get("designations", use: designations)
        studio.post("designations", use: addDesignation)
        studio.delete("designations", ":designationId", use: removeDesignation)
    }

    @Sendable func designations(req: Request) async throws -> [StudioDesignationOutput] {
        try await StudioService.designations(of: try await studio(req).0, on: req.db)
    }

    @Sendable func addDesignation(req: Request) async throws -> Response {
        let (studio, context) = try await studio(req)
        let row = try await StudioService.addDesignation(
            try req.content.decode(StudioDesignationInput.self), to: studio, context: context)
        return try await StudioDesignationOutput(row).encodeResponse(status: .created, for: req)
    }

    @Sendable func removeDesignation(req: Request) async throws -> HTTPStatus {
        let (studio, context) = try await studio(req)
        try await StudioService.removeDesignation(try req.parameters.require("designationId"), from: studio, context: context)
        return .noContent
    }

    private func studio(_ req: Request) async throws -> (Studio, WriteContext) {
        let context = try await req.writeContext()
        return (try await Studio.find(try req.parameters.require("id"), scope: context.scope, on: req.db), context)
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
