import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct AllianceOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var foundedDate: String
    var description: String
    var figures: AllianceFigures
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

/// The alliance's members, and what they led since it was founded.
struct AllianceFigures: Content {
    var members: Int
    /// Outreach activities held, led by a member, and their person-times.
    var activitiesHeld: Int
    var personTimes: Int
    /// Technical problems solved by a member.
    var problemsSolved: Int
}

struct AllianceInput: Content, VersionedInput {
    var unitId: UUID?
    var name: String?
    var foundedDate: String?
    var description: String?
    var version: Int?
}

struct AllianceFilter: Content {
    var memberId: UUID?
}

struct AllianceMemberInput: Content {
    var memberId: UUID?
}

struct AllianceMemberOutput: Content {
    var memberId: UUID
    var name: String
    var joinedDate: String
}

struct ExhibitionOutput: Content {
    var id: UUID
    var unitId: UUID
    var title: String
    var openedDate: String
    var closedDate: String?
    var place: String
    var visitors: Int
    /// Innovation items on show.
    var items: Int
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct ExhibitionInput: Content, VersionedInput {
    var unitId: UUID?
    var title: String?
    var openedDate: String?
    /// Empty clears it.
    var closedDate: String?
    var place: String?
    /// Counted visitors, 0 to 10,000,000.
    var visitors: Int?
    var version: Int?
}

struct ExhibitionFilter: Content {
    var itemId: UUID?
}

struct ExhibitionItemInput: Content {
    var itemId: UUID?
}

struct ExhibitionItemOutput: Content {
    var itemId: UUID
    var title: String
}

/// The alliances' and exhibitions' figures: alliances standing at the period's end with their
/// members, and the exhibitions opened in it with the items shown and the visitors.
struct AllianceStatistics: Content {
    var alliances: Int
    var members: Int
    var exhibitions: Int
    var itemsShown: Int
    var visitors: Int
}
