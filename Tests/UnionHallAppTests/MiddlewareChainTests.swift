import Testing
import UnionHallPlatform
import Vapor
import VaporTesting

/// The chain must behave as Vapor's own middlewares one by one: in order in, reverse order out, a
/// middleware may answer alone, errors and task-local values cross it, and chains nest.
@Suite struct MiddlewareChainTests {
    /// Adds its name to `X-Trace` on the way in (a request header) and on the way out (the response's).
    struct Mark: AsyncMiddleware {
        let name: String
        @TaskLocal static var seen: String?

        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            request.headers.add(name: "X-Trace", value: "in " + name)
            let response = try await Mark.$seen.withValue((Mark.seen ?? "") + name) { try await next.respond(to: request) }
            response.headers.add(name: "X-Trace", value: "out " + name)
            return response
        }
    }

    struct Refuse: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            request.url.path.hasSuffix("refused") ? Response(status: .forbidden) : try await next.respond(to: request)
        }
    }

    struct Recover: AsyncMiddleware {
        func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
            do { return try await next.respond(to: request) } catch { return Response(status: .imATeapot) }
        }
    }

    func withRoutes(_ test: (Application) async throws -> Void) async throws {
        try await withApp { app in
            app.middleware = Middlewares()
            app.middleware.use(MiddlewareChain(Mark(name: "a"), Recover(), Mark(name: "b")))
            let inner = app.chained(Mark(name: "c"), Refuse())
            for path in ["ok", "refused"] {
                inner.get(.constant(path)) { request async -> Response in
                    let response = Response(status: .ok, body: .init(string: request.headers["X-Trace"].joined(separator: ",")))
                    response.headers.add(name: "X-Seen", value: Mark.seen ?? "")
                    return response
                }
            }
            inner.get("fails") { _ async throws -> Response in throw Abort(.badRequest) }
            app.get("plain") { _ in "plain" }
            try await test(app)
        }
    }

    @Test func runsInOrderAndUnwindsInReverse() async throws {
        try await withRoutes { app in
            try await app.testing().test(.GET, "ok") { response in
                #expect(response.status == .ok)
                #expect(response.body.string == "in a,in b,in c")
                #expect(response.headers["X-Trace"] == ["out c", "out b", "out a"])
                // Values an outer middleware binds reach the handler, across the nested chain too.
                #expect(response.headers.first(name: "X-Seen") == "abc")
            }
        }
    }

    @Test func aMiddlewareMayAnswerAlone() async throws {
        try await withRoutes { app in
            try await app.testing().test(.GET, "refused") { response in
                #expect(response.status == .forbidden)
                #expect(response.headers["X-Trace"] == ["out c", "out b", "out a"])
            }
        }
    }

    @Test func errorsReachTheMiddlewaresOutside() async throws {
        try await withRoutes { app in
            try await app.testing().test(.GET, "fails") { response in
                #expect(response.status == .imATeapot)
                #expect(response.headers["X-Trace"] == ["out a"])
            }
            // A route with a handler that is not async, behind the outer chain alone.
            try await app.testing().test(.GET, "plain") { response in
                #expect(response.body.string == "plain")
                #expect(response.headers["X-Trace"] == ["out b", "out a"])
            }
        }
    }
}
