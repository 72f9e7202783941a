import OpenAPIKit30
import UnionHallPlatform

extension Feature {
    /// The API document.
    static let openAPI = Feature(name: "openAPI", routes: { try $0.publicAPI.register(collection: OpenAPIController()) })
}

extension OpenAPIDocument {
    /// The document joined from every feature's part, with every status each operation can answer.
    static let document: OpenAPI.Document = document(of: Features.all)
}
