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

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "POST /auth/token": RouteNote(
                "Sign in and get a bearer token", body: .json(Credentials.self), status: 201, answer: .record(TokenOutput.self),
                errors: [401]),
            "DELETE /auth/token": RouteNote("Revoke the token used", status: 204),
            "POST /auth/password": RouteNote(
                "Change one's own password (the current one is required); other sessions end", body: .json(PasswordChange.self), status: 204
            ),
            "GET /users": RouteNote("List accounts (admin)", query: [ListQuery.self]),
            "POST /users": RouteNote(
                "Create an account (admin)", body: .json(UserInput.self), status: 201, answer: .record(UserOutput.self)),
            "GET /users/{id}": RouteNote("An account (admin)"),
            "PATCH /users/{id}": RouteNote(
                "Change, disable or reset an account (admin); disabling or a reset ends its sessions", body: .json(UserUpdate.self)),
        ]
    }
}
