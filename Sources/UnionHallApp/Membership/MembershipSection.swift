import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The membership part of a member's page (the officer's and the worker's own): number, status,
/// employment, the history of changes, a transfer in progress, and what may be done next.
struct MembershipSection: Encodable {
    struct HistoryRow: Encodable {
        var date: String
        var label: String
        var unit: String
        var note: String
    }

    var number: String
    var joinDate: String
    var statusLabel: String
    var statusDate: String
    var active: Bool
    var employment: String
    var history: [HistoryRow]
    var pendingTransfer: TransferOutput?
    /// Unions a transfer may go to.
    var units: [SelectOption]
    var steps: [String]
    var leaveKinds: [SelectOption]
    var today: String
    var worker: Bool

    static func make(_ member: Member, tree: UnitTree, worker: Bool, request: Request) async throws -> MembershipSection {
        let memberID = try member.requireID()
        let history = try await Membership.history(of: member, on: request.db).map {
            HistoryRow(
                date: $0.date, label: request.name(of: $0.kind), unit: tree.name(of: $0.unitId),
                note: [$0.otherUnitId.map { tree.name(of: $0) } ?? "", $0.note ?? ""].filter { !$0.isEmpty }.joined(separator: " · "))
        }
        let pending = try await MemberTransfer.query(on: request.db).filter(\.$memberID == memberID).filter(\.$status == .requested)
            .filter(\.$deletedAt == nil).first()
        let employment =
            request.name(of: member.employmentForm) + (member.platform.map { " · \($0)" } ?? "")
        return MembershipSection(
            number: member.membershipNumber ?? "", joinDate: member.joinDate ?? "", statusLabel: request.name(of: member.membershipStatus),
            statusDate: member.statusDate ?? "", active: member.membershipStatus.isActive, employment: employment, history: history,
            pendingTransfer: try await pending.asyncMap { try await $0.output(on: request) },
            units: tree.ordered(within: nil).filter { $0.node.kind != .team && $0.node.id != member.unitID }.map {
                SelectOption(value: $0.node.id.uuidString, label: tree.path(of: $0.node.id), selected: false)
            },
            steps: worker
                ? [] : MembershipStep.allCases.filter { (try? $0.allowed(from: member.membershipStatus).get()) != nil }.map(\.rawValue),
            leaveKinds: LeaveKind.allCases.map { SelectOption(value: $0.rawValue, label: request.name(of: $0), selected: false) },
            today: request.today.description, worker: worker)
    }
}
