import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A technical problem (技术难题) raised by an employer or farm, matched to a craftsman or a studio,
/// and solved (with the solution and its benefit) or closed.
final class TechProblem: Model, @unchecked Sendable {
    static let schema = "tech_problems"

    @ID(key: .id) var id: UUID?
    /// The raising organization's union unit.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "organization_id") var organizationID: UUID
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @OptionalField(key: "trade") var trade: String?
    @Field(key: "raised_date") var raisedDate: String
    @OptionalField(key: "raised_by") var raisedBy: UUID?
    @Enum(key: "status") var status: TechProblemStatus
    @OptionalField(key: "matched_member_id") var matchedMemberID: UUID?
    @OptionalField(key: "matched_studio_id") var matchedStudioID: UUID?
    /// The campaign (助企行) the problem was raised in.
    @OptionalField(key: "campaign_id") var campaignID: UUID?
    @OptionalField(key: "solution") var solution: String?
    @Field(key: "benefit_fen") var benefitFen: Int64
    @OptionalField(key: "solved_date") var solvedDate: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension TechProblemStatus: FluentEnumRepresentable {}

extension TechProblem: Audited, Versioned {
    static let auditEntity = "techProblem"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "title": title, "trade": trade ?? "", "status": status.rawValue, "raisedDate": raisedDate,
            "matchedMemberId": matchedMemberID?.uuidString ?? "", "matchedStudioId": matchedStudioID?.uuidString ?? "",
            "solution": solution ?? "", "benefitFen": String(benefitFen), "solvedDate": solvedDate ?? "", "closeReason": closeReason ?? "",
            "outreachCampaignId": campaignID?.uuidString ?? "",
        ]
    }
}

struct CreateTechProblem: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TechProblem.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("trade", .string)
            .field("raised_date", .string, .required)
            .field("raised_by", .uuid, .references(User.schema, .id))
            .field("status", .string, .required)
            .field("matched_member_id", .uuid, .references(Member.schema, .id))
            .field("matched_studio_id", .uuid, .references(Studio.schema, .id))
            .field("solution", .string)
            .field("benefit_fen", .int64, .required)
            .field("solved_date", .string)
            .field("close_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "tech_problems_unit_status").on(TechProblem.schema).column("unit_id").column("status").run()
        try await sql.create(index: "tech_problems_solved").on(TechProblem.schema).column("solved_date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TechProblem.schema).delete()
    }
}
