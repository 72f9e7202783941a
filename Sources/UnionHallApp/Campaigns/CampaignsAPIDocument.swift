import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Campaigns (助企行, 助农行) in the API document.
enum CampaignsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "OutreachCampaign": S.record([
            "name": .string, "kind": S.values(CampaignKind.self), "startDate": .string(format: .date),
            "endDate": .string(format: .date, required: false), "description": .string, "figures": D.ref("OutreachCampaignFigures"),
        ]),
        "OutreachCampaignFigures": .object(properties: [
            "activitiesHeld": .integer, "personTimes": .integer, "problemsRaised": .integer, "problemsSolved": .integer,
            "benefitFen": .integer(format: .int64, description: "Yearly benefit of the problems solved"),
        ]),
        "OutreachCampaignInput": .object(properties: [
            "unitId": S.uuid.optionalSchemaObject(),
            "name": .string(required: false, maxLength: CampaignRules.maxNameLength),
            "kind": S.values(CampaignKind.self).optionalSchemaObject(), "startDate": .string(format: .date, required: false),
            "endDate": .string(required: false, description: "A date, or empty to clear it"),
            "description": .string(required: false, maxLength: 2_000), "version": .integer(required: false),
        ]),
        "OutreachCampaignStatistics": .object(properties: [
            "campaigns": .integer(description: "Campaigns under way in the period"),
            "byKind": .array(
                items: .object(properties: [
                    "key": S.values(CampaignKind.self), "campaigns": .integer, "activitiesHeld": .integer, "personTimes": .integer,
                    "problemsSolved": .integer,
                ])),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "OutreachCampaign": OutreachCampaignOutput.self,
            "OutreachCampaignFigures": OutreachCampaignFigures.self,
            "OutreachCampaignInput": OutreachCampaignInput.self,
            "OutreachCampaignStatistics": OutreachCampaignStatistics.self,
        ]
    }
}
