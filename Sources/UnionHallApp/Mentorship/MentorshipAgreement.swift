import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 导师带徒协议: a mentor, an apprentice and their employer, the term, goals and milestones, and
/// the apprentice's skill level before and after. Dates are calendar dates (`YYYY-MM-DD`).
final class MentorshipAgreement: Model, @unchecked Sendable {
    static let schema = "mentorship_agreements"

    @ID(key: .id) var id: UUID?
    /// The apprentice's union unit.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "mentor_id") var mentorID: UUID
    @Field(key: "apprentice_id") var apprenticeID: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    @Field(key: "goals") var goals: String
    @Field(key: "milestones") var milestones: String
    @Enum(key: "status") var status: MentorshipStatus
    @OptionalField(key: "signed_date") var signedDate: String?
    @OptionalField(key: "completed_date") var completedDate: String?
    @OptionalField(key: "level_before") var levelBefore: Int?
    @OptionalField(key: "level_after") var levelAfter: Int?
    @OptionalField(key: "termination_reason") var terminationReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension MentorshipStatus: FluentEnumRepresentable {}

extension MentorshipAgreement: Audited, Versioned {
    static let auditEntity = "mentorship"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "mentorId": mentorID.uuidString, "apprenticeId": apprenticeID.uuidString, "startDate": startDate, "endDate": endDate,
            "status": status.rawValue, "signedDate": signedDate ?? "", "completedDate": completedDate ?? "",
            "levelBefore": levelBefore.map(String.init) ?? "", "levelAfter": levelAfter.map(String.init) ?? "",
            "terminationReason": terminationReason ?? "",
        ]
    }
}

struct CreateMentorshipAgreement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MentorshipAgreement.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("mentor_id", .uuid, .required, .references(Member.schema, .id))
            .field("apprentice_id", .uuid, .required, .references(Member.schema, .id))
            .field("organization_id", .uuid, .references(Organization.schema, .id))
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("goals", .string, .required)
            .field("milestones", .string, .required)
            .field("status", .string, .required)
            .field("signed_date", .string)
            .field("completed_date", .string)
            .field("level_before", .int)
            .field("level_after", .int)
            .field("termination_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "mentorship_apprentice").on(MentorshipAgreement.schema).column("apprentice_id").column("status").run()
        try await sql.create(index: "mentorship_mentor").on(MentorshipAgreement.schema).column("mentor_id").run()
        try await sql.create(index: "mentorship_unit_status").on(MentorshipAgreement.schema).column("unit_id").column("status").run()
        // One active agreement per apprentice, kept by the database too: two officers signing for
        // the same apprentice at the same moment cannot both succeed.
        try await sql.raw(
            """
            CREATE UNIQUE INDEX mentorship_one_active ON \(ident: MentorshipAgreement.schema) (apprentice_id)
            WHERE deleted_at IS NULL AND status IN ('draft', 'signed', 'inProgress')
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MentorshipAgreement.schema).delete()
    }
}
