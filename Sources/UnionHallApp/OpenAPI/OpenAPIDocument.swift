import OpenAPIKit30
import UnionHallCore

/// `GET /api/v1/openapi.json`: every API route with its parameters, bodies and errors.
enum OpenAPIDocument {
    static func ref(_ name: String) -> JSONSchema { .reference(.component(named: name)) }

    static func json(_ schema: JSONSchema) -> OpenAPI.Content.Map { [.json: .init(schema: schema)] }

    static func page(of name: String) -> JSONSchema {
        .object(properties: ["items": .array(items: ref(name)), "metadata": ref("Metadata")])
    }

    static let errorDescriptions: [Int: String] = [
        400: "Malformed body or parameter", 401: "No or bad token", 403: "Role not allowed",
        404: "Missing, or outside the caller's subtree", 409: "Version conflict, duplicate, or step not allowed now",
        413: "Body or file too large", 415: "Body not in a supported media type",
        422: "A field fails validation, or a number is outside its documented bounds",
        429: "Too many attempts: wait the seconds in Retry-After",
    ]

    static func responses(_ success: Int, _ description: String, _ schema: JSONSchema?, errors: [Int]) -> OpenAPI.Response.Map {
        var map: OpenAPI.Response.Map = [
            .status(code: success): .response(description: description, content: schema.map(json) ?? [:])
        ]
        for code in errors {
            map[.status(code: code)] = .response(description: errorDescriptions[code] ?? "Error", content: json(ref("Error")))
        }
        return map
    }

    static let idParameter: OpenAPI.Parameter.Array.Element = .parameter(name: "id", context: .path, schema: OpenAPISchemas.uuid)

    static let listParameters: OpenAPI.Parameter.Array = [
        .parameter(name: "q", context: .query, schema: .string, description: "Search text"),
        .parameter(name: "page", context: .query, schema: .integer(minimum: (1, exclusive: false))),
        .parameter(
            name: "per", context: .query, schema: .integer(maximum: (ListQuery.maxPer, exclusive: false), minimum: (1, exclusive: false))),
        .parameter(name: "sort", context: .query, schema: .string, description: "A field name, `-` first for descending"),
        .parameter(name: "from", context: .query, schema: .string(format: .date)),
        .parameter(name: "to", context: .query, schema: .string(format: .date)),
        .parameter(name: "unitId", context: .query, schema: OpenAPISchemas.uuid, description: "Only this union subtree"),
        .parameter(name: "deleted", context: .query, schema: .boolean, description: "List deleted records instead"),
    ]

    /// The five routes of a resource (list, create, read, update, delete) and its restore step.
    static func resource(_ path: String, _ tag: String, schema: String, input: String, filters: OpenAPI.Parameter.Array = []) -> [(
        OpenAPI.Path, OpenAPI.PathItem
    )] {
        let collection = OpenAPI.PathItem(
            get: .init(
                tags: [tag], summary: "List \(tag)", parameters: listParameters + filters,
                responses: responses(200, "A page of \(tag)", page(of: schema), errors: [400, 401, 403, 404, 422])),
            post: .init(
                tags: [tag], summary: "Create", requestBody: .init(content: json(ref(input))),
                responses: responses(201, "Created", ref(schema), errors: [400, 401, 403, 409, 422])))
        let item = OpenAPI.PathItem(
            parameters: [idParameter],
            get: .init(tags: [tag], summary: "Read", responses: responses(200, "The record", ref(schema), errors: [401, 403, 404])),
            delete: .init(
                tags: [tag], summary: "Delete (soft; can be restored)",
                responses: responses(204, "Deleted", nil, errors: [401, 403, 404, 409])),
            patch: .init(
                tags: [tag], summary: "Update the given fields", requestBody: .init(content: json(ref(input))),
                responses: responses(200, "The updated record", ref(schema), errors: [400, 401, 403, 404, 409, 422])))
        let restore = OpenAPI.PathItem(
            parameters: [idParameter],
            post: .init(
                tags: [tag], summary: "Restore a deleted record",
                responses: responses(200, "The restored record", ref(schema), errors: [401, 403, 404, 409])))
        let export = OpenAPI.PathItem(
            get: .init(
                tags: [tag], summary: "The list as a CSV or xlsx file (every page; same filters, scope and masking)",
                parameters: listParameters + filters + [
                    .parameter(name: "format", context: .query, schema: OpenAPISchemas.values(SpreadsheetWriter.Format.self))
                ],
                responses: [
                    200: .response(
                        description: "The file",
                        content: [
                            .csv: .init(schema: .string),
                            .init(rawValue: FileKind.xlsx.contentType)!: .init(schema: .string(format: .binary)),
                        ]),
                    400: .response(description: errorDescriptions[400]!, content: json(ref("Error"))),
                    401: .response(description: errorDescriptions[401]!, content: json(ref("Error"))),
                    403: .response(description: errorDescriptions[403]!, content: json(ref("Error"))),
                    422: .response(description: errorDescriptions[422]!, content: json(ref("Error"))),
                ]))
        return [
            (OpenAPI.Path(rawValue: path), collection), (OpenAPI.Path(rawValue: path + "/{id}"), item),
            (OpenAPI.Path(rawValue: path + "/{id}/restore"), restore),
            (OpenAPI.Path(rawValue: path + "/export"), export),
        ]
    }

