import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct ClaimantInput: Content {
    var memberId: UUID?
    var name: String?
    var idNumber: String?
    var mobile: String?
    var migrant: Bool?
}

/// A claimant as shown: ID number and phone masked.
struct ClaimantOutput: Content {
    var id: UUID
    var memberId: UUID?
    var name: String
    var idNumber: String
    var mobile: String?
    var migrant: Bool
}

struct DisputeInput: Content {
    var unitId: UUID?
    var channel: DisputeChannel?
    var type: DisputeType?
    var employerId: LinkChange = .keep
    var employerName: String?
    var summary: String?
    var claimedFen: Int64?
    var acceptedDate: String?
    var mediatorId: LinkChange = .keep
    var courtId: UUID?
    var courtCaseNumber: String?
    var claimants: [ClaimantInput]?
    var version: Int?
}

struct DisputeOutput: Content {
    var id: UUID
    var unitId: UUID
    var channel: DisputeChannel
    var type: DisputeType
    var status: DisputeStatus
    var employerId: UUID?
    var employerName: String
    var summary: String
    var claimedFen: Int64
    var agreedFen: Int64?
    var recoveredFen: Int64
    var mediatorId: UUID?
    var mediatorName: String?
    var acceptedDate: String
    var deadline: String
    var extended: Bool
    var overdue: Bool
    var courtId: UUID?
    var courtCaseNumber: String?
    var outcomeDate: String?
    var outcomeNote: String?
    var returnedToCourt: Bool?
    var confirmationDate: String?
    var confirmationNumber: String?
    var claimants: [ClaimantOutput]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct DisputeFilter: Content {
    var channel: DisputeChannel?
    var type: DisputeType?
    var status: DisputeStatus?
    var overdue: Bool?
    /// Open cases due within the next three days, not yet overdue.
    var dueSoon: Bool?
    var mediatorId: UUID?
}

struct DisputeStepInput: Content {
    var version: Int?
    var date: String?
    var agreedFen: Int64?
    var reason: String?
}

struct DisputeExtensionInput: Content {
    var version: Int?
    var newDeadline: String?
    var bothConsent: Bool?
}

struct DisputeSessionInput: Content {
    var date: String?
    var notes: String?
}

struct DisputeSessionOutput: Content {
    var id: UUID
    var date: String
    var notes: String
}

struct DisputePaymentInput: Content {
    var date: String?
    var amountFen: Int64?
}

struct DisputePaymentOutput: Content {
    var id: UUID
    var date: String
    var amountFen: Int64
}

struct DisputeConfirmationInput: Content {
    var date: String?
    var number: String?
}

struct DisputeEventOutput: Content {
    var at: Date
    var what: String
    var note: String
}

/// What a worker files from their own pages.
struct DisputeRequestInput: Content {
    var type: DisputeType?
    var employerName: String?
    var claimedFen: Int64?
    var summary: String?
}

struct DisputeStatistics: Content {
    var cases: Int
    var byChannel: [KeyCount]
    var byType: [KeyCount]
    var byStatus: [KeyCount]
    var claimedFen: Int64
    var recoveredFen: Int64
    var overdue: Int
}
