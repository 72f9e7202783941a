import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A hazard a worker reports (安康杯 隐患随手拍): place, description, severity and a photo; then
/// verified, rectification ordered by a date, rectified (with a photo), and rewarded once under
/// the campaign's cap — or rejected with the reason shown to the reporter.
final class HazardReport: Model, @unchecked Sendable {
    static let schema = "hazard_reports"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "campaign_id") var campaignID: UUID?
    /// The team inspection that found it, if one did.
    @OptionalField(key: "inspection_id") var inspectionID: UUID?
    @Field(key: "reporter_id") var reporterID: UUID
    @OptionalField(key: "employer_id") var employerID: UUID?
    @Field(key: "place") var place: String
    @Field(key: "description") var description: String
    @Enum(key: "severity") var severity: HazardSeverity
    @Enum(key: "status") var status: HazardStatus
    @Field(key: "reported_date") var reportedDate: String
    @OptionalField(key: "photo") var photo: String?
    @OptionalEnum(key: "photo_kind") var photoKind: FileKind?
    @OptionalField(key: "rectify_by") var rectifyBy: String?
    @OptionalField(key: "rectified_date") var rectifiedDate: String?
    @OptionalField(key: "rectified_photo") var rectifiedPhoto: String?
    @OptionalEnum(key: "rectified_photo_kind") var rectifiedPhotoKind: FileKind?
    @OptionalField(key: "reward_fen") var rewardFen: Int64?
    @OptionalField(key: "rewarded_date") var rewardedDate: String?
    @OptionalField(key: "reject_reason") var rejectReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension HazardSeverity: FluentEnumRepresentable {}
extension HazardStatus: FluentEnumRepresentable {}

extension HazardReport: Audited, Versioned, SoftDeletable {
    static let auditEntity = "hazard"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "reporterId": reporterID.uuidString, "place": place, "severity": severity.rawValue, "status": status.rawValue,
            "rectifyBy": rectifyBy ?? "",
            "rewardFen": rewardFen.map { String($0) } ?? "", "rejectReason": rejectReason ?? "",
        ]
    }
}

/// 007 - rights and care: hazard reports.
struct CreateHazards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HazardReport.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("campaign_id", .uuid, .references(SafetyCampaign.schema, .id))
            .field("reporter_id", .uuid, .required, .references(Member.schema, .id))
            .field("employer_id", .uuid, .references(Organization.schema, .id))
            .field("place", .string, .required)
            .field("description", .string, .required)
            .field("severity", .string, .required)
            .field("status", .string, .required)
            .field("reported_date", .string, .required)
            .field("photo", .string)
            .field("photo_kind", .string)
            .field("rectify_by", .string)
            .field("rectified_date", .string)
            .field("rectified_photo", .string)
            .field("rectified_photo_kind", .string)
            .field("reward_fen", .int64)
            .field("rewarded_date", .string)
            .field("reject_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "hazard_reports_unit_date").on(HazardReport.schema).column("unit_id").column("reported_date").run()
        try await sql.create(index: "hazard_reports_reporter").on(HazardReport.schema).column("reporter_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HazardReport.schema).delete()
    }
}
