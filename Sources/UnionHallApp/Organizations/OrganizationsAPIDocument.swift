import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Organisations in the API document.
enum OrganizationsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Organization": S.record([
            "name": .string, "kind": S.values(OrganizationKind.self), "creditCode": .string(required: false),
            "headcount": .integer(required: false), "sector": S.values(IndustrySector.self).optionalSchemaObject(),
        ]),
        "OrganizationInput": .object(properties: [
            "name": .string(required: false, maxLength: OrganizationDraft.maxNameLength),
            "kind": S.values(OrganizationKind.self).optionalSchemaObject(),
            "creditCode": .string(required: false, description: "Unified Social Credit Code (GB 32100); required for employers"),
            "headcount": .integer(required: false, maximum: (10_000_000, exclusive: false), minimum: (0, exclusive: false)),
            "sector": S.values(IndustrySector.self).optionalSchemaObject(),
            "unitId": S.uuid.optionalSchemaObject(),
            "version": .integer(required: false),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "Organization": OrganizationOutput.self,
            "OrganizationInput": OrganizationInput.self,
        ]
    }
}
