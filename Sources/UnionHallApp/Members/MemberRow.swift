import Foundation
import UnionHallCore
import UnionHallPlatform

/// A member as a list reads it: the columns its output shows and the pinyin its cursor holds,
/// read from SQL without a model (`QueryBuilder.rows`).
struct MemberRow {
    var id: UUID
    var unitId: UUID
    var organizationId: UUID?
    var name: String
    var gender: Gender
    var idNumber: String
    var mobile: String?
    var trade: String?
    var skillLevel: Int?
    var professionalTitle: ProfessionalTitle?
    var post: String?
    var migrant: Bool
    var hardship: Bool
    var pinyin: String
    var joinDate: String?
    var membershipNumber: String?
    var membershipStatus: MembershipStatus
    var statusDate: String?
    var employmentForm: EmploymentForm
    var platform: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

extension MemberRow: ColumnDecodable {
    init(columns: RowColumns) throws {
        self.init(
            id: try columns.value("id"), unitId: try columns.value("unit_id"), organizationId: try columns.optional("organization_id"),
            name: try columns.value("name"), gender: try columns.value("gender"), idNumber: try columns.value("id_number"),
            mobile: try columns.optional("mobile"), trade: try columns.optional("trade"), skillLevel: try columns.optional("skill_level"),
            professionalTitle: try columns.optional("title"), post: try columns.optional("post"), migrant: try columns.value("migrant"),
            hardship: try columns.value("hardship"), pinyin: try columns.value("pinyin"), joinDate: try columns.optional("join_date"),
            membershipNumber: try columns.optional("membership_number"), membershipStatus: try columns.value("membership_status"),
            statusDate: try columns.optional("status_date"), employmentForm: try columns.value("employment_form"),
            platform: try columns.optional("platform"), version: try columns.value("version"),
            createdAt: try columns.optional("created_at"),
            updatedAt: try columns.optional("updated_at"), deletedAt: try columns.optional("deleted_at"))
    }
}

extension MemberRow {
    /// A model's fields, so a member read as a model shows as one read as a row.
    init(_ member: Member) throws {
        self.init(
            id: try member.requireID(), unitId: member.unitID, organizationId: member.organizationID, name: member.name,
            gender: member.gender, idNumber: member.idNumber, mobile: member.mobile, trade: member.trade,
            skillLevel: member.skillLevel, professionalTitle: member.title, post: member.post, migrant: member.migrant,
            hardship: member.hardship, pinyin: member.pinyin,
            joinDate: member.joinDate, membershipNumber: member.membershipNumber, membershipStatus: member.membershipStatus,
            statusDate: member.statusDate, employmentForm: member.employmentForm, platform: member.platform,
            version: member.version, createdAt: member.createdAt, updatedAt: member.updatedAt, deletedAt: member.deletedAt)
    }
}

extension MemberOutput {
    /// ID number and phone masked unless `reveal`; hardship only for those who see aid data.
    init(_ row: MemberRow, reveal: Bool = false, seesAid: Bool) {
        self.id = row.id
        self.unitId = row.unitId
        self.organizationId = row.organizationId
        self.name = row.name
        self.gender = row.gender
        self.idNumber = reveal ? row.idNumber : Masking.idNumber(row.idNumber)
        self.mobile = reveal ? row.mobile : row.mobile.map(Masking.mobile)
        self.trade = row.trade
        self.skillLevel = row.skillLevel
        self.professionalTitle = row.professionalTitle
        self.post = row.post
        self.migrant = row.migrant
        self.joinDate = row.joinDate
        self.membershipNumber = row.membershipNumber
        self.membershipStatus = row.membershipStatus
        self.statusDate = row.statusDate
        self.employmentForm = row.employmentForm
        self.platform = row.platform
        self.hardship = seesAid ? row.hardship : nil
        self.masked = !reveal
        self.version = row.version
        self.createdAt = row.createdAt
        self.updatedAt = row.updatedAt
        self.deletedAt = row.deletedAt
    }
}
