import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The audit log in the API document.
enum AuditAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "AuditEntry": .object(properties: [
            "id": S.uuid, "at": S.timestamp, "actorId": S.uuid.optionalSchemaObject(), "actorName": .string,
            "unitId": S.uuid.optionalSchemaObject(), "entity": .string, "entityId": S.uuid.optionalSchemaObject(),
            "action": S.values(AuditEntry.Action.self),
            "before": .object(required: false, additionalProperties: .init(.string)),
            "after": .object(required: false, additionalProperties: .init(.string)),
        ])
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "AuditEntry": AuditEntryOutput.self
        ]
    }

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries.append(
            entry(
                "/api/v1/audit-entries",
                OpenAPI.PathItem(
                    get: .init(
                        tags: ["audit"], summary: "The audit log of the caller's subtree",
                        parameters: D.listParameters + [
                            .parameter(name: "entity", context: .query, schema: .string),
                            .parameter(name: "entityId", context: .query, schema: OpenAPISchemas.uuid),
                            .parameter(name: "action", context: .query, schema: OpenAPISchemas.values(AuditEntry.Action.self)),
                        ], responses: D.responses(200, "A page of audit entries", D.page(of: "AuditEntry"), errors: [401, 403, 404, 422]))))
        )

        return entries
    }
}
