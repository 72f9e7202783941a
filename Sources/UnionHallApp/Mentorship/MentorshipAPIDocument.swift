import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Master–apprentice agreements in the API document.
enum MentorshipAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "MentorshipFigures": .object(properties: [
            "signed": .integer, "completed": .integer, "apprenticesTrained": .integer, "active": .integer,
        ]),
        "MentorshipAgreement": S.record([
            "mentorId": S.uuid, "mentorName": .string, "apprenticeId": S.uuid, "apprenticeName": .string,
            "organizationId": S.uuid.optionalSchemaObject(), "startDate": .string(format: .date), "endDate": .string(format: .date),
            "goals": .string, "milestones": .string, "status": S.values(MentorshipStatus.self),
            "signedDate": .string(format: .date, required: false), "completedDate": .string(format: .date, required: false),
            "levelBefore": .integer(required: false), "levelAfter": .integer(required: false),
            "terminationReason": .string(required: false),
        ]),
        "MentorshipInput": .object(properties: [
            "mentorId": S.uuid.optionalSchemaObject(), "apprenticeId": S.uuid.optionalSchemaObject(),
            "organizationId": S.uuid.optionalSchemaObject(),
            "startDate": .string(format: .date, required: false), "endDate": .string(format: .date, required: false),
            "goals": .string(required: false), "milestones": .string(required: false), "version": .integer(required: false),
        ]),
        "MentorshipStep": .object(properties: [
            "version": .integer, "date": .string(format: .date, required: false, description: "Defaults to today (Asia/Shanghai)"),
            "levelAfter": .integer(required: false, description: "Required to complete: the apprentice's level after, 1–5"),
            "reason": .string(required: false, description: "Required to terminate"),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "MentorshipFigures": MentorshipService.Counts.self,
            "MentorshipAgreement": MentorshipOutput.self,
            "MentorshipInput": MentorshipInput.self,
            "MentorshipStep": MentorshipStepInput.self,
        ]
    }
}
