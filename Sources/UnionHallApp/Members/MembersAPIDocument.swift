import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The register of members in the API document.
enum MembersAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "MemberStatistics": .object(properties: [
            "members": .integer(description: "On the register at the period's end"), "registered": .integer,
            "skilled": .integer, "migrants": .integer,
        ]),
        "Member": S.record([
            "name": .string, "gender": S.values(Gender.self),
            "idNumber": .string(description: "Masked (620102********1234) unless revealed"),
            "mobile": .string(required: false, description: "Masked (138****5678) unless revealed"),
            "organizationId": S.uuid.optionalSchemaObject(), "trade": .string(required: false),
            "skillLevel": .integer(required: false, maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
            "migrant": .boolean,
            "hardship": .boolean(required: false, description: "Only for the admin, aid officers and the worker themself"),
            "masked": .boolean,
        ]),
        "MemberInput": .object(properties: [
            "name": .string(required: false, maxLength: MemberDraft.maxNameLength),
            "gender": S.values(Gender.self).optionalSchemaObject(),
            "idNumber": .string(required: false, description: "18 characters, GB 11643 checksum"),
            "mobile": .string(required: false),
            "unitId": S.uuid.optionalSchemaObject(),
            "organizationId": S.uuid.optionalSchemaObject(),
            "trade": .string(required: false, allowedValues: Trades.all.map { AnyCodable($0) }),
            "skillLevel": .integer(required: false, maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
            "migrant": .boolean(required: false), "hardship": .boolean(required: false),
            "version": .integer(required: false),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "MemberStatistics": MemberStatistics.self,
            "Member": MemberOutput.self,
            "MemberInput": MemberInput.self,
        ]
    }

    static let notes: [String: String] = [
        "participation": "`roles` (delegates, deputies, CPPCC members) or a participation kind"
    ]

    /// Reading one member may reveal its personal data.
    static let readParameters: OpenAPI.Parameter.Array = [
        .parameter(name: "reveal", context: .query, schema: .boolean, description: "Show ID number and phone in full (officers; audited)")
    ]
}
