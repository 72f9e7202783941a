import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct MentorshipOutput: Content {
    var id: UUID
    var unitId: UUID
    var mentorId: UUID
    var mentorName: String
    var apprenticeId: UUID
    var apprenticeName: String
    var organizationId: UUID?
    var startDate: String
    var endDate: String
    var goals: String
    var milestones: String
    var status: MentorshipStatus
    var signedDate: String?
    var completedDate: String?
    var levelBefore: Int?
    var levelAfter: Int?
    var terminationReason: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ agreement: MentorshipAgreement, names: [UUID: String]) throws {
        self.id = try agreement.requireID()
        self.unitId = agreement.unitID
        self.mentorId = agreement.mentorID
        self.mentorName = names[agreement.mentorID] ?? ""
        self.apprenticeId = agreement.apprenticeID
        self.apprenticeName = names[agreement.apprenticeID] ?? ""
        self.organizationId = agreement.organizationID
        self.startDate = agreement.startDate
        self.endDate = agreement.endDate
        self.goals = agreement.goals
        self.milestones = agreement.milestones
        self.status = agreement.status
        self.signedDate = agreement.signedDate
        self.completedDate = agreement.completedDate
        self.levelBefore = agreement.levelBefore
        self.levelAfter = agreement.levelAfter
        self.terminationReason = agreement.terminationReason
        self.version = agreement.version
        self.createdAt = agreement.createdAt
        self.updatedAt = agreement.updatedAt
        self.deletedAt = agreement.deletedAt
    }
}

/// The terms of an agreement; they can change while it is a draft. On PATCH, `version` is required.
struct MentorshipInput: Content {
    var mentorId: UUID?
    var apprenticeId: UUID?
    var organizationId: LinkChange = .keep
    var startDate: String?
    var endDate: String?
    var goals: String?
    var milestones: String?
    var version: Int?
}

/// The data of a workflow step: `date` (default today), `levelAfter` to complete, `reason` to terminate.
struct MentorshipStepInput: Content {
    var version: Int?
    var date: String?
    var levelAfter: Int?
    var reason: String?
}

struct MentorshipFilter: Content {
    var status: MentorshipStatus?
    var mentorId: UUID?
    var apprenticeId: UUID?
    var organizationId: UUID?
    /// Which date `from`/`to` apply to: `signed` (default) or `completed`.
    var on: String?
}
