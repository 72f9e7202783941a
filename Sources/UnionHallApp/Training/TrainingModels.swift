import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A training programme (培训项目): an order class, on-site order training, a lecture hall, a field
/// class or a skill-upgrade course, with its places and dates. Person-times come from its sessions'
/// attendance, never typed in.
final class TrainingProgram: Model, @unchecked Sendable {
    static let schema = "training_programs"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: TrainingKind
    @Field(key: "title") var title: String
    @OptionalField(key: "trade") var trade: String?
    @OptionalField(key: "college_id") var collegeID: UUID?
    @OptionalField(key: "employer_id") var employerID: UUID?
    @OptionalField(key: "partnership_id") var partnershipID: UUID?
    @OptionalField(key: "studio_id") var studioID: UUID?
    @Field(key: "places") var places: Int
    @Field(key: "start_date") var startDate: String
    @Field(key: "end_date") var endDate: String
    /// The employer's job offer to an order class: monthly salary in fen, and what it says.
    @OptionalField(key: "offer_salary_fen") var offerSalaryFen: Int64?
    @OptionalField(key: "offer_note") var offerNote: String?
    @Field(key: "enrolled_count") var enrolledCount: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// One meeting of a programme: its date, place and trainers, and a head count for open audiences.
final class TrainingSession: Model, @unchecked Sendable {
    static let schema = "training_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "date") var date: String
    @Field(key: "place") var place: String
    @Field(key: "trainers") var trainers: String
    /// People counted at the door, not by name (farmers at a field class, students at a lecture).
    @Field(key: "head_count") var headCount: Int
    @Field(key: "named_count") var namedCount: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class TrainingEnrolment: Model, @unchecked Sendable {
    static let schema = "training_enrolments"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Enum(key: "status") var status: EnrolmentStatus
    /// When the person joined the list they are on: the waiting list moves up in this order.
    @Field(key: "since") var since: Date
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    init() {}
}

final class TrainingAttendance: Model, @unchecked Sendable {
    static let schema = "training_attendance"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "program_id") var programID: UUID
    @Field(key: "member_id") var memberID: UUID

    init() {}
}

/// 工匠学院, 产业学院, or a school–enterprise agreement between a college and an employer.
final class Partnership: Model, @unchecked Sendable {
    static let schema = "partnerships"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: PartnershipKind
    @Field(key: "name") var name: String
    @Field(key: "college_id") var collegeID: UUID
    @OptionalField(key: "employer_id") var employerID: UUID?
    @Field(key: "signed_date") var signedDate: String
    @Enum(key: "status") var status: PartnershipStatus
    @Field(key: "note") var note: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A studio a partnership runs (the 陇东学院 + 国网庆阳供电公司 studio).
final class PartnershipStudio: Model, @unchecked Sendable {
    static let schema = "partnership_studios"

    @ID(key: .id) var id: UUID?
    @Field(key: "partnership_id") var partnershipID: UUID
    @Field(key: "studio_id") var studioID: UUID

    init() {}

    init(partnershipID: UUID, studioID: UUID) {
        self.partnershipID = partnershipID
        self.studioID = studioID
    }
}

extension TrainingKind: FluentEnumRepresentable {}
extension EnrolmentStatus: FluentEnumRepresentable {}
extension PartnershipKind: FluentEnumRepresentable {}
extension PartnershipStatus: FluentEnumRepresentable {}

extension TrainingProgram: Audited, Versioned, SoftDeletable {
    static let auditEntity = "training"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "kind": kind.rawValue, "title": title, "trade": trade ?? "", "places": String(places), "startDate": startDate,
            "endDate": endDate,
            "collegeId": collegeID?.uuidString ?? "", "employerId": employerID?.uuidString ?? "",
            "offerSalaryFen": offerSalaryFen.map { String($0) } ?? "",
        ]
    }
}

extension Partnership: Audited, Versioned, SoftDeletable {
    static let auditEntity = "partnership"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "kind": kind.rawValue, "name": name, "collegeId": collegeID.uuidString, "employerId": employerID?.uuidString ?? "",
            "signedDate": signedDate, "status": status.rawValue,
        ]
    }
}
