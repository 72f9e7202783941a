import OpenAPIKit30
import UnionHallCore

/// The register of members in the API document.
enum MembersAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
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
    static let types: [String: any Decodable.Type] = [
        "Member": MemberOutput.self,
        "MemberInput": MemberInput.self,
    ]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries += D.resource(
            "/api/v1/members", "members", schema: "Member", input: "MemberInput",
            filters: [
                .parameter(name: "organizationId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "trade", context: .query, schema: .string),
                .parameter(name: "skillLevel", context: .query, schema: .integer),
                .parameter(name: "migrant", context: .query, schema: .boolean),
                .parameter(name: "hardship", context: .query, schema: .boolean),
                .parameter(name: "gender", context: .query, schema: OpenAPISchemas.values(Gender.self)),
                .parameter(name: "skilled", context: .query, schema: .boolean),
                .parameter(
                    name: "participation", context: .query, schema: .string,
                    description: "`roles` (delegates, deputies, CPPCC members) or a participation kind"),
                .parameter(name: "participationFrom", context: .query, schema: .string(format: .date)),
                .parameter(name: "participationTo", context: .query, schema: .string(format: .date)),
            ])
        // Reading one member may reveal its personal data.
        return entries.map { path, item in
            guard path.rawValue == "/api/v1/members/{id}", var get = item.get else { return (path, item) }
            var revealing = item
            get.parameters.append(
                .parameter(
                    name: "reveal", context: .query, schema: .boolean, description: "Show ID number and phone in full (officers; audited)"))
            revealing.get = get
            return (path, revealing)
        }
    }
}
