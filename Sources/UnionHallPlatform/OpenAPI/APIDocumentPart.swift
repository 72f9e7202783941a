import OpenAPIKit30

/// A feature's part of the API document: its paths and the schemas they name, declared in the
/// feature's folder with the helpers every part writes them with. `OpenAPIDocument` joins the
/// parts of `Features.all`.
package protocol APIDocumentPart: Sendable {
    static var schemas: [OpenAPI.ComponentKey: JSONSchema] { get }
    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] { get }
    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] { get }
    /// Descriptions of the query parameters its registers' filters take, by name.
    static var notes: [String: String] { get }
    /// Query parameters of reading one of its records, beyond the id.
    static var readParameters: OpenAPI.Parameter.Array { get }
}

extension APIDocumentPart {
    package static var notes: [String: String] { [:] }
    package static var readParameters: OpenAPI.Parameter.Array { [] }
    package static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] { [] }

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

    package static var id: OpenAPI.Parameter.Array.Element { D.idParameter }
    package static var read: [Int] { [401, 403, 404] }
    package static var write: [Int] { [400, 401, 403, 404, 409, 422] }
    package static var period: OpenAPI.Parameter.Array {
        [
            .parameter(name: "from", context: .query, schema: date), .parameter(name: "to", context: .query, schema: date),
            .parameter(name: "unitId", context: .query, schema: uuid),
        ]
    }

    package static func op(
        _ tag: String, _ summary: String, body: String? = nil, code: Int = 200, _ result: JSONSchema?, errors: [Int],
        parameters: OpenAPI.Parameter.Array = []
    ) -> OpenAPI.Operation {
        .init(
            tags: [tag], summary: summary, parameters: parameters, requestBody: body.map { .init(content: D.json(D.ref($0))) },
            responses: D.responses(code, summary, result, errors: errors))
    }

    package static func path(_ id: String) -> OpenAPI.Parameter.Array.Element { .parameter(name: id, context: .path, schema: uuid) }

    /// A form with one file in `file`.
    package static var upload: OpenAPI.Request {
        .init(content: [.multipartForm: .init(schema: .object(properties: ["file": .string(format: .binary)]))])
    }

    package static func entry(_ path: String, _ item: OpenAPI.PathItem) -> (OpenAPI.Path, OpenAPI.PathItem) {
        (OpenAPI.Path(rawValue: path), item)
    }
}
