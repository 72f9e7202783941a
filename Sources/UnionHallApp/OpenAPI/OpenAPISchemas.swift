import OpenAPIKit30
import UnionHallCore

/// The wire types, as JSON Schema. A test encodes real responses and checks them against these,
/// so the document cannot drift from the code.
enum OpenAPISchemas {
    static let uuid = JSONSchema.string(format: .other("uuid"))
    static let timestamp = JSONSchema.string(format: .dateTime)

    static func values<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> JSONSchema where E.RawValue == String {
        .string(allowedValues: E.allCases.map { AnyCodable($0.rawValue) })
    }

    /// The fields every stored record carries.
    static func record(_ properties: [String: JSONSchema]) -> JSONSchema {
        let common: [String: JSONSchema] = [
            "id": uuid, "unitId": uuid, "version": .integer,
            "createdAt": timestamp.optionalSchemaObject(), "updatedAt": timestamp.optionalSchemaObject(),
            "deletedAt": timestamp.optionalSchemaObject(),
        ]
        let merged = common.merging(properties) { _, new in new }
        return .object(
            properties: OrderedDictionary(merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, uniquingKeysWith: { _, new in new })
        )
    }

    static let all: OpenAPI.ComponentDictionary<JSONSchema> = {
        var all = foundation
        for (name, schema) in InnovationOpenAPI.schemas { all[name] = schema }
        for (name, schema) in SkillsOpenAPI.schemas { all[name] = schema }
        for (name, schema) in RightsOpenAPI.schemas { all[name] = schema }
        for (name, schema) in AidOpenAPI.schemas { all[name] = schema }
        return all
    }()

