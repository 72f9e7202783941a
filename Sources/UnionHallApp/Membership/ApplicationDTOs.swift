import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The public form's body: `organizationId` of the employer, or `platform` for platform workers.
struct ApplicationInput: Content {
    var name: String?
    var idNumber: String?
    var mobile: String?
    var unitId: UUID?
    var organizationId: UUID?
    var platform: String?
    /// A dispatched worker (劳务派遣) says so; others are regular employees or platform workers.
    var dispatched: Bool?
    var trade: String?
}

/// What the applicant keeps to follow their application: the code is shown this once.
struct ApplicationReceipt: Content {
    var number: String
    var code: String
    var status: ApplicationStatus
}

/// The applicant's view: where it stands, and why if refused. Nothing about who handles it.
struct ApplicationProgress: Content {
    var number: String
    var status: ApplicationStatus
    var unitName: String
    var submittedDate: String
    var dueDate: String
    var decidedDate: String?
    var reason: String?
    var membershipNumber: String?
}

struct ApplicationStatusQuery: Content {
    var number: String?
    var code: String?
}

/// An application as the union's officers see it: ID and phone masked.
struct ApplicationOutput: Content {
    var id: UUID
    var unitId: UUID
    var number: String
    var name: String
    var gender: Gender
    var idNumber: String
    var mobile: String
    var organizationId: UUID?
    var organizationName: String?
    var platform: String?
    var employmentForm: EmploymentForm
    var trade: String?
    var status: ApplicationStatus
    var submittedDate: String
    var dueDate: String
    /// Working days left to answer (negative once overdue); nil once answered.
    var daysLeft: Int?
    var overdue: Bool
    var decidedDate: String?
    var reason: String?
    var memberId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ row: MembershipApplication, organizations: [UUID: String], today: CivilDate) throws {
        id = try row.requireID()
        unitId = row.unitID
        number = row.number
        name = row.name
        gender = row.gender
        idNumber = Masking.idNumber(row.idNumber)
        mobile = Masking.mobile(row.mobile)
        organizationId = row.organizationID
        organizationName = row.organizationID.flatMap { organizations[$0] }
        platform = row.platform
        employmentForm = row.employmentForm
        trade = row.trade
        status = row.status
        submittedDate = row.submittedDate
        dueDate = row.dueDate
        let due = CivilDate(row.dueDate) ?? today
        daysLeft = row.status.isOpen ? WorkingDays.between(today, due) : nil
        overdue = row.status.isOpen && due < today
        decidedDate = row.decidedDate
        reason = row.reason
        memberId = row.memberID
        version = row.version
        createdAt = row.createdAt
        updatedAt = row.updatedAt
        deletedAt = row.deletedAt
    }
}

struct ApplicationFilter: Content {
    var status: ApplicationStatus?
    /// Waiting past the answer period.
    var overdue: Bool?
}

/// Approving (with the join date, today by default) or refusing (with the reason the applicant sees).
struct ApplicationStepInput: Content {
    var version: Int?
    var reason: String?
    var joinDate: String?
}
