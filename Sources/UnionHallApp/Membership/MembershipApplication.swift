import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An application to join (入会申请), made without signing in. The applicant follows it by its
/// number and the code they were given (kept here only as a hash); the union's officers answer it
/// within 15 working days.
final class MembershipApplication: Model, @unchecked Sendable {
    static let schema = "membership_applications"

    @ID(key: .id) var id: UUID?
    /// The union the applicant chose from the tree.
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @OptionalField(key: "platform") var platform: String?
    @Enum(key: "employment_form") var employmentForm: EmploymentForm
    @Field(key: "name") var name: String
    @Enum(key: "gender") var gender: Gender
    @Field(key: "id_number") var idNumber: String
    @Field(key: "mobile") var mobile: String
    @OptionalField(key: "trade") var trade: String?
    @Field(key: "number") var number: String
    @Field(key: "code_hash") var codeHash: String
    @Enum(key: "status") var status: ApplicationStatus
    @Field(key: "submitted_date") var submittedDate: String
    /// The last day of the answer period: 15 working days after submission.
    @Field(key: "due_date") var dueDate: String
    @OptionalField(key: "decided_date") var decidedDate: String?
    /// Why it was refused; shown to the applicant.
    @OptionalField(key: "reason") var reason: String?
    /// The member it made (or brought back), once approved.
    @OptionalField(key: "member_id") var memberID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    /// The answer period officers have: 15 working days.
    static let answerDays = 15
}

extension ApplicationStatus: FluentEnumRepresentable {}
extension ApplicationStatus: Vocabulary { package static let catalogue = "applicationStatus" }
extension ApplicationStep: Vocabulary { package static let catalogue = "applicationStep" }

extension MembershipApplication: Audited, Versioned {
    static let auditEntity = "membershipApplication"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "number": number, "name": name, "idNumber": Masking.idNumber(idNumber), "mobile": Masking.mobile(mobile),
            "status": status.rawValue, "employmentForm": employmentForm.rawValue, "platform": platform ?? "", "trade": trade ?? "",
            "organizationId": organizationID?.uuidString ?? "", "reason": reason ?? "", "memberId": memberID?.uuidString ?? "",
        ]
    }
}
