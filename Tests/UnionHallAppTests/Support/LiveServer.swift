import AsyncHTTPClient
import NIOCore
import NIOPosix
import UnionHallPlatform
import Vapor
import VaporTesting

/// The app listening on a real loopback port for the length of one test, and a client that,
/// unlike VaporTesting's, does not follow redirects: the tests look at the redirects themselves.
final class LiveServer: @unchecked Sendable {
    let client: HTTPClient
    let port: Int
    private let app: Application

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
        // The whole suite runs in parallel on two cores in CI: a test that sends many requests at
        // once must wait for a connection as long as the server may take, not a client default.
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(120), read: .seconds(120))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        self.client = HTTPClient(eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: configuration)
    }

    static func start(_ app: Application) async throws -> LiveServer {
        app.http.server.configuration.port = 0
        app.http.server.configuration.hostname = "127.0.0.1"
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError, reason: "no port") }
        return LiveServer(app: app, port: port)
    }

    func sendRequest(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil) async throws -> LiveResponse
    {
        let path = path.hasPrefix("/") ? path : "/" + path
        var outgoing = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        outgoing.method = method
        outgoing.headers = headers
        if let body { outgoing.body = .bytes(body) }
        let response = try await client.execute(outgoing, timeout: .seconds(60))
        let collected = try await response.body.collect(upTo: 32 * 1024 * 1024)
        return LiveResponse(status: response.status, headers: response.headers, body: collected)
    }

    func stop() async {
        try? await client.shutdown()
        await app.server.shutdown()
    }
}

/// A response as it came over the wire.
struct LiveResponse: Sendable {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let body: ByteBuffer
}
