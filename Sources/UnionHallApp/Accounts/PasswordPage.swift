import UnionHallCore
import UnionHallPlatform
import Vapor

/// `/account/password`: every user changes their own password here, and one whose password the
/// admin set is sent here first.
struct PasswordPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", "password", use: form)
        routes.post("account", "password", use: change)
    }

    struct Context: Encodable {
        var layout: Layout
        var mustChange: Bool
        var minLength: Int
        var error: FormError?
    }

    struct FormData: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    @Sendable func form(req: Request) async throws -> Response {
        try await render(req, error: nil)
    }

    @Sendable func change(req: Request) async throws -> Response {
        let form = try req.content.decode(FormData.self)
        do {
            try await AccountService.changeOwnPassword(
                PasswordChange(currentPassword: form.currentPassword ?? "", newPassword: form.newPassword ?? ""), on: req)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await render(req, error: Pages.formError(error, on: req), status: .unprocessableEntity)
        }
        return req.redirect(to: "/?notice=passwordChanged")
    }

    private func render(_ req: Request, error: FormError?, status: HTTPStatus = .ok) async throws -> Response {
        let user = try req.requireUser()
        let context = Context(
            layout: Pages.layout(req, titleKey: "password.title"), mustChange: user.mustChangePassword,
            minLength: PasswordPolicy.minLength, error: error)
        return try await Pages.render("account/password", context, status: status, on: req)
    }
}