    /// `POST <path>/{id}/<step>` for each step, with the step's body and the record after it.
    static func steps<Step: RawRepresentable & CaseIterable>(
        _ path: String, _ tag: String, _ steps: Step.Type, input: String, schema: String
    ) -> [(OpenAPI.Path, OpenAPI.PathItem)]
    where Step.RawValue == String {
        Step.allCases.map { step in
            (
                OpenAPI.Path(rawValue: "\(path)/{id}/\(step.rawValue)"),
                OpenAPI.PathItem(
                    parameters: [idParameter],
                    post: .init(
                        tags: [tag], summary: "Workflow step: \(step.rawValue)", requestBody: .init(content: json(ref(input))),
                        responses: responses(200, "The record after the step", ref(schema), errors: [400, 401, 403, 404, 409, 422])))
            )
        }
    }

    static let document: OpenAPI.Document = {
        var paths: OpenAPI.PathItem.Map = [:]
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries += resource(
            "/api/v1/units", "units", schema: "Unit", input: "UnitInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: OpenAPISchemas.values(UnitKind.self))
            ])
        entries += resource(
            "/api/v1/organizations", "organizations", schema: "Organization", input: "OrganizationInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: OpenAPISchemas.values(OrganizationKind.self))
            ])
        entries += resource(
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
        entries += resource(
            "/api/v1/honors", "honors", schema: "Honor", input: "HonorInput",
            filters: [
                .parameter(name: "title", context: .query, schema: OpenAPISchemas.values(HonorTitle.self)),
                .parameter(name: "level", context: .query, schema: OpenAPISchemas.values(HonorLevel.self)),
                .parameter(name: "year", context: .query, schema: .integer),
                .parameter(name: "memberId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "trade", context: .query, schema: .string),
                .parameter(name: "roster", context: .query, schema: .boolean, description: "Only model-worker and craftsman titles"),
            ])
        entries += resource(
            "/api/v1/mentorship-agreements", "mentorship", schema: "MentorshipAgreement", input: "MentorshipInput",
            filters: [
                .parameter(name: "status", context: .query, schema: OpenAPISchemas.values(MentorshipStatus.self)),
                .parameter(name: "mentorId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "apprenticeId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "organizationId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(
                    name: "on", context: .query, schema: .string(allowedValues: "signed", "completed"),
                    description: "Which date from/to apply to"),
            ])
        entries += steps(
            "/api/v1/mentorship-agreements", "mentorship", MentorshipStep.self, input: "MentorshipStep", schema: "MentorshipAgreement")
        entries += resource(
            "/api/v1/studios", "studios", schema: "Studio", input: "StudioInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: OpenAPISchemas.values(StudioKind.self)),
                .parameter(name: "level", context: .query, schema: OpenAPISchemas.values(HonorLevel.self)),
                .parameter(name: "yearNamed", context: .query, schema: .integer),
                .parameter(name: "organizationId", context: .query, schema: OpenAPISchemas.uuid),
            ])
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/members"),
                OpenAPI.PathItem(
                    parameters: [idParameter],
                    get: .init(
                        tags: ["studios"], summary: "The studio's team",
                        responses: responses(200, "Members", .array(items: ref("StudioMember")), errors: [401, 403, 404])),
                    post: .init(
                        tags: ["studios"], summary: "Add a member to the team",
                        requestBody: .init(content: json(.object(properties: ["memberId": OpenAPISchemas.uuid]))),
                        responses: responses(201, "The team", .array(items: ref("StudioMember")), errors: [400, 401, 403, 404, 409, 422])))
            ))
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/members/{memberId}"),
                OpenAPI.PathItem(
                    parameters: [idParameter, .parameter(name: "memberId", context: .path, schema: OpenAPISchemas.uuid)],
                    delete: .init(
                        tags: ["studios"], summary: "Remove a member (not the lead)",
                        responses: responses(204, "Removed", nil, errors: [401, 403, 404, 409])))
            ))
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/results"),
                OpenAPI.PathItem(
                    parameters: [idParameter],
                    get: .init(
                        tags: ["studios"], summary: "The studio's results",
                        responses: responses(200, "Results", .array(items: ref("StudioResult")), errors: [401, 403, 404])),
                    post: .init(
                        tags: ["studios"], summary: "Record a result", requestBody: .init(content: json(ref("StudioResultInput"))),
                        responses: responses(201, "The result", ref("StudioResult"), errors: [400, 401, 403, 404, 422])))
            ))
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/studios/{id}/results/{resultId}"),
                OpenAPI.PathItem(
                    parameters: [idParameter, .parameter(name: "resultId", context: .path, schema: OpenAPISchemas.uuid)],
                    delete: .init(
                        tags: ["studios"], summary: "Remove a result", responses: responses(204, "Removed", nil, errors: [401, 403, 404])))
            ))
        entries += resource(
            "/api/v1/outreach-activities", "outreach", schema: "OutreachActivity", input: "OutreachInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: OpenAPISchemas.values(OutreachKind.self)),
                .parameter(name: "status", context: .query, schema: OpenAPISchemas.values(OutreachStatus.self)),
                .parameter(name: "studioId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "leaderId", context: .query, schema: OpenAPISchemas.uuid),
            ])
        entries += steps("/api/v1/outreach-activities", "outreach", OutreachStep.self, input: "OutreachStep", schema: "OutreachActivity")
        entries += resource(
            "/api/v1/tech-problems", "tech-problems", schema: "TechProblem", input: "TechProblemInput",
            filters: [
                .parameter(name: "status", context: .query, schema: OpenAPISchemas.values(TechProblemStatus.self)),
                .parameter(name: "trade", context: .query, schema: .string),
                .parameter(name: "organizationId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "open", context: .query, schema: .boolean, description: "Only raised or matched problems"),
                .parameter(
                    name: "on", context: .query, schema: .string(allowedValues: "raised", "solved"),
                    description: "Which date from/to apply to"),
            ])
        entries += steps("/api/v1/tech-problems", "tech-problems", TechProblemStep.self, input: "TechProblemStep", schema: "TechProblem")
        entries.append(
            (
                OpenAPI.Path(rawValue: "/api/v1/tech-problems/raise"),
                OpenAPI.PathItem(
                    post: .init(
                        tags: ["tech-problems"], summary: "A worker raises a problem for their own employer",
                        requestBody: .init(content: json(ref("TechProblemInput"))),
                        responses: responses(201, "The problem", ref("TechProblem"), errors: [400, 401, 403, 422])))
            ))
        entries += InnovationOpenAPI.paths
        entries += SkillsOpenAPI.paths
        entries += RightsOpenAPI.paths
        entries += AidOpenAPI.paths
        for (path, item) in entries { paths[path] = .init(item) }
        // Reading one member may reveal its personal data.
        if case .b(var item)? = paths["/api/v1/members/{id}"], var get = item.get {
            get.parameters.append(
                .parameter(
                    name: "reveal", context: .query, schema: .boolean, description: "Show ID number and phone in full (officers; audited)"))
            item.get = get
            paths["/api/v1/members/{id}"] = .init(item)
        }
        paths["/api/v1/auth/token"] = .init(
            OpenAPI.PathItem(
                post: .init(
                    tags: ["auth"], summary: "Sign in and get a bearer token", requestBody: .init(content: json(ref("Credentials"))),
                    responses: responses(201, "A token", ref("Token"), errors: [400, 401, 429]), security: []),
                delete: .init(tags: ["auth"], summary: "Revoke the token used", responses: responses(204, "Revoked", nil, errors: [401]))))
        paths["/api/v1/auth/password"] = .init(
            OpenAPI.PathItem(
                post: .init(
                    tags: ["auth"], summary: "Change one's own password (the current one is required); other sessions end",
                    requestBody: .init(content: json(ref("PasswordChange"))),
                    responses: responses(204, "Changed", nil, errors: [400, 401, 422]))))
        paths["/api/v1/users"] = .init(
            OpenAPI.PathItem(
                get: .init(
                    tags: ["users"], summary: "List accounts (admin)", parameters: listParameters,
                    responses: responses(200, "A page of accounts", page(of: "User"), errors: [401, 403])),
                post: .init(
                    tags: ["users"], summary: "Create an account (admin)", requestBody: .init(content: json(ref("UserInput"))),
                    responses: responses(201, "Created", ref("User"), errors: [400, 401, 403, 409, 422]))))
        paths["/api/v1/users/{id}"] = .init(
            OpenAPI.PathItem(
                parameters: [idParameter],
                get: .init(
                    tags: ["users"], summary: "An account (admin)",
                    responses: responses(200, "The account", ref("User"), errors: [401, 403, 404])),
                patch: .init(
                    tags: ["users"], summary: "Change, disable or reset an account (admin); disabling or a reset ends its sessions",
                    requestBody: .init(content: json(ref("UserUpdate"))),
                    responses: responses(200, "The account", ref("User"), errors: [400, 401, 403, 404, 409, 422]))))
        paths["/api/v1/audit-entries"] = .init(
            OpenAPI.PathItem(
                get: .init(
                    tags: ["audit"], summary: "The audit log of the caller's subtree",
                    parameters: listParameters + [
                        .parameter(name: "entity", context: .query, schema: .string),
                        .parameter(name: "entityId", context: .query, schema: OpenAPISchemas.uuid),
                        .parameter(name: "action", context: .query, schema: OpenAPISchemas.values(AuditEntry.Action.self)),
                    ], responses: responses(200, "A page of audit entries", page(of: "AuditEntry"), errors: [401, 403, 404, 422]))))
        paths["/api/v1/openapi.json"] = .init(
            OpenAPI.PathItem(
                get: .init(
                    tags: ["meta"], summary: "This document", responses: responses(200, "OpenAPI 3.0 document", .object, errors: []),
                    security: [])))

        return OpenAPI.Document(
            info: .init(
                title: "UnionHall API",
                description:
                    "The API of UnionHall, the working system of a city federation of trade unions. "
                    + "Errors answer {\"error\", \"field\"} in the language of Accept-Language.",
                version: "1.0.0"),
            servers: [],
            paths: OpenAPIStatuses.complete(paths),
            components: .init(schemas: OpenAPISchemas.all, securitySchemes: ["bearer": .http(scheme: "bearer")]),
            security: [[.component(named: "bearer"): []]])
    }()
}
