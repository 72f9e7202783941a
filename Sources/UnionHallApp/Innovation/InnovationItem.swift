import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An innovation item (职工技术创新): a proposal, an innovation, an invention, a 五小, a method or an
/// achievement, from its submission to its award.
final class InnovationItem: Model, @unchecked Sendable {
    static let schema = "innovation_items"

    @ID(key: .id) var id: UUID?
    /// The lead author's union unit.
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: InnovationKind
    @OptionalEnum(key: "sub_kind") var subKind: FiveSmallKind?
    @Field(key: "title") var title: String
    @Field(key: "problem") var problem: String
    @Field(key: "proposal") var proposal: String
    @Field(key: "expected_benefit_fen") var expectedBenefitFen: Int64
    @Field(key: "author_id") var authorID: UUID
    @OptionalField(key: "team_id") var teamID: UUID?
    @OptionalField(key: "studio_id") var studioID: UUID?
    @Field(key: "submitted_date") var submittedDate: String
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    @Enum(key: "status") var status: InnovationStatus
    /// Kept with each seconding, in the same transaction, so officers can sort and filter by it.
    @Field(key: "seconds_count") var secondsCount: Int
    /// The mean weighted score of the submitted reviews, in hundredths of a point.
    @OptionalField(key: "review_score") var reviewScore: Int?
    @OptionalField(key: "decision_date") var decisionDate: String?
    @OptionalField(key: "reject_reason") var rejectReason: String?
    @OptionalField(key: "implemented_date") var implementedDate: String?
    @Field(key: "benefit_fen") var benefitFen: Int64
    @OptionalField(key: "benefit_method") var benefitMethod: String?
    @OptionalField(key: "assessed_date") var assessedDate: String?
    /// Set when the item's status changes and cleared when its author reads it: the worker's "new".
    @Field(key: "author_unread") var authorUnread: Bool
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// An author of an item: the lead (position 0) and the co-authors, in order.
final class InnovationAuthor: Model, @unchecked Sendable {
    static let schema = "innovation_authors"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "position") var position: Int

    init() {}
    init(itemID: UUID, memberID: UUID, position: Int) {
        self.itemID = itemID
        self.memberID = memberID
        self.position = position
    }
}

/// A co-worker's seconding (附议) of an item: once per member.
final class InnovationSecond: Model, @unchecked Sendable {
    static let schema = "innovation_seconds"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "at") var at: Date

    init() {}
}

/// One change of an item's status as its author sees it, with the reason when there is one.
final class InnovationEvent: Model, @unchecked Sendable {
    static let schema = "innovation_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "at") var at: Date
    @Enum(key: "status") var status: InnovationStatus
    @OptionalField(key: "note") var note: String?

    init() {}
    init(itemID: UUID, at: Date, status: InnovationStatus, note: String?) {
        self.itemID = itemID
        self.at = at
        self.status = status
        self.note = note
    }
}

extension InnovationKind: FluentEnumRepresentable {}
extension FiveSmallKind: FluentEnumRepresentable {}
extension InnovationStatus: FluentEnumRepresentable {}
extension InnovationAwardLevel: FluentEnumRepresentable {}
extension InnovationAwardGrade: FluentEnumRepresentable {}
extension PatentKind: FluentEnumRepresentable {}

extension InnovationItem: Audited, Versioned {
    static let auditEntity = "innovationItem"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "kind": kind.rawValue, "subKind": subKind?.rawValue ?? "", "title": title, "status": status.rawValue,
            "authorId": authorID.uuidString,
            "teamId": teamID?.uuidString ?? "", "studioId": studioID?.uuidString ?? "", "submittedDate": submittedDate,
            "expectedBenefitFen": String(expectedBenefitFen), "rejectReason": rejectReason ?? "", "implementedDate": implementedDate ?? "",
            "benefitFen": String(benefitFen), "benefitMethod": benefitMethod ?? "", "assessedDate": assessedDate ?? "",
        ]
    }
}
