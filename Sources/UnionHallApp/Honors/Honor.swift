import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A title a member holds (荣誉): 劳动模范, 五一劳动奖章, 工匠, 技能大师, 技术能手 … with its level, year
/// and awarding body. It belongs to the member's union unit, which moves with the member.
final class Honor: Model, @unchecked Sendable {
    static let schema = "honors"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Enum(key: "title") var title: HonorTitle
    @Enum(key: "level") var level: HonorLevel
    @Field(key: "year") var year: Int
    @Field(key: "awarding_body") var awardingBody: String
    /// The record the honor came from, when another module created it (a competition result).
    @OptionalField(key: "source") var source: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    init(member: Member, valid: HonorDraft.Valid, source: String? = nil) throws {
        self.unitID = member.unitID
        self.memberID = try member.requireID()
        self.title = valid.title
        self.level = valid.level
        self.year = valid.year
        self.awardingBody = valid.awardingBody
        self.source = source
        self.version = 1
    }
}

extension HonorTitle: FluentEnumRepresentable {}
extension HonorLevel: FluentEnumRepresentable {}

extension Honor: Audited, Versioned {
    static let auditEntity = "honor"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "memberId": memberID.uuidString, "title": title.rawValue, "level": level.rawValue, "year": String(year),
            "awardingBody": awardingBody,
        ]
    }
}
