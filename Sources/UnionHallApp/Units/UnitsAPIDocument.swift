import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The union tree in the API document.
enum UnitsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Unit": S.record([
            "name": .string, "kind": S.values(UnitKind.self), "parentId": S.uuid.optionalSchemaObject(),
            "path": .string(description: "Names from the root down, joined by ›"),
        ]),
        "UnitInput": .object(properties: [
            "name": .string(required: false, maxLength: UnitRules.maxNameLength),
            "kind": S.values(UnitKind.self).optionalSchemaObject(),
            "parentId": S.uuid.optionalSchemaObject(),
            "version": .integer(required: false, description: "Required on PATCH: the version the change was made from"),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "Unit": UnitOutput.self,
            "UnitInput": UnitInput.self,
        ]
    }
}
