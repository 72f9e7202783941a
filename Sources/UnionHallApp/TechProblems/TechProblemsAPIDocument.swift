import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Technical problems in the API document.
enum TechProblemsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "TechProblemFigures": .object(properties: [
            "raised": .integer, "solved": .integer, "open": .integer, "benefitFen": .integer(format: .int64),
        ]),
        "TechProblem": S.record([
            "organizationId": S.uuid, "organizationName": .string, "title": .string, "description": .string,
            "trade": .string(required: false),
            "raisedDate": .string(format: .date), "status": S.values(TechProblemStatus.self),
            "matchedMemberId": S.uuid.optionalSchemaObject(),
            "matchedMemberName": .string(required: false), "matchedStudioId": S.uuid.optionalSchemaObject(),
            "outreachCampaignId": S.uuid.optionalSchemaObject(),
            "solution": .string(required: false),
            "benefitFen": .integer(format: .int64), "solvedDate": .string(format: .date, required: false),
            "closeReason": .string(required: false),
        ]),
        "TechProblemInput": .object(properties: [
            "organizationId": S.uuid.optionalSchemaObject(), "title": .string(required: false), "description": .string(required: false),
            "trade": .string(required: false), "raisedDate": .string(format: .date, required: false),
            "outreachCampaignId": S.uuid.optionalSchemaObject(), "version": .integer(required: false),
        ]),
        "TechProblemStep": .object(properties: [
            "version": .integer, "memberId": S.uuid.optionalSchemaObject(), "studioId": S.uuid.optionalSchemaObject(),
            "solution": .string(required: false), "benefitFen": .integer(format: .int64, required: false),
            "date": .string(format: .date, required: false),
            "reason": .string(required: false),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "TechProblemFigures": TechProblemService.Counts.self,
            "TechProblem": TechProblemOutput.self,
            "TechProblemInput": TechProblemInput.self,
            "TechProblemStep": TechProblemStepInput.self,
        ]
    }

    static let notes: [String: String] = [
        "open": "Only raised or matched problems"
    ]

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "POST /tech-problems/raise": RouteNote(
                "A worker raises a problem for their own employer", body: .json(TechProblemInput.self), status: 201,
                answer: .record(TechProblemOutput.self))
        ]
    }
}
