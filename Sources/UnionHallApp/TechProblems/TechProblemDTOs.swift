import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct TechProblemOutput: Content {
    var id: UUID
    var unitId: UUID
    var organizationId: UUID
    var organizationName: String
    var title: String
    var description: String
    var trade: String?
    var raisedDate: String
    var status: TechProblemStatus
    var matchedMemberId: UUID?
    var matchedMemberName: String?
    var matchedStudioId: UUID?
    var outreachCampaignId: UUID?
    var solution: String?
    var benefitFen: Int64
    var solvedDate: String?
    var closeReason: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ problem: TechProblem, organizations: [UUID: String], members: [UUID: String]) throws {
        self.id = try problem.requireID()
        self.unitId = problem.unitID
        self.organizationId = problem.organizationID
        self.organizationName = organizations[problem.organizationID] ?? ""
        self.title = problem.title
        self.description = problem.description
        self.trade = problem.trade
        self.raisedDate = problem.raisedDate
        self.status = problem.status
        self.matchedMemberId = problem.matchedMemberID
        self.matchedMemberName = problem.matchedMemberID.flatMap { members[$0] }
        self.matchedStudioId = problem.matchedStudioID
        self.outreachCampaignId = problem.campaignID
        self.solution = problem.solution
        self.benefitFen = problem.benefitFen
        self.solvedDate = problem.solvedDate
        self.closeReason = problem.closeReason
        self.version = problem.version
        self.createdAt = problem.createdAt
        self.updatedAt = problem.updatedAt
        self.deletedAt = problem.deletedAt
    }
}

/// A problem as raised; the terms change while it is raised. A worker raising one for their own
/// employer leaves `organizationId` out.
struct TechProblemInput: Content {
    var organizationId: UUID?
    var title: String?
    var description: String?
    var trade: String?
    var raisedDate: String?
    var outreachCampaignId: LinkChange = .keep
    var version: Int?
}

/// `match` takes a craftsman (`memberId`) or a studio (`studioId`); `solve` the solution, its
/// yearly benefit in fen and the date; `close` a reason.
struct TechProblemStepInput: Content {
    var version: Int?
    var memberId: UUID?
    var studioId: UUID?
    var solution: String?
    var benefitFen: Int64?
    var date: String?
    var reason: String?
}

struct TechProblemFilter: Content {
    var status: TechProblemStatus?
    var trade: String?
    var organizationId: UUID?
    var outreachCampaignId: UUID?
    var open: Bool?
    /// Which date `from`/`to` apply to: `raised` (default) or `solved`.
    var on: String?
}
