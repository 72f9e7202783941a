import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The innovation alliance and exhibitions in the API document.
enum AlliancesAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "InnovationAlliance": S.record([
            "name": .string, "foundedDate": .string(format: .date), "description": .string, "figures": D.ref("AllianceFigures"),
        ]),
        "AllianceFigures": .object(properties: [
            "members": .integer, "activitiesHeld": .integer(description: "Outreach held since the founding, led by a member"),
            "personTimes": .integer, "problemsSolved": .integer(description: "Technical problems solved by a member since the founding"),
        ]),
        "InnovationAllianceInput": .object(properties: [
            "unitId": S.uuid.optionalSchemaObject(), "name": .string(required: false, maxLength: 60),
            "foundedDate": .string(format: .date, required: false), "description": .string(required: false, maxLength: 2_000),
            "version": .integer(required: false),
        ]),
        "AllianceMemberInput": .object(properties: ["memberId": S.uuid]),
        "AllianceMember": .object(properties: ["memberId": S.uuid, "name": .string, "joinedDate": .string(format: .date)]),
        "InnovationExhibition": S.record([
            "title": .string, "openedDate": .string(format: .date), "closedDate": .string(format: .date, required: false),
            "place": .string, "visitors": .integer, "items": .integer(description: "Innovation items on show"),
        ]),
        "InnovationExhibitionInput": .object(properties: [
            "unitId": S.uuid.optionalSchemaObject(), "title": .string(required: false, maxLength: 100),
            "openedDate": .string(format: .date, required: false),
            "closedDate": .string(required: false, description: "A date, or empty to clear it"),
            "place": .string(required: false, maxLength: 100),
            "visitors": .integer(required: false, maximum: (10_000_000, exclusive: false), minimum: (0, exclusive: false)),
            "version": .integer(required: false),
        ]),
        "ExhibitionItemInput": .object(properties: ["itemId": S.uuid]),
        "ExhibitionItem": .object(properties: ["itemId": S.uuid, "title": .string]),
        "AllianceStatistics": .object(properties: [
            "alliances": .integer, "members": .integer, "exhibitions": .integer(description: "Opened in the period"),
            "itemsShown": .integer, "visitors": .integer,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "InnovationAlliance": AllianceOutput.self,
            "AllianceFigures": AllianceFigures.self,
            "InnovationAllianceInput": AllianceInput.self,
            "AllianceMemberInput": AllianceMemberInput.self,
            "AllianceMember": AllianceMemberOutput.self,
            "InnovationExhibition": ExhibitionOutput.self,
            "InnovationExhibitionInput": ExhibitionInput.self,
            "ExhibitionItemInput": ExhibitionItemInput.self,
            "ExhibitionItem": ExhibitionItemOutput.self,
            "AllianceStatistics": AllianceStatistics.self,
        ]
    }

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /innovation-alliances/{id}/members": RouteNote("The alliance's members"),
            "POST /innovation-alliances/{id}/members": RouteNote(
                "A member joins the alliance", body: .json(AllianceMemberInput.self), status: 201,
                answer: .list(AllianceMemberOutput.self)),
            "DELETE /innovation-alliances/{id}/members/{memberId}": RouteNote("A member leaves the alliance", status: 204),
            "GET /innovation-exhibitions/{id}/items": RouteNote("The items on show"),
            "POST /innovation-exhibitions/{id}/items": RouteNote(
                "Put an innovation item on show", body: .json(ExhibitionItemInput.self), status: 201,
                answer: .list(ExhibitionItemOutput.self)),
            "DELETE /innovation-exhibitions/{id}/items/{itemId}": RouteNote("Take an item off the show", status: 204),
        ]
    }
}
