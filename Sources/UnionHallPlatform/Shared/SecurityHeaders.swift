import Vapor

/// Headers every response carries: no inline script or style, no framing, no MIME sniffing.
/// `Server-Timing` reports the server's own time for each request, which the benchmarks read.
package struct SecurityHeadersMiddleware: AsyncMiddleware {
    package static let contentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'"

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if request.application.current.secureCookies || request.headers.first(name: "X-Forwarded-Proto") == "https" {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        // Read once: Vapor builds `path` afresh, escapes replaced, on each read.
        let path = request.url.path
        if path != "/login", path != "/api/v1/openapi.json", !path.hasPrefix("/css/"), !path.hasPrefix("/js/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        response.headers.replaceOrAdd(name: "Server-Timing", value: "app;dur=" + (ContinuousClock.now - started).millisecondText)
        return response
    }

    package init() {}
}
