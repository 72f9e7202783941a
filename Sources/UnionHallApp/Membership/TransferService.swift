import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

struct TransferInput: Content {
    var memberId: UUID?
    var toUnitId: UUID?
    var reason: String?
}

struct TransferFilter: Content {
    var status: TransferStatus?
    /// `in`: to the officer's unions; `out`: from them.
    var direction: String?
}

struct TransferStepInput: Content {
    var version: Int?
    /// Why the receiving union refuses.
    var reason: String?
}

struct TransferOutput: Content {
    var id: UUID
    var memberId: UUID
    var memberName: String
    var unitId: UUID
    var unitName: String
    var toUnitId: UUID
    var toUnitName: String
    var reason: String
    var status: TransferStatus
    var requestedDate: String
    var decidedDate: String?
    var rejectReason: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

/// Transfers between unions of the tree: asked by the releasing union's officers or the member,
/// answered by the receiving union's. Both sides list and read them.
enum TransferService: RecordService {
    static func base(_ list: ListQuery, filter: TransferFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<
        MemberTransfer
    > {
        let query = MemberTransfer.query(on: db)
        query.filter(\.$deletedAt == nil)
        if let ids = try scope.unitIDs(within: list.unitId).map(Array.init) {
            switch filter.direction {
            case "in": query.filter(\.$toUnitID ~~ ids)
            case "out": query.filter(\.$unitID ~~ ids)
            default: query.group(.or) { $0.filter(\.$unitID ~~ ids).filter(\.$toUnitID ~~ ids) }
            }
        }
        if let status = filter.status { query.filter(\.$status == status) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$requestedDate >= from) }
        if let to { query.filter(\.$requestedDate <= to) }
        return query
    }

    static func list(_ list: ListQuery, filter: TransferFilter, scope: UnitScope, on db: any Database) async throws
        -> ListPage<TransferOutput>
    {
        let query = try base(list, filter: filter, scope: scope, on: db).sort(\.$requestedDate, .descending).sort(\.$id)
        let total = try await query.copy().count(\.$unitID)
        return ListPage(items: try await outputs(try await query.range(list.rowRange).all(), on: db), list: list, total: total)
    }

    static func outputs(_ rows: [MemberTransfer], on db: any Database) async throws -> [TransferOutput] {
        let tree = try await UnitTree.load(on: db)
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        return try rows.map {
            TransferOutput(
                id: try $0.requireID(), memberId: $0.memberID, memberName: names[$0.memberID] ?? "", unitId: $0.unitID,
                unitName: tree.name(of: $0.unitID), toUnitId: $0.toUnitID, toUnitName: tree.name(of: $0.toUnitID), reason: $0.reason,
                status: $0.status, requestedDate: $0.requestedDate, decidedDate: $0.decidedDate, rejectReason: $0.rejectReason,
                version: $0.version, createdAt: $0.createdAt, updatedAt: $0.updatedAt, deletedAt: $0.deletedAt)
        }
    }

    /// The releasing union's officer asks for one of their members.
    static func create(_ input: TransferInput, context: WriteContext, once: FormOnce?) async throws -> MemberTransfer {
        guard let memberID = input.memberId else { throw AppError.invalid("memberId", "error.required") }
        let member = try await Held.member(memberID, field: "memberId", scope: context.scope, on: context.app.db)
        return try await request(
            member, input: input, tree: context.scope.tree, user: context.user.id, editor: context.editor, once: once, app: context.app)
    }

    /// The member asks for themself, from their own pages.
    static func createForWorker(_ input: TransferInput, request req: Request) async throws -> MemberTransfer {
        let member = try await req.requireMember()
        return try await request(
            member, input: input, tree: try await UnitTree.load(on: req.db), user: try req.requireUser().id, editor: try req.editor(),
            once: nil, app: req.application)
    }

