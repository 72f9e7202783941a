import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct HardshipFileOutput: Content {
    var id: UUID
    var unitId: UUID
    var memberId: UUID
    var memberName: String
    var level: HardshipLevel
    var cause: String
    var householdSize: Int
    var incomePerHeadFen: Int64
    /// As read today: a verified file whose year has passed is `lapsed`.
    var status: HardshipStatus
    var openedDate: String
    var verifiedDate: String?
    var lapsesOn: String?
    var closedDate: String?
    var closeReason: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct HardshipFileInput: Content {
    var memberId: UUID?
    var level: HardshipLevel?
    var cause: String?
    var householdSize: Int?
    var incomePerHeadFen: Int64?
    var version: Int?
}

struct HardshipFilter: Content {
    var status: HardshipStatus?
    var level: HardshipLevel?
    var memberId: UUID?
    /// Verified files whose verification lapses within `HardshipService.lapsingDays` days.
    var lapsingSoon: Bool?
}

struct HardshipStepInput: Content {
    var version: Int?
    var date: String?
    var reason: String?
}

struct AidProgramOutput: Content {
    var id: UUID
    var unitId: UUID
    var year: Int
    var kind: AidKind
    var name: String
    var budgetFen: Int64
    var approvedFen: Int64
    var paidFen: Int64
    var remainingFen: Int64
    var priorityIndustrial: Bool
    /// By school stage for a scholarship (`{"university": 300000, …}`), by hardship level for relief (`{"deep": 100000, …}`).
    var amountsFen: [String: Int64]
    var noticeFrom: String?
    var noticeUntil: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct AidProgramInput: Content, VersionedInput {
    var unitId: UUID?
    var year: Int?
    /// Set when the programme is made (a scholarship when left out), never changed after.
    var kind: AidKind?
    var name: String?
    var budgetFen: Int64?
    var priorityIndustrial: Bool?
    var amountsFen: [String: Int64]?
    /// The public notice period, both dates or neither; at most 30 days.
    var noticeFrom: String?
    var noticeUntil: String?
    var version: Int?
}

struct AidProgramFilter: Content {
    var year: Int?
    var kind: AidKind?
}

struct AidApplicationOutput: Content {
    var id: UUID
    var unitId: UUID
    var programId: UUID
    var programYear: Int
    var kind: AidKind
    var memberId: UUID
    var memberName: String
    var hardshipFileId: UUID?
    var priorityGroup: Bool
    var childName: String?
    /// Always masked: the full number is checked by the system, not read by people.
    var childIdNumber: String?
    var school: String?
    var stage: SchoolStage?
    var admissionYear: Int?
    var medicalExpensesFen: Int64?
    var situation: String?
    var amountFen: Int64
    var payeeAccount: String?
    var status: AidStatus
    var submittedDate: String
    var approvedDate: String?
    var rejectReason: String?
    var batchId: UUID?
    var paidDate: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct AidApplicationInput: Content {
    var programId: UUID?
    /// Officers name the worker; a worker applying is the worker.
    var memberId: UUID?
    var hardshipFileId: UUID?
    var priorityGroup: Bool?
    var childName: String?
    var childIdNumber: String?
    var school: String?
    var stage: SchoolStage?
    var admissionYear: Int?
    /// Relief: the household's situation; medical aid: the medical costs the household bore.
    var situation: String?
    var medicalExpensesFen: Int64?
    var payeeAccount: String?
    var version: Int?
}

struct AidFilter: Content {
    var programId: UUID?
    var kind: AidKind?
    var status: AidStatus?
    /// Approved or paid: the applications behind the children and amounts funded.
    var funded: Bool?
    var stage: SchoolStage?
    var memberId: UUID?
}

struct AidStepInput: Content {
    var version: Int?
    var reason: String?
}

struct AidBatchInput: Content {
    /// The approved, unpaid applications to pay; all of the programme's in the caller's subtree when absent.
    var applicationIds: [UUID]?
    var paidDate: String?
}

struct AidBatchOutput: Content {
    var id: UUID
    var programId: UUID
    var number: Int
    var paidDate: String
    var count: Int
    var totalFen: Int64
}

struct AidEventOutput: Content {
    var at: Date
    var what: String
    var note: String
}

struct AmountCount: Content {
    var key: String
    var count: Int
    var amountFen: Int64
}

/// The figures of the period's applications: the scholarships' (金秋助学) at the top level, as the
/// articles report them, and every kind of aid side by side in `byKind`.
struct AidStatistics: Content {
    var files: Int
    var filesByLevel: [KeyCount]
    var filesByStatus: [KeyCount]
    /// Scholarship applications.
    var applications: Int
    var byStatus: [KeyCount]
    /// Children approved or paid, each counted once.
    var children: Int
    var byStage: [AmountCount]
    var approvedFen: Int64
    var paidFen: Int64
    var budgetFen: Int64
    var byKind: [AidKindFigures]
}

/// One kind of aid in a period: applications, households (or children) funded, amounts against the budgets.
struct AidKindFigures: Content {
    var key: String
    var applications: Int
    /// Households funded (for scholarships, children), each once.
    var funded: Int
    var approvedFen: Int64
    var paidFen: Int64
    var budgetFen: Int64
}

/// A line of the public notice (公示): names masked, nothing that identifies the child.
struct AidNoticeLine: Content {
    var worker: String
    var child: String?
    var unit: String
    var stage: SchoolStage?
    var amountFen: Int64
}
