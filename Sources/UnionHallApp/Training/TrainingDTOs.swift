import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct TrainingProgramOutput: Content {
    var id: UUID
    var unitId: UUID
    var kind: TrainingKind
    var title: String
    var trade: String?
    var collegeId: UUID?
    var employerId: UUID?
    var partnershipId: UUID?
    var studioId: UUID?
    var places: Int
    var startDate: String
    var endDate: String
    var offerSalaryFen: Int64?
    var offerNote: String?
    var enrolled: Int
    var waiting: Int
    var sessions: Int
    var personTimes: Int
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct TrainingProgramInput: Content {
    var unitId: UUID?
    var kind: TrainingKind?
    var title: String?
    var trade: String?
    var collegeId: LinkChange = .keep
    var employerId: LinkChange = .keep
    var partnershipId: LinkChange = .keep
    var studioId: LinkChange = .keep
    var places: Int?
    var startDate: String?
    var endDate: String?
    var offerSalaryFen: Int64?
    var offerNote: String?
    var version: Int?
}

struct TrainingFilter: Content {
    var kind: TrainingKind?
    var collegeId: UUID?
    var employerId: UUID?
    var partnershipId: UUID?
}

struct TrainingSessionOutput: Content {
    var id: UUID
    var programId: UUID
    var date: String
    var place: String
    var trainers: String
    var headCount: Int
    var namedCount: Int
    var personTimes: Int
}

struct TrainingSessionInput: Content {
    var date: String?
    var place: String?
    var trainers: String?
    var headCount: Int?
}

struct EnrolmentOutput: Content {
    var id: UUID
    var programId: UUID
    var memberId: UUID
    var memberName: String
    var status: EnrolmentStatus
    var since: Date
    /// For those waiting: their place in line, 1 first.
    var position: Int?
}

struct EnrolmentInput: Content {
    var memberId: UUID?
}

/// Named attendance for members (by id) and a head count for those not counted by name.
struct AttendanceInput: Content {
    var memberIds: [UUID]?
    var headCount: Int?
}

struct TrainingCounts: Content {
    var programs: [KeyCount]
    var personTimes: [KeyCount]
    var programsTotal: Int
    var personTimesTotal: Int
    var sessions: Int
    var enrolled: Int
    var waiting: Int
    var withdrawn: Int
    /// Partnerships signed in the period, by kind, and by where they stand today.
    var partnerships: [KeyCount]
    var partnershipsByStatus: [KeyCount]
}

struct PartnershipOutput: Content {
    var id: UUID
    var unitId: UUID
    var kind: PartnershipKind
    var name: String
    var collegeId: UUID
    var collegeName: String
    var employerId: UUID?
    var employerName: String?
    var signedDate: String
    var status: PartnershipStatus
    var note: String
    var studioIds: [UUID]
    var programs: Int
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct PartnershipInput: Content {
    var unitId: UUID?
    var kind: PartnershipKind?
    var name: String?
    var collegeId: UUID?
    var employerId: LinkChange = .keep
    var signedDate: String?
    var status: PartnershipStatus?
    var note: String?
    var studioIds: [UUID]?
    var version: Int?
}

struct PartnershipFilter: Content {
    var kind: PartnershipKind?
    var status: PartnershipStatus?
    var collegeId: UUID?
    var employerId: UUID?
}
