import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// One change in a member's membership (会籍变动): rejoining, leaving, a transfer's two sides, a merge.
/// Joining itself is the member's `join_date`. Each row belongs to the unit where it happened, so the
/// union a member left keeps seeing that they left.
final class MembershipEvent: Model, @unchecked Sendable {
    static let schema = "membership_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: MembershipEventKind
    @Field(key: "date") var date: String
    /// The other side of a transfer, or the record merged into this one.
    @OptionalField(key: "other_unit_id") var otherUnitID: UUID?
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(member: UUID, unit: UUID, kind: MembershipEventKind, date: CivilDate, other: UUID? = nil, note: String? = nil) {
        self.memberID = member
        self.unitID = unit
        self.kind = kind
        self.date = date.description
        self.otherUnitID = other
        self.note = note
    }
}

extension MembershipEventKind: FluentEnumRepresentable {}
extension MembershipEventKind: Vocabulary { package static let catalogue = "membershipEvent" }
extension MembershipStatus: Vocabulary { package static let catalogue = "membershipStatus" }
extension EmploymentForm: Vocabulary { package static let catalogue = "employmentForm" }
extension LeaveKind: Vocabulary { package static let catalogue = "leaveKind" }

/// A history line as the API and the member's page show it.
struct MembershipEventOutput: Content {
    var kind: MembershipEventKind
    var date: String
    var unitId: UUID
    var otherUnitId: UUID?
    var note: String?

    init(_ event: MembershipEvent) {
        kind = event.kind
        date = event.date
        unitId = event.unitID
        otherUnitId = event.otherUnitID
        note = event.note
    }

    init(joined member: Member) {
        kind = .joined
        date = member.joinDate ?? ""
        unitId = member.unitID
    }
}
