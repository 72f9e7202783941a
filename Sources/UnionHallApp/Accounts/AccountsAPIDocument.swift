import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Signing in, passwords and accounts in the API document.
enum AccountsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Credentials": .object(properties: ["username": .string, "password": .string(format: .password)]),
        "Token": .object(properties: [
            "token": .string, "expiresAt": S.timestamp,
            "mustChangePassword": .boolean(description: "The admin set this password: only /auth/password answers until it is changed"),
        ]),
        "PasswordChange": .object(properties: [
            "currentPassword": .string(format: .password),
            "newPassword": .string(format: .password, minLength: PasswordPolicy.minLength, maxLength: PasswordPolicy.maxLength),
        ]),
        "User": .object(properties: [
            "id": S.uuid, "username": .string, "displayName": .string, "role": S.values(Role.self),
            "unitId": S.uuid.optionalSchemaObject(), "memberId": S.uuid.optionalSchemaObject(), "active": .boolean,
            "handlesAid": .boolean(description: "Sees hardship files and children's data (every view audited)"),
            "mustChangePassword": .boolean, "version": .integer, "createdAt": S.timestamp.optionalSchemaObject(),
            "updatedAt": S.timestamp.optionalSchemaObject(),
        ]),
        "UserInput": .object(properties: [
            "username": .string,
            "password": .string(format: .password, minLength: PasswordPolicy.minLength, maxLength: PasswordPolicy.maxLength),
            "displayName": .string(required: false), "role": S.values(Role.self),
            "unitId": S.uuid.optionalSchemaObject(), "memberId": S.uuid.optionalSchemaObject(),
        ]),
        "UserUpdate": .object(properties: [
            "displayName": .string(required: false), "role": S.values(Role.self).optionalSchemaObject(),
            "unitId": S.uuid.optionalSchemaObject(),
            "active": .boolean(required: false), "handlesAid": .boolean(required: false),
            "password": .string(format: .password, required: false), "version": .integer,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "Credentials": Credentials.self,
            "Token": TokenOutput.self,
            "PasswordChange": PasswordChange.self,
            "User": UserOutput.self,
            "UserInput": UserInput.self,
            "UserUpdate": UserUpdate.self,
        ]
    }

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries.append(
            entry(
                "/api/v1/auth/token",
                OpenAPI.PathItem(
                    post: .init(
                        tags: ["auth"], summary: "Sign in and get a bearer token",
                        requestBody: .init(content: D.json(D.ref("Credentials"))),
                        responses: D.responses(201, "A token", D.ref("Token"), errors: [400, 401, 429]), security: []),
                    delete: .init(
                        tags: ["auth"], summary: "Revoke the token used", responses: D.responses(204, "Revoked", nil, errors: [401])))))
        entries.append(
            entry(
                "/api/v1/auth/password",
                OpenAPI.PathItem(
                    post: .init(
                        tags: ["auth"], summary: "Change one's own password (the current one is required); other sessions end",
                        requestBody: .init(content: D.json(D.ref("PasswordChange"))),
                        responses: D.responses(204, "Changed", nil, errors: [400, 401, 422])))))
        entries.append(
            entry(
                "/api/v1/users",
                OpenAPI.PathItem(
                    get: .init(
                        tags: ["users"], summary: "List accounts (admin)", parameters: D.listParameters,
                        responses: D.responses(200, "A page of accounts", D.page(of: "User"), errors: [401, 403])),
                    post: .init(
                        tags: ["users"], summary: "Create an account (admin)", requestBody: .init(content: D.json(D.ref("UserInput"))),
                        responses: D.responses(201, "Created", D.ref("User"), errors: [400, 401, 403, 409, 422])))))
        entries.append(
            entry(
                "/api/v1/users/{id}",
                OpenAPI.PathItem(
                    parameters: [D.idParameter],
                    get: .init(
                        tags: ["users"], summary: "An account (admin)",
                        responses: D.responses(200, "The account", D.ref("User"), errors: [401, 403, 404])),
                    patch: .init(
                        tags: ["users"], summary: "Change, disable or reset an account (admin); disabling or a reset ends its sessions",
                        requestBody: .init(content: D.json(D.ref("UserUpdate"))),
                        responses: D.responses(200, "The account", D.ref("User"), errors: [400, 401, 403, 404, 409, 422])))))

        return entries
    }
}
