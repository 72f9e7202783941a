import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A reviewer's assignment to an item: private notes while reading, then one set of scores.
final class InnovationReview: Model, @unchecked Sendable {
    static let schema = "innovation_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    /// The item's unit, for scoping the audit log.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "reviewer_id") var reviewerID: UUID
    @Field(key: "assigned_by") var assignedBy: UUID
    @Field(key: "assigned_at") var assignedAt: Date
    @OptionalField(key: "innovation_score") var innovationScore: Int?
    @OptionalField(key: "feasibility_score") var feasibilityScore: Int?
    @OptionalField(key: "benefit_score") var benefitScore: Int?
    @OptionalField(key: "weighted_score") var weightedScore: Int?
    /// Seen only by the reviewer who wrote them.
    @OptionalField(key: "notes") var notes: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?

    init() {}
}

/// The weights of the criteria for one kind of item, as the admin sets them.
final class InnovationWeights: Model, @unchecked Sendable {
    static let schema = "innovation_weights"

    @ID(key: .id) var id: UUID?
    @Enum(key: "kind") var kind: InnovationKind
    @Field(key: "innovation") var innovation: Int
    @Field(key: "feasibility") var feasibility: Int
    @Field(key: "benefit") var benefit: Int
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var weights: ScoreWeights { ScoreWeights(innovation: innovation, feasibility: feasibility, benefit: benefit) }
}

extension InnovationReview: Audited {
    static let auditEntity = "innovationReview"
    var auditUnitID: UUID? { unitID }
    /// Notes stay out of the log: they are the reviewer's own.
    func auditSnapshot() -> [String: String] {
        [
            "itemId": itemID.uuidString, "reviewerId": reviewerID.uuidString, "innovation": innovationScore.map(String.init) ?? "",
            "feasibility": feasibilityScore.map(String.init) ?? "", "benefit": benefitScore.map(String.init) ?? "",
            "weighted": weightedScore.map(String.init) ?? "",
        ]
    }
}

extension InnovationWeights: Audited {
    static let auditEntity = "innovationWeights"
    var auditUnitID: UUID? { nil }
    func auditSnapshot() -> [String: String] {
        ["kind": kind.rawValue, "innovation": String(innovation), "feasibility": String(feasibility), "benefit": String(benefit)]
    }
}
