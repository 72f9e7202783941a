import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Studios, their members and results in the API document.
enum StudiosAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Studio": S.record([
            "name": .string, "kind": S.values(StudioKind.self), "level": S.values(HonorLevel.self), "yearNamed": .integer,
            "namedBy": .string,
            "leadId": S.uuid, "leadName": .string, "organizationId": S.uuid.optionalSchemaObject(),
            "partnerId": S.uuid.optionalSchemaObject(),
            "memberCount": .integer,
            "figures": .object(
                description: "Totals of results by kind: counts, or fen for funding and benefit", additionalProperties: .init(.integer)),
        ]),
        "StudioInput": .object(properties: [
            "name": .string(required: false, maxLength: StudioDraft.maxNameLength),
            "kind": S.values(StudioKind.self).optionalSchemaObject(),
            "level": S.values(HonorLevel.self).optionalSchemaObject(), "yearNamed": .integer(required: false),
            "namedBy": .string(required: false),
            "leadId": S.uuid.optionalSchemaObject(), "organizationId": S.uuid.optionalSchemaObject(),
            "partnerId": S.uuid.optionalSchemaObject(),
            "version": .integer(required: false),
        ]),
        "StudioMember": .object(properties: [
            "memberId": S.uuid, "name": .string, "trade": .string(required: false), "joinedAt": S.timestamp,
        ]),
        "StudioResult": .object(properties: [
            "id": S.uuid, "kind": S.values(StudioResultKind.self), "title": .string, "year": .integer, "quantity": .integer,
            "amountFen": .integer(format: .int64),
        ]),
        "StudioResultInput": .object(properties: [
            "kind": S.values(StudioResultKind.self), "title": .string, "year": .integer,
            "quantity": .integer(required: false, description: "For counted kinds"),
            "amountFen": .integer(format: .int64, required: false, description: "For funding and benefit"),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "Studio": StudioOutput.self,
            "StudioInput": StudioInput.self,
            "StudioMember": StudioMemberOutput.self,
            "StudioResult": StudioResultOutput.self,
            "StudioResultInput": StudioResultInput.self,
        ]
    }

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/members"),
                OpenAPI.PathItem(
                    parameters: [D.idParameter],
                    get: .init(
                        tags: ["studios"], summary: "The studio's team",
                        responses: D.responses(200, "Members", .array(items: D.ref("StudioMember")), errors: [401, 403, 404])),
                    post: .init(
                        tags: ["studios"], summary: "Add a member to the team",
                        requestBody: .init(content: D.json(.object(properties: ["memberId": OpenAPISchemas.uuid]))),
                        responses: D.responses(
                            201, "The team", .array(items: D.ref("StudioMember")), errors: [400, 401, 403, 404, 409, 422])))
            ))
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/members/{memberId}"),
                OpenAPI.PathItem(
                    parameters: [D.idParameter, .parameter(name: "memberId", context: .path, schema: OpenAPISchemas.uuid)],
                    delete: .init(
                        tags: ["studios"], summary: "Remove a member (not the lead)",
                        responses: D.responses(204, "Removed", nil, errors: [401, 403, 404, 409])))
            ))
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/results"),
                OpenAPI.PathItem(
                    parameters: [D.idParameter],
                    get: .init(
                        tags: ["studios"], summary: "The studio's results",
                        responses: D.responses(200, "Results", .array(items: D.ref("StudioResult")), errors: [401, 403, 404])),
                    post: .init(
                        tags: ["studios"], summary: "Record a result", requestBody: .init(content: D.json(D.ref("StudioResultInput"))),
                        responses: D.responses(201, "The result", D.ref("StudioResult"), errors: [400, 401, 403, 404, 422])))
            ))
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/results/{resultId}"),
                OpenAPI.PathItem(
                    parameters: [D.idParameter, .parameter(name: "resultId", context: .path, schema: OpenAPISchemas.uuid)],
                    delete: .init(
                        tags: ["studios"], summary: "Remove a result", responses: D.responses(204, "Removed", nil, errors: [401, 403, 404]))
                )
            ))
        return entries
    }
}
