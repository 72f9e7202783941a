import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Signing in and out in the browser, and the language switch.
struct LoginPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: form)
        routes.chained(CSRFMiddleware()).post("login", use: login)
        routes.get("lang", ":code", use: language)
    }

    func bootProtected(routes: any RoutesBuilder) {
        routes.post("logout", use: logout)
    }

    struct Context: Encodable {
        var layout: Layout
        var username: String
        var next: String
        var error: String?
    }

    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    /// Shows the form, starting an anonymous session first so the form has a CSRF token.
    @Sendable func form(req: Request) async throws -> Response {
        if req.auth.has(User.self) { return req.redirect(to: "/") }
        let cookie = try await Sessions.startAnonymous(req)
        let next = Self.safeNext(try? req.query.get(String.self, at: "next"))
        let response = try await Pages.render(
            "login", Context(layout: Pages.layout(req, titleKey: "login.title"), username: "", next: next), on: req)
        Sessions.setCookie(cookie, on: response, request: req)
        return response
    }

    @Sendable func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let next = Self.safeNext(form.next)
        let user: User?
        do {
            user = try await AccountService.authenticate(Credentials(username: form.username ?? "", password: form.password ?? ""), on: req)
        } catch let error as AppError {
            return try await Pages.render(
                "login",
                Context(
                    layout: Pages.layout(req, titleKey: "login.title"), username: form.username ?? "", next: next,
                    error: req.t(error.key, error.arguments)), status: error.status, on: req)
        }
        guard let user else {
            return try await Pages.render(
                "login",
                Context(
                    layout: Pages.layout(req, titleKey: "login.title"), username: form.username ?? "", next: next,
                    error: req.t("error.login.failed")), status: .unauthorized, on: req)
        }
        // A new session ID at login: a session fixed before login is worth nothing after it.
        let anonymous = req.authSession
        let environment = req.application.current
        let editor = Editor(id: user.id, name: user.username, at: req.now)
        let token = try await req.write { db in
            try await anonymous?.delete(on: db)
            try await Sessions.sweep(on: db, environment: environment)
            try await Audit.record(.login, user, by: editor, on: db)
            return try await Sessions.start(userID: user.id, kind: .web, on: db, environment: environment).token
        }
        let response = req.redirect(to: next)
        response.cookies[Sessions.cookieName] = Sessions.cookie(token, on: req)
        return response
    }

    @Sendable func logout(req: Request) async throws -> Response {
        if let session = req.authSession {
            let user = try req.requireUser()
            let editor = try req.editor()
            try await req.write { db in
                try await session.delete(on: db)
                try await Audit.record(.logout, user, by: editor, on: db)
            }
        }
        req.auth.logout(User.self)
        let response = req.redirect(to: "/login?notice=loggedOut")
        response.cookies[Sessions.cookieName] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Sets the remembered language and goes back where the user was.
    @Sendable func language(req: Request) async throws -> Response {
        let code = try req.parameters.require("code")
        guard let language = UILanguage(rawValue: code) else { throw AppError.notFound }
        let response = req.redirect(to: Self.safeNext(try? req.query.get(String.self, at: "next")))
        response.cookies[UILanguage.cookieName] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: req.application.current.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// Only a local path: a link from elsewhere cannot send the user off-site after login.
    /// Printable ASCII only (a browser drops tabs and line breaks, so `/%09/evil.example` would become
    /// `//evil.example`), no backslash, no second leading slash, and no host when parsed.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.utf8.count <= 2_048,
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" }),
            let parsed = URLComponents(string: next), parsed.host == nil, parsed.scheme == nil
        else { return "/" }
        return next
    }
}
