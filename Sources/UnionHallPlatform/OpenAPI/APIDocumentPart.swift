import OpenAPIKit30

/// A feature's part of the API document: its paths and the schemas they name, declared in the
/// feature's folder with the helpers every part writes them with. `OpenAPIDocument` joins the
/// parts of `Features.all`.
package protocol APIDocumentPart: Sendable {
    static var schemas: [OpenAPI.ComponentKey: JSONSchema] { get }
    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] { get }
    /// Descriptions of the query parameters its registers' filters take, by name.
    static var notes: [String: String] { get }
    /// Query parameters of reading one of its records, beyond the id.
    static var readParameters: OpenAPI.Parameter.Array { get }
    /// What the feature's own API routes cannot say by themselves, by `"METHOD /path"`.
    static var routes: [String: RouteNote] { get }
}

extension APIDocumentPart {
    package static var notes: [String: String] { [:] }
    package static var readParameters: OpenAPI.Parameter.Array { [] }
    package static var routes: [String: RouteNote] { [:] }

    package typealias S = OpenAPISchemas
    package typealias D = OpenAPIDocument

    package static var uuid: JSONSchema { S.uuid }
    package static var optionalUUID: JSONSchema { S.uuid.optionalSchemaObject() }
    package static var date: JSONSchema { .string(format: .date) }
    package static var optionalDate: JSONSchema { .string(format: .date, required: false) }
    package static var optionalInt: JSONSchema { .integer(required: false) }
    /// Money in fen.
    package static var fen: JSONSchema { .integer(format: .int64) }
    package static var optionalFen: JSONSchema { .integer(format: .int64, required: false) }
    package static var keyCounts: JSONSchema { .array(items: D.ref("KeyCount")) }
    package static var namedCounts: JSONSchema { .array(items: .object(properties: ["id": .string, "name": .string, "count": .integer])) }
}
