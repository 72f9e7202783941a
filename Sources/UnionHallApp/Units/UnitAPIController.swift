import Fluent
import UnionHallCore
import Vapor

/// `/api/v1/units`
struct UnitAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("units")
        units.get(use: list)
        units.post(use: create)
        units.get(":id", use: show)
        units.patch(":id", use: update)
        units.delete(":id", use: delete)
        units.post(":id", "restore", use: restore)
    }

    struct Filter: Content { var kind: UnitKind? }

    @Sendable func list(req: Request) async throws -> ListPage<UnitOutput> {
        let (_, scope) = try await req.requireManager()
        return try await UnitService.list(try req.query.decode(ListQuery.self), kind: try req.query.decode(Filter.self).kind, scope: scope, on: req.db)
    }

    @Sendable func show(req: Request) async throws -> UnitOutput {
        let (_, scope) = try await req.requireManager()
        return try UnitOutput(try await UnitService.find(try req.parameters.require("id"), scope: scope, on: req.db), tree: scope.tree)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        let unit = try await UnitService.create(try req.content.decode(UnitInput.self), scope: scope, user: user, editor: try req.editor(), on: req.application)
        return try await UnitOutput(unit, tree: try UnitTree.load(on: req.db)).encodeResponse(status: .created, for: req)
    }

    @Sendable func update(req: Request) async throws -> UnitOutput {
        let (user, scope) = try await req.requireManager()
        let unit = try await UnitService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let updated = try await UnitService.update(unit, with: try req.content.decode(UnitInput.self), scope: scope, user: user, editor: try req.editor(), on: req.application)
        return try UnitOutput(updated, tree: try await UnitTree.load(on: req.db))
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        let (user, scope) = try await req.requireManager()
        let unit = try await UnitService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        try await UnitService.delete(unit, user: user, editor: try req.editor(), on: req.application)
        return .noContent
    }

    @Sendable func restore(req: Request) async throws -> UnitOutput {
        let (_, scope) = try await req.requireManager()
        let unit = try await UnitService.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        try await UnitService.restore(unit, editor: try req.editor(), on: req.application)
        return try UnitOutput(unit, tree: try await UnitTree.load(on: req.db))
    }
}
