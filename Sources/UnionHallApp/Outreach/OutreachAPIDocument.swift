import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Outreach activities in the API document.
enum OutreachAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "OutreachFigures": .object(properties: [
            "heldByKind": .object(additionalProperties: .b(.integer)), "personTimesByKind": .object(additionalProperties: .b(.integer)),
            "personTimes": .integer, "endorsers": .integer, "planned": .integer,
        ]),
        "OutreachActivity": S.record([
            "title": .string, "kind": S.values(OutreachKind.self), "status": S.values(OutreachStatus.self),
            "plannedDate": .string(format: .date),
            "heldDate": .string(format: .date, required: false), "place": .string, "partnerId": S.uuid.optionalSchemaObject(),
            "studioId": S.uuid.optionalSchemaObject(), "outreachCampaignId": S.uuid.optionalSchemaObject(), "audience": .string,
            "personTimes": .integer,
            "leaderIds": .array(items: S.uuid), "leaderNames": .array(items: .string), "cancelReason": .string(required: false),
        ]),
        "OutreachInput": .object(properties: [
            "unitId": S.uuid.optionalSchemaObject(), "title": .string(required: false),
            "kind": S.values(OutreachKind.self).optionalSchemaObject(),
            "plannedDate": .string(format: .date, required: false), "place": .string(required: false),
            "partnerId": S.uuid.optionalSchemaObject(),
            "studioId": S.uuid.optionalSchemaObject(), "audience": .string(required: false),
            "outreachCampaignId": S.uuid.optionalSchemaObject(),
            "leaderIds": .array(required: false, items: S.uuid),
            "version": .integer(required: false),
        ]),
        "OutreachStep": .object(properties: [
            "version": .integer, "date": .string(format: .date, required: false),
            "personTimes": .integer(required: false, description: "Required to hold"),
            "reason": .string(required: false, description: "Required to cancel"),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "OutreachFigures": OutreachService.Counts.self,
            "OutreachActivity": OutreachOutput.self,
            "OutreachInput": OutreachInput.self,
            "OutreachStep": OutreachStepInput.self,
        ]
    }
}
