import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A member's skill appraisal result (职业技能等级认定): trade, level, date, certificate number
/// and issuing body. `raised` records whether it raised the member's level when it was entered.
final class Certification: Model, @unchecked Sendable {
    static let schema = "certifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "trade") var trade: String
    @Field(key: "level") var level: Int
    @Field(key: "date") var date: String
    @Field(key: "certificate_number") var certificateNumber: String
    @Field(key: "issuing_body") var issuingBody: String
    @Field(key: "raised") var raised: Bool
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A skilled worker's political participation: a role held at a level, or the dates of becoming
/// a Party activist and of joining the Party. Officers only.
final class Participation: Model, @unchecked Sendable {
    static let schema = "member_participation"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: ParticipationKind
    @OptionalEnum(key: "level") var level: HonorLevel?
    @Field(key: "date") var date: String
    @Field(key: "note") var note: String

    init() {}
}

/// A placing at a contest outside the city's own (the national childcare contest, say).
final class ExternalResult: Model, @unchecked Sendable {
    static let schema = "member_external_results"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "contest") var contest: String
    @Enum(key: "level") var level: HonorLevel
    @Field(key: "year") var year: Int
    @Field(key: "placing") var placing: Int
    @Field(key: "award") var award: String

    init() {}
}

extension ParticipationKind: FluentEnumRepresentable {}

extension Certification: Audited, Versioned, SoftDeletable {
    static let auditEntity = "certification"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "memberId": memberID.uuidString, "trade": trade, "level": String(level), "date": date, "certificateNumber": certificateNumber,
            "issuingBody": issuingBody, "raised": String(raised),
        ]
    }
}

extension Participation: Audited {
    static let auditEntity = "participation"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        ["memberId": memberID.uuidString, "kind": kind.rawValue, "level": level?.rawValue ?? "", "date": date]
    }
}

extension ExternalResult: Audited {
    static let auditEntity = "externalResult"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "memberId": memberID.uuidString, "contest": contest, "level": level.rawValue, "year": String(year), "placing": String(placing),
            "award": award,
        ]
    }
}

/// 005 - certifications, political participation and external results.
struct CreateCertification: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Certification.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("trade", .string, .required)
            .field("level", .int, .required)
            .field("date", .string, .required)
            .field("certificate_number", .string, .required)
            .field("issuing_body", .string, .required)
            .field("raised", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .unique(on: "issuing_body", "certificate_number")
            .create()
        try await database.schema(Participation.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("kind", .string, .required)
            .field("level", .string)
            .field("date", .string, .required)
            .field("note", .string, .required)
            .create()
        try await database.schema(ExternalResult.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("contest", .string, .required)
            .field("level", .string, .required)
            .field("year", .int, .required)
            .field("placing", .int, .required)
            .field("award", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "certifications_member_date").on(Certification.schema).column("member_id").column("date").run()
        try await sql.create(index: "certifications_unit_date").on(Certification.schema).column("unit_id").column("date").run()
        try await sql.create(index: "participation_member").on(Participation.schema).column("member_id").run()
        try await sql.create(index: "participation_unit_kind").on(Participation.schema).column("unit_id").column("kind").column("date")
            .run()
        try await sql.create(index: "external_results_member").on(ExternalResult.schema).column("member_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ExternalResult.schema, Participation.schema, Certification.schema] { try await database.schema(schema).delete() }
    }
}
