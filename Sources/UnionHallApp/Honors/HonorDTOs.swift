import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct HonorOutput: Content {
    var id: UUID
    var unitId: UUID
    var memberId: UUID
    var memberName: String
    var trade: String?
    var title: HonorTitle
    var level: HonorLevel
    var year: Int
    var awardingBody: String
    var source: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ honor: Honor, member: Member?) throws {
        self.id = try honor.requireID()
        self.unitId = honor.unitID
        self.memberId = honor.memberID
        self.memberName = member?.name ?? ""
        self.trade = member?.trade
        self.title = honor.title
        self.level = honor.level
        self.year = honor.year
        self.awardingBody = honor.awardingBody
        self.source = honor.source
        self.version = honor.version
        self.createdAt = honor.createdAt
        self.updatedAt = honor.updatedAt
        self.deletedAt = honor.deletedAt
    }
}

/// On PATCH, absent fields keep their value and `version` is required. The member is set at
/// creation and does not change: an honor recorded against the wrong person is deleted.
struct HonorInput: Content {
    var memberId: UUID?
    var title: HonorTitle?
    var level: HonorLevel?
    var year: Int?
    var awardingBody: String?
    var version: Int?
}

struct HonorFilter: Content {
    var title: HonorTitle?
    var level: HonorLevel?
    var year: Int?
    var memberId: UUID?
    var trade: String?
    /// Only 劳模 and 工匠 titles: the roster of model workers and craftsmen.
    var roster: Bool?
}
