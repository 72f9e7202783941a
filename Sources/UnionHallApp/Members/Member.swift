import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A worker (职工) on the union's register. Besides the fields a person types, the row keeps
/// search keys (Simplified name, pinyin, initials, last four digits of ID and phone) that the
/// app derives on every write, so a search is an index range scan on any database.
final class Member: Model, @unchecked Sendable {
    static let schema = "members"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "name") var name: String
    @Enum(key: "gender") var gender: Gender
    @Field(key: "id_number") var idNumber: String
    @OptionalField(key: "mobile") var mobile: String?
    @OptionalField(key: "trade") var trade: String?
    @OptionalField(key: "skill_level") var skillLevel: Int?
    /// 职称; its changes are kept in `MemberTitleChange`.
    @OptionalEnum(key: "title") var title: ProfessionalTitle?
    /// 岗位 (安全监督员 …).
    @OptionalField(key: "post") var post: String?
    @Field(key: "migrant") var migrant: Bool
    @Field(key: "hardship") var hardship: Bool
    @Field(key: "name_key") var nameKey: String
    @Field(key: "pinyin") var pinyin: String
    @Field(key: "initials") var initials: String
    @Field(key: "id_last4") var idLast4: String
    @OptionalField(key: "mobile_last4") var mobileLast4: String?
    @OptionalField(key: "join_date") var joinDate: String?
    @OptionalField(key: "membership_number") var membershipNumber: String?
    @Enum(key: "membership_status") var membershipStatus: MembershipStatus
    /// The day the status last changed (joined, left, retired …).
    @OptionalField(key: "status_date") var statusDate: String?
    @Enum(key: "employment_form") var employmentForm: EmploymentForm
    /// The app a platform worker works through (美团, 货拉拉 …).
    @OptionalField(key: "platform") var platform: String?
    /// The secret in the e-card's QR code: the public check finds the card by it, not by the member's id.
    @OptionalField(key: "card_code") var cardCode: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {
        membershipStatus = .active
        employmentForm = .regular
    }

    /// Sets the typed fields from a validated draft and derives the search keys from them (or takes
    /// `key`, already derived: a roster import derives each once).
    func apply(_ valid: MemberDraft.Valid, unitID: UUID, organizationID: UUID?, migrant: Bool, hardship: Bool, key: SearchKey? = nil) {
        self.unitID = unitID
        self.organizationID = organizationID
        self.name = valid.name
        self.gender = valid.gender
        self.idNumber = valid.idNumber.value
        self.mobile = valid.mobile?.value
        self.trade = valid.trade
        self.skillLevel = valid.skillLevel?.rawValue
        self.migrant = migrant
        self.hardship = hardship
        let key = key ?? SearchKey(name: valid.name)
        self.nameKey = key.simplified
        self.pinyin = key.pinyin
        self.initials = key.initials
        self.idLast4 = valid.idNumber.lastFour
        self.mobileLast4 = valid.mobile?.lastFour
    }
}

extension Gender: FluentEnumRepresentable {}
extension MembershipStatus: FluentEnumRepresentable {}
extension EmploymentForm: FluentEnumRepresentable {}

extension Member: Audited, Versioned {
    static let auditEntity = "member"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "name": name, "gender": gender.rawValue, "idNumber": Masking.idNumber(idNumber),
            "mobile": mobile.map(Masking.mobile) ?? "", "unitId": unitID.uuidString,
            "organizationId": organizationID?.uuidString ?? "", "trade": trade ?? "",
            "skillLevel": skillLevel.map(String.init) ?? "", "migrant": String(migrant), "hardship": String(hardship),
            "joinDate": joinDate ?? "", "membershipNumber": membershipNumber ?? "", "membershipStatus": membershipStatus.rawValue,
            "statusDate": statusDate ?? "", "employmentForm": employmentForm.rawValue, "platform": platform ?? "",
            "professionalTitle": title?.rawValue ?? "", "post": post ?? "",
        ]
    }
}
