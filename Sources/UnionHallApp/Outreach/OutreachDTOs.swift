import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct OutreachOutput: Content {
    var id: UUID
    var unitId: UUID
    var title: String
    var kind: OutreachKind
    var status: OutreachStatus
    var plannedDate: String
    var heldDate: String?
    var place: String
    var partnerId: UUID?
    var studioId: UUID?
    var outreachCampaignId: UUID?
    var audience: String
    var personTimes: Int
    var leaderIds: [UUID]
    var leaderNames: [String]
    var cancelReason: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ activity: OutreachActivity, leaders: [UUID], names: [UUID: String]) throws {
        self.id = try activity.requireID()
        self.unitId = activity.unitID
        self.title = activity.title
        self.kind = activity.kind
        self.status = activity.status
        self.plannedDate = activity.plannedDate
        self.heldDate = activity.heldDate
        self.place = activity.place
        self.partnerId = activity.partnerID
        self.studioId = activity.studioID
        self.outreachCampaignId = activity.campaignID
        self.audience = activity.audience
        self.personTimes = activity.personTimes
        self.leaderIds = leaders
        self.leaderNames = leaders.map { names[$0] ?? "" }
        self.cancelReason = activity.cancelReason
        self.version = activity.version
        self.createdAt = activity.createdAt
        self.updatedAt = activity.updatedAt
        self.deletedAt = activity.deletedAt
    }
}

/// The plan of an activity; it changes while planned. On PATCH, `version` is required and
/// `leaderIds`, when given, replaces the leaders.
struct OutreachInput: Content {
    var unitId: UUID?
    var title: String?
    var kind: OutreachKind?
    var plannedDate: String?
    var place: String?
    var partnerId: LinkChange = .keep
    var studioId: LinkChange = .keep
    var outreachCampaignId: LinkChange = .keep
    var audience: String?
    var leaderIds: [UUID]?
    var version: Int?
}

/// `hold` takes the date held and the person-times; `cancel` a reason.
struct OutreachStepInput: Content {
    var version: Int?
    var date: String?
    var personTimes: Int?
    var reason: String?
}

struct OutreachFilter: Content {
    var kind: OutreachKind?
    var status: OutreachStatus?
    var studioId: UUID?
    var outreachCampaignId: UUID?
    var leaderId: UUID?
}
