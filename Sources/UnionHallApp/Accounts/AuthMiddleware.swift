import Fluent
import UnionHallPlatform
import Vapor

/// Reads the browser's session cookie and signs its user in.
struct SessionCookieAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Sessions.cookieName]?.string,
            let session = try await Sessions.find(token: token, kind: .web, on: request)
        {
            request.authSession = session
            if let user = session.user { request.auth.login(user) }
        }
        return try await ReadSnapshot.$current.withValue(request.readSnapshot) { try await next.respond(to: request) }
    }
}

/// Reads `Authorization: Bearer <token>` for the API.
struct BearerTokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = request.headers.bearerAuthorization,
            let session = try await Sessions.find(token: bearer.token, kind: .api, on: request),
            let user = session.user
        {
            request.authSession = session
            request.auth.login(user)
        }
        return try await ReadSnapshot.$current.withValue(request.readSnapshot) { try await next.respond(to: request) }
    }
}

/// API routes behind it answer 401 without a valid token.
struct RequireAPIUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        _ = try request.requireUser()
        return try await next.respond(to: request)
    }
}

/// Page routes behind it send an anonymous visitor to the login page and back afterwards.
struct RequirePageUser: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(User.self) else {
            let next = request.method == .GET ? request.url.string : "/"
            return request.redirect(to: "/login?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")")
        }
        return try await next.respond(to: request)
    }
}

/// A user whose password the admin set reaches nothing but the password change (and signing out)
/// until they choose their own: the API answers 403, pages go to the form.
struct RequireOwnPassword: AsyncMiddleware {
    static let pagePath = "/account/password"
    static let allowed: Set<String> = [pagePath, "/logout", "/api/v1/auth/password", "/api/v1/auth/token"]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let user = request.auth.get(User.self), user.mustChangePassword, !Self.allowed.contains(request.url.path) {
            if request.isAPI { throw AppError(status: .forbidden, key: "error.password.mustChange", field: "password") }
            return request.redirect(to: Self.pagePath)
        }
        return try await next.respond(to: request)
    }
}

/// Every state-changing form carries the session's CSRF token in `_csrf` (Vapor has none built in).
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method != .GET, request.method != .HEAD {
            // A larger form (a file upload) arrives as a stream: collect it within its route's limit.
            if request.body.data == nil {
                let limit =
                    request.route?.bodyLimit(default: request.application.routes.defaultMaxBodySize)
                    ?? request.application.routes.defaultMaxBodySize
                _ = try await request.body.collect(max: limit.value).get()
            }
            let sent =
                request.headers.contentType?.type == "multipart"
                ? (try? MultipartForm.read(request))?.fields[Self.fieldName]
                : try? request.content.get(String.self, at: Self.fieldName)
            guard let expected = request.authSession?.csrfToken, let sent,
                Self.constantTimeEqual(Array(expected.utf8), Array(sent.utf8))
            else { throw AppError(status: .forbidden, key: "error.csrf") }
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
