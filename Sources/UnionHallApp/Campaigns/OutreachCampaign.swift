import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A campaign (劳模工匠"助企行", "助农行") that groups outreach activities and technical problems,
/// with figures of its own.
final class OutreachCampaign: Model, @unchecked Sendable {
    static let schema = "outreach_campaigns"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: CampaignKind
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @Field(key: "description") var description: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension CampaignKind: FluentEnumRepresentable {}

extension OutreachCampaign: Audited, Versioned, SoftDeletable {
    static let auditEntity = "outreachCampaign"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        ["name": name, "kind": kind.rawValue, "startDate": startDate, "endDate": endDate ?? "", "description": description]
    }
}

/// 018 - campaigns, and the outreach activities and technical problems they group.
struct CreateOutreachCampaigns: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutreachCampaign.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("description", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        for table in [OutreachActivity.schema, TechProblem.schema] {
            try await database.schema(table).field("campaign_id", .uuid, .references(OutreachCampaign.schema, .id)).update()
        }
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "outreach_campaigns_unit").on(OutreachCampaign.schema).column("unit_id").column("start_date").run()
        try await sql.create(index: "outreach_activities_campaign").on(OutreachActivity.schema).column("campaign_id").run()
        try await sql.create(index: "tech_problems_campaign").on(TechProblem.schema).column("campaign_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in [TechProblem.schema, OutreachActivity.schema] {
            try await database.schema(table).deleteField("campaign_id").update()
        }
        try await database.schema(OutreachCampaign.schema).delete()
    }
}

extension Held {
    /// A campaign the caller's records may join: one of their subtree's, or one run by a union above
    /// them (a county's activity in the city's 助企行).
    static func campaign(_ id: UUID, field: String = "outreachCampaignId", context: WriteContext) async throws -> OutreachCampaign {
        guard let row = try await OutreachCampaign.find(id, on: context.app.db), row.deletedAt == nil, context.reaches(row.unitID) else {
            throw AppError.invalid(field, "error.campaign.notHeld")
        }
        return row
    }
}

extension PageOptions {
    /// The campaigns an officer's records may join.
    static func campaigns(context: WriteContext, selected: String?, on db: any Database) async throws -> [SelectOption] {
        let query = OutreachCampaign.query(on: db).filter(\.$deletedAt == nil)
        if let units = context.unitsInReach { query.filter(\.$unitID ~~ Array(units)) }
        return try await query.sort(\.$startDate, .descending).all()
            .compactMap { row in row.id.map { SelectOption(value: $0.uuidString, label: row.name, selected: $0.uuidString == selected) } }
    }
}
