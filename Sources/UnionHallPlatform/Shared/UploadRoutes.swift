import Vapor

extension RoutesBuilder {
    /// A POST that takes a file, with its body limit. The limit is also kept on the route, because a
    /// page's CSRF check must collect the streamed body (to read the token) before the route does.
    @discardableResult
    package func upload(_ path: PathComponent..., maxSize: ByteCount, use closure: @escaping @Sendable (Request) async throws -> Response)
        -> Route
    {
        let route = on(.POST, path, body: .collect(maxSize: maxSize), use: closure)
        route.userInfo[Route.bodyLimitKey] = maxSize
        return route
    }
}

extension Route {
    package static let bodyLimitKey = "unionhall.bodyLimit"

    /// The most this route's body may hold: its own upload limit, or the app's default.
    package func bodyLimit(default fallback: ByteCount) -> ByteCount {
        userInfo[Self.bodyLimitKey] as? ByteCount ?? fallback
    }
}
