import Foundation
import OpenAPIKit30
import UnionHallPlatform
import Vapor

struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: document)
    }

    /// The document encoded once, on first use: serving it costs a copy, so anonymous clients
    /// cannot load the server by asking for it.
    static let encoded: ByteBuffer = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return ByteBuffer(data: (try? encoder.encode(OpenAPIDocument.document)) ?? Data("{}".utf8))
    }()

    @Sendable func document(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(buffer: Self.encoded))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return response
    }
}