    private static func request(
        _ member: Member, input: TransferInput, tree: UnitTree, user: UUID?, editor: Editor, once: FormOnce?, app: Application
    ) async throws -> MemberTransfer {
        guard member.membershipStatus.isActive else { throw AppError.conflict("memberId", "error.membership.notActive") }
        guard let to = input.toUnitId else { throw AppError.invalid("toUnitId", "error.required") }
        guard tree.nodes[to] != nil else { throw AppError.invalid("toUnitId", "error.application.unit") }
        guard to != member.unitID else { throw AppError.invalid("toUnitId", "error.transfer.sameUnit") }
        let reason = try Held.text(input.reason, field: "reason", max: 500)
        let row = MemberTransfer()
        row.memberID = try member.requireID()
        row.unitID = member.unitID
        row.toUnitID = to
        row.reason = reason
        row.status = .requested
        row.requestedDate = CivilDate(editor.at).description
        row.requestedBy = user
        row.version = 1
        try await app.write { db in
            try await once.claim(on: db)
            let open = try await MemberTransfer.query(on: db).filter(\.$memberID == row.memberID).filter(\.$status == .requested)
                .filter(\.$deletedAt == nil).count(\.$unitID)
            guard open == 0 else { throw AppError.conflict("memberId", "error.transfer.pending") }
            try await row.create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
            try await once.record(row.id, on: db)
        }
        return row
    }

    static func update(_ row: MemberTransfer, with input: TransferInput, context: WriteContext) async throws {
        throw AppError.conflict("status", "error.transfer.fixed")
    }

    /// The receiving union answers; accepting moves the member, their history and their open matters.
    static func step(_ step: TransferStep, _ row: MemberTransfer, input: TransferStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard context.scope.contains(row.toUnitID) else { throw AppError(status: .forbidden, key: "error.transfer.notReceiver") }
        let next: TransferStatus
        switch step.apply(to: row.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field)
        }
        let before = row.auditSnapshot()
        let today = CivilDate(context.editor.at)
        let editor = context.editor
        if step == .reject { row.rejectReason = try Held.text(input.reason, field: "reason", max: 500) }
        try await context.app.write { db in
            try await row.claimVersion(version, on: db)
            if step == .accept { try await move(row, on: db, date: today, editor: editor) }
            row.status = next
            row.decidedDate = today.description
            try await row.update(on: db)
            try await Audit.record(.update, row, before: before, by: editor, on: db)
        }
    }

    /// The member, their history and their open matters to the receiving union, inside the caller's transaction.
    static func move(_ row: MemberTransfer, on db: any Database, date today: CivilDate, editor: Editor) async throws {
        guard let member = try await Member.find(row.memberID, on: db), member.deletedAt == nil, member.membershipStatus.isActive else {
            throw AppError.conflict("memberId", "error.membership.notActive")
        }
        let memberID = try member.requireID()
        let before = member.auditSnapshot()
        let from = member.unitID
        member.unitID = row.toUnitID
        member.version += 1
        try await member.update(on: db)
        try await MemberCounts.adjust(from, by: -1, on: db)
        try await MemberCounts.adjust(row.toUnitID, by: 1, on: db)
        try await HonorService.follow(member: memberID, to: row.toUnitID, on: db)
        try await OpenMatters.follow(member: memberID, from: from, to: row.toUnitID, on: db)
        try await MembershipEvent.query(on: db).filter(\.$memberID == memberID).set(\.$unitID, to: row.toUnitID).update()
        try await MembershipEvent(member: memberID, unit: from, kind: .transferredOut, date: today, other: row.toUnitID).create(on: db)
        try await MembershipEvent(member: memberID, unit: row.toUnitID, kind: .transferredIn, date: today, other: from).create(on: db)
        try await Audit.record(.update, member, before: before, by: editor, on: db)
    }
}

extension MemberTransfer: ServedRecord {
    typealias Service = TransferService
    typealias Input = TransferInput
    typealias Output = TransferOutput
    typealias Filter = TransferFilter
    static let routeName = "member-transfers"

    /// Both sides read a transfer: the releasing union and the receiving one.
    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool = false, on db: any Database) async throws -> MemberTransfer {
        guard let row = try await MemberTransfer.find(id, on: db), includingDeleted || row.deletedAt == nil,
            scope.contains(row.unitID) || scope.contains(row.toUnitID)
        else { throw AppError.notFound }
        return row
    }

    static func count(filter: TransferFilter, scope: UnitScope, request: Request) async throws -> Int {
        try await TransferService.base(ListQuery(), filter: filter, scope: scope, on: request.db).count(\.$unitID)
    }
}
