import Fluent
import UnionHallCore
import Vapor

/// `/api/v1/organizations`
struct OrganizationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organizations = routes.grouped("organizations")
        organizations.get(use: list)
        organizations.post(use: create)
        organizations.get(":id", use: show)
        organizations.patch(":id", use: update)
        organizations.delete(":id", use: delete)
        organizations.post(":id", "restore", use: restore)
    }

    struct Filter: Content { var kind: OrganizationKind? }

    @Sendable func list(req: Request) async throws -> ListPage<OrganizationOutput> {
        let (_, scope) = try await req.requireManager()
        return try await OrganizationService.list(try req.query.decode(ListQuery.self), kind: try req.query.decode(Filter.self).kind, scope: scope, on: req.db)
    }

    @Sendable func show(req: Request) async throws -> OrganizationOutput {
        let (_, scope) = try await req.requireManager()
        return try OrganizationOutput(try await OrganizationService.find(try req.parameters.require("id"), scope: scope, on: req.db))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let organization = try await OrganizationService.create(try req.content.decode(OrganizationInput.self), scope: scope, editor: try req.editor(), on: req.application)
        return try await OrganizationOutput(organization).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> OrganizationOutput {
        let (_, scope) = try await req.requireManager()
        let organization = try await OrganizationService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        return try OrganizationOutput(try await OrganizationService.update(organization, with: try req.content.decode(OrganizationInput.self), scope: scope, editor: try req.editor(), on: req.application))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (_, scope) = try await req.requireManager()
        let organization = try await OrganizationService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        try await OrganizationService.delete(organization, editor: try req.editor(), on: req.application)
        return .noContent
    }

    @Sendable func restore(req: Request) async throws -> OrganizationOutput {
        let (_, scope) = try await req.requireManager()
        let organization = try await OrganizationService.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        try await OrganizationService.restore(organization, editor: try req.editor(), on: req.application)
        return try OrganizationOutput(organization)
    }
}
