import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The register of members in the API document.
enum MembersAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "MemberStatistics": .object(properties: [
            "members": .integer(description: "On the register at the period's end"), "registered": .integer,
            "skilled": .integer, "migrants": .integer,
            "joined": .integer(description: "Joined or rejoined in the period"), "platformJoined": .integer,
            "transferredIn": .integer, "transferredOut": .integer,
            "left": .integer(description: "Left, retired, died or moved out of the city in the period"),
            "employedMembers": .integer(description: "Active members of employers with a recorded headcount"),
            "headcount": .integer, "joinRate": .number(description: "employedMembers / headcount"),
            "promotedToSenior": .integer(description: "Members whose professional title reached 副高级 or 正高级 in the period"),
        ]),
        "MembershipStep": .object(properties: [
            "version": .integer, "kind": S.values(LeaveKind.self).optionalSchemaObject(),
            "date": .string(format: .date, required: false, description: "Defaults to today (Asia/Shanghai)"),
            "note": .string(required: false, maxLength: 200),
            "unitId": S.uuid.optionalSchemaObject(),
        ]),
        "Member": S.record([
            "name": .string, "gender": S.values(Gender.self),
            "idNumber": .string(description: "Masked (620102********1234) unless revealed"),
            "mobile": .string(required: false, description: "Masked (138****5678) unless revealed"),
            "organizationId": S.uuid.optionalSchemaObject(), "trade": .string(required: false),
            "skillLevel": .integer(required: false, maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
            "professionalTitle": S.values(ProfessionalTitle.self).optionalSchemaObject(), "post": .string(required: false),
            "migrant": .boolean,
            "hardship": .boolean(required: false, description: "Only for the admin, aid officers and the worker themself"),
            "masked": .boolean,
            "joinDate": .string(format: .date, required: false), "membershipNumber": .string(required: false),
            "membershipStatus": S.values(MembershipStatus.self), "statusDate": .string(format: .date, required: false),
            "employmentForm": S.values(EmploymentForm.self), "platform": .string(required: false),
        ]),
        "MemberInput": .object(properties: [
            "name": .string(required: false, maxLength: MemberDraft.maxNameLength),
            "gender": S.values(Gender.self).optionalSchemaObject(),
            "idNumber": .string(required: false, description: "18 characters, GB 11643 checksum"),
            "mobile": .string(required: false),
            "unitId": S.uuid.optionalSchemaObject(),
            "organizationId": S.uuid.optionalSchemaObject(),
            "trade": .string(required: false, description: "A current trade of the vocabulary (GET /api/v1/trades)"),
            "skillLevel": .integer(required: false, maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
            "professionalTitle": S.values(ProfessionalTitle.self).optionalSchemaObject(),
            "post": .string(required: false, description: "Empty clears it", maxLength: MemberPost.maxLength),
            "migrant": .boolean(required: false), "hardship": .boolean(required: false),
            "joinDate": .string(format: .date, required: false, description: "Defaults to today"),
            "employmentForm": S.values(EmploymentForm.self).optionalSchemaObject(),
            "platform": .string(required: false, description: "Required for platform workers", maxLength: 50),
            "version": .integer(required: false),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "MemberStatistics": MemberStatistics.self,
            "Member": MemberOutput.self,
            "MemberInput": MemberInput.self,
            "MembershipStep": Membership.StepInput.self,
        ]
    }

    static let notes: [String: String] = [
        "participation": "`roles` (delegates, deputies, CPPCC members) or a participation kind",
        "membershipStatus": "`active` (the default), `former`, `all`, or one status",
    ]

    /// Reading one member may reveal its personal data.
    static let readParameters: OpenAPI.Parameter.Array = [
        .parameter(name: "reveal", context: .query, schema: .boolean, description: "Show ID number and phone in full (officers; audited)")
    ]
}
