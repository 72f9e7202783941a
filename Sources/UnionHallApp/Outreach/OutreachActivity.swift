import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An outreach activity (劳模四进, 助农代言): planned, then held with its date and person-times, or
/// cancelled. Led by one or more model workers or craftsmen, possibly for a studio and a partner.
final class OutreachActivity: Model, @unchecked Sendable {
    static let schema = "outreach_activities"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "title") var title: String
    @Enum(key: "kind") var kind: OutreachKind
    @Enum(key: "status") var status: OutreachStatus
    @Field(key: "planned_date") var plannedDate: String
    @OptionalField(key: "held_date") var heldDate: String?
    @Field(key: "place") var place: String
    @OptionalField(key: "partner_id") var partnerID: UUID?
    @OptionalField(key: "studio_id") var studioID: UUID?
    /// The campaign (助企行, 助农行) the activity belongs to.
    @OptionalField(key: "campaign_id") var campaignID: UUID?
    @Field(key: "audience") var audience: String
    @Field(key: "person_times") var personTimes: Int
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A model worker or craftsman who led an activity.
final class OutreachLeader: Model, @unchecked Sendable {
    static let schema = "outreach_leaders"

    @ID(key: .id) var id: UUID?
    @Field(key: "activity_id") var activityID: UUID
    @Field(key: "member_id") var memberID: UUID

    init() {}
    init(activityID: UUID, memberID: UUID) {
        self.activityID = activityID
        self.memberID = memberID
    }
}

extension OutreachKind: FluentEnumRepresentable {}
extension OutreachStatus: FluentEnumRepresentable {}

extension OutreachActivity: Audited, Versioned {
    static let auditEntity = "outreach"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "title": title, "kind": kind.rawValue, "status": status.rawValue, "plannedDate": plannedDate, "heldDate": heldDate ?? "",
            "place": place, "audience": audience, "personTimes": String(personTimes), "cancelReason": cancelReason ?? "",
            "outreachCampaignId": campaignID?.uuidString ?? "",
        ]
    }
}

struct CreateOutreachActivity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OutreachActivity.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("planned_date", .string, .required)
            .field("held_date", .string)
            .field("place", .string, .required)
            .field("partner_id", .uuid, .references(Organization.schema, .id))
            .field("studio_id", .uuid, .references(Studio.schema, .id))
            .field("audience", .string, .required)
            .field("person_times", .int, .required)
            .field("cancel_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        try await database.schema(OutreachLeader.schema)
            .id()
            .field("activity_id", .uuid, .required, .references(OutreachActivity.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .unique(on: "activity_id", "member_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "outreach_unit_held").on(OutreachActivity.schema).column("unit_id").column("held_date").run()
        try await sql.create(index: "outreach_leaders_member").on(OutreachLeader.schema).column("member_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OutreachLeader.schema).delete()
        try await database.schema(OutreachActivity.schema).delete()
    }
}
