import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// `POST /api/v1/auth/token` and `/api/v1/users` (admin only).
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("auth", "token", use: token)
    }

    func bootProtected(routes: any RoutesBuilder) {
        routes.delete("auth", "token", use: revoke)
        routes.post("auth", "password", use: changePassword)
        let users = routes.grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: show)
        users.patch(":id", use: update)
    }

    @Sendable func token(req: Request) async throws -> Response {
        let credentials = try req.content.decode(Credentials.self)
        guard let user = try await AccountService.authenticate(credentials, on: req) else {
            throw AppError(status: .unauthorized, key: "error.login.failed")
        }
        let editor = Editor(id: user.id, name: user.username, at: req.now)
        let (token, session) = try await req.write { db in
            try await Audit.record(.login, user, by: editor, on: db)
            return try await Sessions.start(userID: user.id, kind: .api, on: db, environment: req.application.current)
        }
        return try await TokenOutput(token: token, expiresAt: session.expiresAt, mustChangePassword: user.mustChangePassword)
            .encodeResponse(status: .created, for: req)
    }

    @Sendable func changePassword(req: Request) async throws -> HTTPStatus {
        try await AccountService.changeOwnPassword(try req.content.decode(PasswordChange.self), on: req)
        return .noContent
    }

    @Sendable func revoke(req: Request) async throws -> HTTPStatus {
        if let session = req.authSession {
            try await req.write { db in try await session.delete(on: db) }
        }
        return .noContent
    }

    @Sendable func list(req: Request) async throws -> ListPage<UserOutput> {
        _ = try req.requireRole(.admin)
        let list = try req.query.decode(ListQuery.self)
        let query = User.query(on: req.db)
        if let q = list.q, !q.isEmpty {
            query.group(.or) { $0.filter(\.$username ~~ q.lowercased()).filter(\.$displayName ~~ q) }
        }
        if let unitID = list.unitId { query.filter(\.$unitID == unitID) }
        return try await query.sort(\.$username).page(list) { try $0.map(UserOutput.init) }
    }

    static func find(_ req: Request) async throws -> User {
        _ = try req.requireRole(.admin)
        guard let user = try await User.find(try req.parameters.require("id"), on: req.db) else { throw AppError.notFound }
        return user
    }

    @Sendable func show(req: Request) async throws -> UserOutput {
        try UserOutput(try await Self.find(req))
    }

    @Sendable func update(req: Request) async throws -> UserOutput {
        try UserOutput(try await AccountService.update(try await Self.find(req), with: try req.content.decode(UserUpdate.self), on: req))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try await AccountService.create(try req.content.decode(UserInput.self), on: req)
        return try await UserOutput(user).encodeResponse(status: .created, for: req)
    }
}
