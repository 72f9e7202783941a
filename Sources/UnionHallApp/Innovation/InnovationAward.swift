import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An award an item won: level, grade, year, the awarding body and the prize's name.
final class InnovationAward: Model, @unchecked Sendable {
    static let schema = "innovation_awards"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "level") var level: InnovationAwardLevel
    @Enum(key: "grade") var grade: InnovationAwardGrade
    @Field(key: "year") var year: Int
    @Field(key: "awarded_by") var awardedBy: String
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension InnovationAward: Audited {
    static let auditEntity = "innovationAward"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        [
            "itemId": itemID.uuidString, "level": level.rawValue, "grade": grade.rawValue, "year": String(year), "awardedBy": awardedBy,
            "name": name,
        ]
    }
}
