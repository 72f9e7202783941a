import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Studios, their members and results in the API document.
enum StudiosAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "StudioFigures": .object(properties: [
            "byKind": .object(additionalProperties: .b(.integer)), "byLevel": .object(additionalProperties: .b(.integer)),
            "total": .integer,
        ]),
        "Studio": S.record([
            "name": .string, "kind": S.values(StudioKind.self), "level": S.values(HonorLevel.self), "yearNamed": .integer,
            "namedBy": .string,
            "leadId": S.uuid, "leadName": .string, "headId": S.uuid.optionalSchemaObject(), "headName": .string(required: false),
            "organizationId": S.uuid.optionalSchemaObject(),
            "partnerIds": .array(description: "Partner colleges and employers", items: S.uuid),
            "designations": .array(description: "Designations beside the one it was made with", items: D.ref("StudioDesignation")),
            "memberCount": .integer,
            "figures": .object(
                description: "Totals of results by kind: counts, fen for funding and benefit, lines for measured benefits",
                additionalProperties: .init(.integer)),
        ]),
        "StudioInput": .object(properties: [
            "name": .string(required: false, maxLength: StudioDraft.maxNameLength),
            "kind": S.values(StudioKind.self).optionalSchemaObject(),
            "level": S.values(HonorLevel.self).optionalSchemaObject(), "yearNamed": .integer(required: false),
            "namedBy": .string(required: false),
            "leadId": S.uuid.optionalSchemaObject(),
            "headId": S.uuid.optionalSchemaObject(),
            "organizationId": S.uuid.optionalSchemaObject(),
            "partnerIds": .array(required: false, description: "All the studio's partners; absent keeps them", items: S.uuid),
            "version": .integer(required: false),
        ]),
        "StudioMemberInput": .object(properties: ["memberId": S.uuid]),
        "StudioMember": .object(properties: [
            "memberId": S.uuid, "name": .string, "trade": .string(required: false), "joinedAt": S.timestamp,
        ]),
        "StudioResult": .object(properties: [
            "id": S.uuid, "kind": S.values(StudioResultKind.self), "title": .string, "year": .integer, "quantity": .integer,
            "amountFen": .integer(format: .int64), "unit": .string(required: false), "baseline": .string(required: false),
        ]),
        "StudioResultInput": .object(properties: [
            "kind": S.values(StudioResultKind.self), "title": .string, "year": .integer,
            "quantity": .integer(required: false, description: "For counted kinds and measured benefits"),
            "amountFen": .integer(format: .int64, required: false, description: "For funding and benefit"),
            "unit": .string(
                required: false, description: "A measured benefit's unit (required for one)", maxLength: StudioResultRules.maxUnitLength),
            "baseline": .string(
                required: false, description: "What a measured benefit is measured against",
                maxLength: StudioResultRules.maxBaselineLength),
        ]),
        "StudioDesignation": .object(properties: [
            "id": S.uuid, "kind": S.values(StudioKind.self), "level": S.values(HonorLevel.self), "year": .integer, "namedBy": .string,
        ]),
        "StudioDesignationInput": .object(properties: [
            "kind": S.values(StudioKind.self), "level": S.values(HonorLevel.self), "year": .integer, "namedBy": .string,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "StudioFigures": StudioService.Counts.self,
            "Studio": StudioOutput.self,
            "StudioInput": StudioInput.self,
            "StudioMember": StudioMemberOutput.self,
            "StudioMemberInput": StudioMemberInput.self,
            "StudioResult": StudioResultOutput.self,
            "StudioResultInput": StudioResultInput.self,
            "StudioDesignation": StudioDesignationOutput.self,
            "StudioDesignationInput": StudioDesignationInput.self,
        ]
    }

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /studios/{id}/members": RouteNote("The studio's team"),
            "POST /studios/{id}/members": RouteNote(
                "Add a member to the team", body: .json(StudioMemberInput.self), status: 201, answer: .list(StudioMemberOutput.self)),
            "DELETE /studios/{id}/members/{memberId}": RouteNote("Remove a member (not the lead)", status: 204),
            "GET /studios/{id}/results": RouteNote("The studio's results"),
            "POST /studios/{id}/results": RouteNote(
                "Record a result", body: .json(StudioResultInput.self), status: 201, answer: .record(StudioResultOutput.self)),
            "DELETE /studios/{id}/results/{resultId}": RouteNote("Remove a result", status: 204),
            "GET /studios/{id}/designations": RouteNote("The studio's further designations"),
            "POST /studios/{id}/designations": RouteNote(
                "Record a further designation (a kind the studio does not hold yet)", body: .json(StudioDesignationInput.self),
                status: 201, answer: .record(StudioDesignationOutput.self)),
            "DELETE /studios/{id}/designations/{designationId}": RouteNote("Remove a further designation", status: 204),
        ]
    }
}
