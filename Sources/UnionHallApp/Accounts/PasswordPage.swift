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
        var error: FormError?
        var fields: [FormField]
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
            return try await render(req, error: error)
        }
        return req.redirect(to: "/?notice=passwordChanged")
    }

    private func render(_ req: Request, error: AppError?) async throws -> Response {
        let user = try req.requireUser()
        let fields = FormFields(req, error: error)
        let minimum = String(PasswordPolicy.minLength)
        let context = Context(
            layout: Pages.layout(req, titleKey: "password.title"), mustChange: user.mustChangePassword, error: fields.error,
            fields: [
                fields.input(
                    "currentPassword", "password.current", nil, type: "password", required: true, ["autocomplete": "current-password"]),
                fields.input(
                    "newPassword", "password.new", nil, type: "password", required: true, hint: "password.hint",
                    hintArguments: [minimum], ["autocomplete": "new-password", "minlength": minimum]),
            ])
        return try await Pages.render("account/password", context, status: fields.status, on: req)
    }
}
