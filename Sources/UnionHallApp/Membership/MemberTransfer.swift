import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A move of a member from one union of the tree to another (转会), asked by the member or the
/// releasing union and answered by the receiving one. Both sides see it.
final class MemberTransfer: Model, @unchecked Sendable {
    static let schema = "member_transfers"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    /// The releasing union (the member's unit when asked).
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "to_unit_id") var toUnitID: UUID
    @Field(key: "reason") var reason: String
    @Enum(key: "status") var status: TransferStatus
    @Field(key: "requested_date") var requestedDate: String
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    @OptionalField(key: "decided_date") var decidedDate: String?
    @OptionalField(key: "reject_reason") var rejectReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension TransferStatus: FluentEnumRepresentable {}
extension TransferStatus: Vocabulary { package static let catalogue = "transferStatus" }
extension TransferStep: Vocabulary { package static let catalogue = "transferStep" }

extension MemberTransfer: Audited, Versioned {
    static let auditEntity = "memberTransfer"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "memberId": memberID.uuidString, "unitId": unitID.uuidString, "toUnitId": toUnitID.uuidString, "reason": reason,
            "status": status.rawValue, "rejectReason": rejectReason ?? "",
        ]
    }
}