    static let foundation: OpenAPI.ComponentDictionary<JSONSchema> = [
        "Error": .object(properties: [
            "error": .string(description: "The reason, in the caller's language (Accept-Language)"),
            "field": .string(nullable: true, description: "The field to correct, or null"),
        ]),
        "Metadata": .object(properties: ["page": .integer, "per": .integer, "total": .integer, "pageCount": .integer]),
        "Credentials": .object(properties: ["username": .string, "password": .string(format: .password)]),
        "Token": .object(properties: [
            "token": .string, "expiresAt": timestamp,
            "mustChangePassword": .boolean(description: "The admin set this password: only /auth/password answers until it is changed"),
        ]),
        "PasswordChange": .object(properties: [
            "currentPassword": .string(format: .password),
            "newPassword": .string(format: .password, minLength: PasswordPolicy.minLength, maxLength: PasswordPolicy.maxLength),
        ]),
        "Unit": record([
            "name": .string, "kind": values(UnitKind.self), "parentId": uuid.optionalSchemaObject(),
            "path": .string(description: "Names from the root down, joined by ›"),
        ]),
        "UnitInput": .object(properties: [
            "name": .string(required: false, maxLength: UnitRules.maxNameLength),
            "kind": values(UnitKind.self).optionalSchemaObject(),
            "parentId": uuid.optionalSchemaObject(),
            "version": .integer(required: false, description: "Required on PATCH: the version the change was made from"),
        ]),
        "Organization": record([
            "name": .string, "kind": values(OrganizationKind.self), "creditCode": .string(required: false),
        ]),
        "OrganizationInput": .object(properties: [
            "name": .string(required: false, maxLength: OrganizationDraft.maxNameLength),
            "kind": values(OrganizationKind.self).optionalSchemaObject(),
            "creditCode": .string(required: false, description: "Unified Social Credit Code (GB 32100); required for employers"),
            "unitId": uuid.optionalSchemaObject(),
            "version": .integer(required: false),
        ]),
        "Member": record([
            "name": .string, "gender": values(Gender.self),
            "idNumber": .string(description: "Masked (620102********1234) unless revealed"),
            "mobile": .string(required: false, description: "Masked (138****5678) unless revealed"),
            "organizationId": uuid.optionalSchemaObject(), "trade": .string(required: false),
            "skillLevel": .integer(required: false, maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
            "migrant": .boolean,
            "hardship": .boolean(required: false, description: "Only for the admin, aid officers and the worker themself"),
            "masked": .boolean,
        ]),
        "MemberInput": .object(properties: [
            "name": .string(required: false, maxLength: MemberDraft.maxNameLength),
            "gender": values(Gender.self).optionalSchemaObject(),
            "idNumber": .string(required: false, description: "18 characters, GB 11643 checksum"),
            "mobile": .string(required: false),
            "unitId": uuid.optionalSchemaObject(),
            "organizationId": uuid.optionalSchemaObject(),
            "trade": .string(required: false, allowedValues: Trades.all.map { AnyCodable($0) }),
            "skillLevel": .integer(required: false, maximum: (5, exclusive: false), minimum: (1, exclusive: false)),
            "migrant": .boolean(required: false), "hardship": .boolean(required: false),
            "version": .integer(required: false),
        ]),
        "Honor": record([
            "memberId": uuid, "memberName": .string, "trade": .string(required: false),
            "title": values(HonorTitle.self), "level": values(HonorLevel.self), "year": .integer, "awardingBody": .string,
            "source": .string(required: false, description: "The record the honor came from, if another module created it"),
        ]),
        "HonorInput": .object(properties: [
            "memberId": uuid.optionalSchemaObject(), "title": values(HonorTitle.self).optionalSchemaObject(),
            "level": values(HonorLevel.self).optionalSchemaObject(), "year": .integer(required: false),
            "awardingBody": .string(required: false, maxLength: HonorDraft.maxBodyLength), "version": .integer(required: false),
        ]),
        "MentorshipAgreement": record([
            "mentorId": uuid, "mentorName": .string, "apprenticeId": uuid, "apprenticeName": .string,
            "organizationId": uuid.optionalSchemaObject(), "startDate": .string(format: .date), "endDate": .string(format: .date),
            "goals": .string, "milestones": .string, "status": values(MentorshipStatus.self),
            "signedDate": .string(format: .date, required: false), "completedDate": .string(format: .date, required: false),
            "levelBefore": .integer(required: false), "levelAfter": .integer(required: false),
            "terminationReason": .string(required: false),
        ]),
        "MentorshipInput": .object(properties: [
            "mentorId": uuid.optionalSchemaObject(), "apprenticeId": uuid.optionalSchemaObject(),
            "organizationId": uuid.optionalSchemaObject(),
            "startDate": .string(format: .date, required: false), "endDate": .string(format: .date, required: false),
            "goals": .string(required: false), "milestones": .string(required: false), "version": .integer(required: false),
        ]),
        "MentorshipStep": .object(properties: [
            "version": .integer, "date": .string(format: .date, required: false, description: "Defaults to today (Asia/Shanghai)"),
            "levelAfter": .integer(required: false, description: "Required to complete: the apprentice's level after, 1–5"),
            "reason": .string(required: false, description: "Required to terminate"),
        ]),
        "Studio": record([
            "name": .string, "kind": values(StudioKind.self), "level": values(HonorLevel.self), "yearNamed": .integer, "namedBy": .string,
            "leadId": uuid, "leadName": .string, "organizationId": uuid.optionalSchemaObject(), "partnerId": uuid.optionalSchemaObject(),
            "memberCount": .integer,
            "figures": .object(
                description: "Totals of results by kind: counts, or fen for funding and benefit", additionalProperties: .init(.integer)),
        ]),
        "StudioInput": .object(properties: [
            "name": .string(required: false, maxLength: StudioDraft.maxNameLength), "kind": values(StudioKind.self).optionalSchemaObject(),
            "level": values(HonorLevel.self).optionalSchemaObject(), "yearNamed": .integer(required: false),
            "namedBy": .string(required: false),
            "leadId": uuid.optionalSchemaObject(), "organizationId": uuid.optionalSchemaObject(), "partnerId": uuid.optionalSchemaObject(),
            "version": .integer(required: false),
        ]),
        "StudioMember": .object(properties: ["memberId": uuid, "name": .string, "trade": .string(required: false), "joinedAt": timestamp]),
        "StudioResult": .object(properties: [
            "id": uuid, "kind": values(StudioResultKind.self), "title": .string, "year": .integer, "quantity": .integer,
            "amountFen": .integer(format: .int64),
        ]),
        "StudioResultInput": .object(properties: [
            "kind": values(StudioResultKind.self), "title": .string, "year": .integer,
            "quantity": .integer(required: false, description: "For counted kinds"),
            "amountFen": .integer(format: .int64, required: false, description: "For funding and benefit"),
        ]),
        "OutreachActivity": record([
            "title": .string, "kind": values(OutreachKind.self), "status": values(OutreachStatus.self),
            "plannedDate": .string(format: .date),
            "heldDate": .string(format: .date, required: false), "place": .string, "partnerId": uuid.optionalSchemaObject(),
            "studioId": uuid.optionalSchemaObject(), "audience": .string, "personTimes": .integer,
            "leaderIds": .array(items: uuid), "leaderNames": .array(items: .string), "cancelReason": .string(required: false),
        ]),
        "OutreachInput": .object(properties: [
            "unitId": uuid.optionalSchemaObject(), "title": .string(required: false),
            "kind": values(OutreachKind.self).optionalSchemaObject(),
            "plannedDate": .string(format: .date, required: false), "place": .string(required: false),
            "partnerId": uuid.optionalSchemaObject(),
            "studioId": uuid.optionalSchemaObject(), "audience": .string(required: false),
            "leaderIds": .array(required: false, items: uuid),
            "version": .integer(required: false),
        ]),
        "OutreachStep": .object(properties: [
            "version": .integer, "date": .string(format: .date, required: false),
            "personTimes": .integer(required: false, description: "Required to hold"),
            "reason": .string(required: false, description: "Required to cancel"),
        ]),
        "TechProblem": record([
            "organizationId": uuid, "organizationName": .string, "title": .string, "description": .string,
            "trade": .string(required: false),
            "raisedDate": .string(format: .date), "status": values(TechProblemStatus.self), "matchedMemberId": uuid.optionalSchemaObject(),
            "matchedMemberName": .string(required: false), "matchedStudioId": uuid.optionalSchemaObject(),
            "solution": .string(required: false),
            "benefitFen": .integer(format: .int64), "solvedDate": .string(format: .date, required: false),
            "closeReason": .string(required: false),
        ]),
        "TechProblemInput": .object(properties: [
            "organizationId": uuid.optionalSchemaObject(), "title": .string(required: false), "description": .string(required: false),
            "trade": .string(required: false), "raisedDate": .string(format: .date, required: false), "version": .integer(required: false),
        ]),
        "TechProblemStep": .object(properties: [
            "version": .integer, "memberId": uuid.optionalSchemaObject(), "studioId": uuid.optionalSchemaObject(),
            "solution": .string(required: false), "benefitFen": .integer(format: .int64, required: false),
            "date": .string(format: .date, required: false),
            "reason": .string(required: false),
        ]),
        "User": .object(properties: [
            "id": uuid, "username": .string, "displayName": .string, "role": values(Role.self),
            "unitId": uuid.optionalSchemaObject(), "memberId": uuid.optionalSchemaObject(), "active": .boolean,
            "handlesAid": .boolean(description: "Sees hardship files and children's data (every view audited)"),
            "mustChangePassword": .boolean, "version": .integer, "createdAt": timestamp.optionalSchemaObject(),
            "updatedAt": timestamp.optionalSchemaObject(),
        ]),
        "UserInput": .object(properties: [
            "username": .string,
            "password": .string(format: .password, minLength: PasswordPolicy.minLength, maxLength: PasswordPolicy.maxLength),
            "displayName": .string(required: false), "role": values(Role.self),
            "unitId": uuid.optionalSchemaObject(), "memberId": uuid.optionalSchemaObject(),
        ]),
        "UserUpdate": .object(properties: [
            "displayName": .string(required: false), "role": values(Role.self).optionalSchemaObject(),
            "unitId": uuid.optionalSchemaObject(),
            "active": .boolean(required: false), "handlesAid": .boolean(required: false),
            "password": .string(format: .password, required: false), "version": .integer,
        ]),
        "AuditEntry": .object(properties: [
            "id": uuid, "at": timestamp, "actorId": uuid.optionalSchemaObject(), "actorName": .string,
            "unitId": uuid.optionalSchemaObject(), "entity": .string, "entityId": uuid.optionalSchemaObject(),
            "action": values(AuditEntry.Action.self),
            "before": .object(required: false, additionalProperties: .init(.string)),
            "after": .object(required: false, additionalProperties: .init(.string)),
        ]),
    ]
}
