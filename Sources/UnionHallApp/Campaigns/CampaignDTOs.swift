import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct OutreachCampaignOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var kind: CampaignKind
    var startDate: String
    var endDate: String?
    var description: String
    var figures: OutreachCampaignFigures
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

/// What a campaign's records add up to, all time.
struct OutreachCampaignFigures: Content {
    /// Outreach activities held, and their person-times.
    var activitiesHeld: Int
    var personTimes: Int
    var problemsRaised: Int
    var problemsSolved: Int
    var benefitFen: Int64
}

struct OutreachCampaignInput: Content, VersionedInput {
    var unitId: UUID?
    var name: String?
    var kind: CampaignKind?
    var startDate: String?
    /// Empty clears it.
    var endDate: String?
    var description: String?
    var version: Int?
}

struct OutreachCampaignFilter: Content {
    var kind: CampaignKind?
}

/// The campaigns' part of the statistics: campaigns under way in the period, and the activities
/// held and problems solved in it that belong to a campaign, by kind.
struct OutreachCampaignStatistics: Content {
    var campaigns: Int
    var byKind: [OutreachCampaignKindFigures]
}

struct OutreachCampaignKindFigures: Content {
    var key: String
    var campaigns: Int
    var activitiesHeld: Int
    var personTimes: Int
    var problemsSolved: Int
}
