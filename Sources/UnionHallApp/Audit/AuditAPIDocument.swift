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

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /audit-entries": RouteNote("The audit log of the caller's subtree", query: [ListQuery.self, AuditFilter.self])
        ]
    }
}
