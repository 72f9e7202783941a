import OpenAPIKit30
import UnionHallPlatform

extension Feature {
    /// The API document.
    static let openAPI = Feature(
        name: "openAPI", routes: { try $0.publicAPI.register(collection: OpenAPIController()) }, api: OpenAPIAPIDocument.self)
}

extension OpenAPIDocument {
    /// The document joined from every feature's part, with every status each operation can answer.
    static let document: OpenAPI.Document = document(of: Features.all)
}

/// The document describes itself.
enum OpenAPIAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [:]
    static var types: [String: any Decodable.Type] { [:] }
    static var routes: [String: RouteNote] {
        ["GET /openapi.json": RouteNote("This document (OpenAPI 3.0)", answer: .object)]
    }
}
