import Vapor

/// Async middlewares run one after another in one task. Vapor bridges each `AsyncMiddleware` on its
/// own: a new task, a promise, and a wait on the next one's future, so an API request crossed nine
/// tasks (five middlewares for every request, three for the API, the handler) and as many hand-offs
/// between threads. A chain costs one task, and calls a route's async handler directly.
package struct MiddlewareChain: Middleware {
    private let middlewares: [any AsyncMiddleware]

    package init(_ middlewares: [any AsyncMiddleware]) {
        self.middlewares = middlewares
    }

    package init(_ middlewares: any AsyncMiddleware...) {
        self.init(middlewares)
    }

    package func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let promise = request.eventLoop.makePromise(of: Response.self)
        promise.completeWithTask { try await respond(to: request, from: 0, then: next) }
        return promise.futureResult
    }

    private func respond(to request: Request, from index: Int, then next: any Responder) async throws -> Response {
        guard index < middlewares.count else {
            if let handler = next as? any AsyncResponder { return try await handler.respond(to: request) }
            return try await next.respond(to: request).get()
        }
        let rest = AsyncBasicResponder { request in try await respond(to: request, from: index + 1, then: next) }
        return try await middlewares[index].respond(to: request, chainingTo: rest)
    }
}

extension RoutesBuilder {
    /// Routes behind these middlewares, run as one chain (`MiddlewareChain`).
    package func chained(_ middlewares: any AsyncMiddleware...) -> any RoutesBuilder {
        grouped(MiddlewareChain(middlewares))
    }
}
