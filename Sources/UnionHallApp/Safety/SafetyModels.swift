import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A year's 安康杯 campaign: the employers taking part with their headcounts, and the reward cap
/// for hazards reported under it.
final class SafetyCampaign: Model, @unchecked Sendable {
    static let schema = "safety_campaigns"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "name") var name: String
    @Field(key: "reward_cap_fen") var rewardCapFen: Int64
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

final class CampaignParticipant: Model, @unchecked Sendable {
    static let schema = "safety_participants"

    @ID(key: .id) var id: UUID?
    @Field(key: "campaign_id") var campaignID: UUID
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "headcount") var headcount: Int

    init() {}
}

/// An employer's accidents in a year, with its headcount that year.
final class AccidentRecord: Model, @unchecked Sendable {
    static let schema = "accident_records"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "employer_id") var employerID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "headcount") var headcount: Int
    @Field(key: "injured") var injured: Int
    @Field(key: "deaths") var deaths: Int
    @Field(key: "lost_days") var lostDays: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension SafetyCampaign: Audited, Versioned, SoftDeletable {
    static let auditEntity = "safetyCampaign"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] { ["year": String(year), "name": name, "rewardCapFen": String(rewardCapFen)] }
}

extension AccidentRecord: Audited, Versioned, SoftDeletable {
    static let auditEntity = "accidentRecord"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        [
            "employerId": employerID.uuidString, "year": String(year), "headcount": String(headcount), "injured": String(injured),
            "deaths": String(deaths), "lostDays": String(lostDays),
        ]
    }
}

/// 007 - rights and care: the 安康杯 campaign and accident records.
struct CreateSafety: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SafetyCampaign.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("year", .int, .required)
            .field("name", .string, .required)
            .field("reward_cap_fen", .int64, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(CampaignParticipant.schema)
            .id()
            .field("campaign_id", .uuid, .required, .references(SafetyCampaign.schema, .id))
            .field("employer_id", .uuid, .required, .references(Organization.schema, .id))
            .field("headcount", .int, .required)
            .unique(on: "campaign_id", "employer_id")
            .create()
        try await database.schema(AccidentRecord.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("employer_id", .uuid, .required, .references(Organization.schema, .id))
            .field("year", .int, .required)
            .field("headcount", .int, .required)
            .field("injured", .int, .required)
            .field("deaths", .int, .required)
            .field("lost_days", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // One live record per employer and year.
        try await sql.raw(
            "CREATE UNIQUE INDEX accident_records_one_a_year ON accident_records (employer_id, year) WHERE deleted_at IS NULL"
        ).run()
    }

    func revert(on database: any Database) async throws {
        for schema in [AccidentRecord.schema, CampaignParticipant.schema, SafetyCampaign.schema] {
            try await database.schema(schema).delete()
        }
    }
}
