import OpenAPIKit30
import UnionHallCore

/// The wire types, as JSON Schema. A test encodes real responses and checks them against these,
/// so the document cannot drift from the code.
package enum OpenAPISchemas {
    package static let uuid = JSONSchema.string(format: .other("uuid"))
    package static let timestamp = JSONSchema.string(format: .dateTime)

    package static func values<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> JSONSchema where E.RawValue == String {
        .string(allowedValues: E.allCases.map { AnyCodable($0.rawValue) })
    }

    /// The fields every stored record carries.
    package static func record(_ properties: [String: JSONSchema]) -> JSONSchema {
        let common: [String: JSONSchema] = [
            "id": uuid, "unitId": uuid, "version": .integer,
            "createdAt": timestamp.optionalSchemaObject(), "updatedAt": timestamp.optionalSchemaObject(),
            "deletedAt": timestamp.optionalSchemaObject(),
        ]
        let merged = common.merging(properties) { _, new in new }
        return .object(
            properties: OrderedDictionary(merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, uniquingKeysWith: { _, new in new })
        )
    }

    /// Schemas every part names: errors, page metadata, counts.
    package static let common: [OpenAPI.ComponentKey: JSONSchema] = [
        "Error": .object(properties: [
            "error": .string(description: "The reason, in the caller's language (Accept-Language)"),
            "field": .string(nullable: true, description: "The field to correct, or null"),
        ]),
        "Metadata": .object(properties: [
            "page": .integer, "per": .integer, "total": .integer, "pageCount": .integer,
            "totalCapped": .boolean(
                required: false, description: "The total is at least `total`: counting further would cost more than the page"),
            "next": .string(required: false, description: "On lists that page by key: `after=` for the next page"),
            "previous": .string(required: false, description: "On lists that page by key: `before=` for the previous page"),
        ]),
        "KeyCount": .object(properties: ["key": .string, "count": .integer]),
    ]

    package static var commonTypes: [String: any Decodable.Type] {
        ["Error": ErrorBody.self, "Metadata": ListPage<KeyCount>.Metadata.self, "KeyCount": KeyCount.self]
    }
}
