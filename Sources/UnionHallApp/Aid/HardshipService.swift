import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Hardship files: one open file per worker household, verified by the county and every year
/// after, closed when the household leaves hardship; every step kept in the file's history.
enum HardshipService {
    /// How near its lapse a verified file is shown as waiting for re-verification.
    static let lapsingDays = 30

    static func base(_ list: ListQuery, filter: HardshipFilter, scope: UnitScope, today: CivilDate, on db: any Database) throws
        -> QueryBuilder<HardshipFile>
    {
        let query = try HardshipFile.scoped(list, scope: scope, on: db)
        if let level = filter.level { query.filter(\.$level == level) }
        if let member = filter.memberId { query.filter(\.$memberID == member) }
        let cutoff = HardshipFiles.lapsedCutoff(today: today).description
        if filter.lapsingSoon == true {
            let soon = HardshipFiles.lapsedCutoff(today: today.adding(days: Self.lapsingDays)).description
            query.filter(\.$status == .verified).filter(\.$verifiedDate > cutoff).filter(\.$verifiedDate <= soon)
        }
        switch filter.status {
        case .verified?: query.filter(\.$status == .verified).filter(\.$verifiedDate > cutoff)
        case .lapsed?: query.filter(\.$status == .verified).filter(\.$verifiedDate <= cutoff)
        case let status?: query.filter(\.$status == status)
        case nil: break
        }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$openedDate >= from) }
        if let to { query.filter(\.$openedDate <= to) }
        return query
    }

    static func outputs(_ rows: [HardshipFile], today: CivilDate, on db: any Database) async throws -> [HardshipFileOutput] {
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        return try rows.map { row in
            HardshipFileOutput(
                id: try row.requireID(), unitId: row.unitID, memberId: row.memberID, memberName: names[row.memberID] ?? "",
                level: row.level, cause: row.cause,
                householdSize: row.householdSize, incomePerHeadFen: row.incomePerHeadFen, status: row.standing(today: today),
                openedDate: row.openedDate,
                verifiedDate: row.verifiedDate,
                lapsesOn: row.verifiedDate.flatMap(CivilDate.init).map { HardshipFiles.lapsesOn(verified: $0).description },
                closedDate: row.closedDate, closeReason: row.closeReason, version: row.version, createdAt: row.createdAt,
                updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func apply(_ input: HardshipFileInput, to row: HardshipFile) throws {
        if let issue = HardshipFiles.check(
            householdSize: input.householdSize ?? row.$householdSize.value,
            incomePerHeadFen: input.incomePerHeadFen ?? row.$incomePerHeadFen.value)
        {
            throw AppError.invalid(issue.field, issue.key, issue.arguments)
        }
        guard let level = input.level ?? row.$level.value else { throw AppError.invalid("level", "error.required") }
        row.level = level
        row.cause = try Held.text(input.cause ?? row.$cause.value, field: "cause", max: 500)
        if let size = input.householdSize { row.householdSize = size }
        if let income = input.incomePerHeadFen { row.incomePerHeadFen = income }
    }

    static func create(_ input: HardshipFileInput, context: WriteContext, once: FormOnce?) async throws -> HardshipFile {
        let member = try await Held.member(input.memberId, field: "memberId", scope: context.scope, on: context.app.db)
        let memberID = try member.requireID()
        let row = HardshipFile()
        row.memberID = memberID
        row.unitID = member.unitID
        try apply(input, to: row)
        row.status = .pending
        row.openedDate = CivilDate(context.editor.at).description
        row.openMemberID = memberID
        try await once.checkNotSubmitted(on: context.app.db)
        if try await HardshipFile.query(on: context.app.db).filter(\.$openMemberID == memberID).count() > 0 {
            throw AppError.conflict("memberId", "error.hardship.open")
        }
        do {
            try await context.save(row, version: nil, before: nil, once: once) { db in
                try await AidEvent(subjectID: try row.requireID(), editor: context.editor, what: "opened").create(on: db)
            }
        } catch  where (error as? any DatabaseError)?.isConstraintFailure == true {
            throw AppError.conflict("memberId", "error.hardship.open")
        }
        return row
    }

    static func update(_ row: HardshipFile, with input: HardshipFileInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard row.status != .closed else { throw AppError.conflict("status", "error.hardship.closed") }
        let before = row.auditSnapshot()
        try apply(input, to: row)
        try await context.save(row, version: version, before: before, once: nil) { db in
            try await AidEvent(subjectID: try row.requireID(), editor: context.editor, what: "edited").create(on: db)
        }
    }

    static func step(_ step: HardshipStep, _ row: HardshipFile, input: HardshipStepInput, context: WriteContext) async throws {
        try AidAccess.handles(context)
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let today = CivilDate(context.editor.at)
        let next: HardshipStatus
        switch step.apply(to: row.standing(today: today)) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
        if let needed = step.minimumDepth, let depth = AidAccess.depth(of: context), depth > needed {
            throw AppError(status: .forbidden, key: "error.hardship.countyVerifies", field: "status")
        }
        let date = try input.date.flatMap { $0.isEmpty ? nil : $0 }.map { try Held.date($0, field: "date") } ?? today
        guard date <= today else { throw AppError.invalid("date", "error.date.future") }
        let before = row.auditSnapshot()
        switch step {
        case .verify, .reverify:
            row.verifiedDate = date.description
        case .close:
            row.closedDate = date.description
            row.closeReason = try Held.text(input.reason, field: "reason", max: 500)
            row.openMemberID = nil
        }
        let note = row.closeReason ?? ""
        row.status = next
        try await context.save(row, version: version, before: before, once: nil) { db in
            try await AidEvent(subjectID: try row.requireID(), editor: context.editor, what: step.rawValue, note: note).create(on: db)
        }
    }

    /// Files by level and by standing as read today, counted in SQL: a verified file whose last
    /// verification is at or before the cutoff has lapsed.
    static func counts(units: Set<UUID>?, today: CivilDate, on sql: any SQLDatabase) async throws -> (
        total: Int, byLevel: [KeyCount], byStatus: [KeyCount]
    ) {
        struct Group: Decodable {
            let level: String
            let status: String
            let n: Int
            let lapsed: Int64?
        }
        let cutoff = HardshipFiles.lapsedCutoff(today: today).description
        let groups = try await sql.select().column("level").column("status").column(SQLTotals.count, as: "n")
            .column(SQLQueryString("CAST(SUM(CASE WHEN verified_date <= \(bind: cutoff) THEN 1 ELSE 0 END) AS BIGINT)"), as: "lapsed")
            .from(HardshipFile.schema).where("deleted_at", .is, SQLLiteral.null).scoped(to: units, table: HardshipFile.schema)
            .groupBy("level").groupBy("status").all(decoding: Group.self)
        func count(_ status: HardshipStatus) -> Int {
            let stored = status == .lapsed ? HardshipStatus.verified : status
            let rows = groups.filter { $0.status == stored.rawValue }
            let lapsed = Int(rows.compactMap(\.lapsed).reduce(0, +))
            switch status {
            case .lapsed: return lapsed
            case .verified: return rows.map(\.n).reduce(0, +) - lapsed
            default: return rows.map(\.n).reduce(0, +)
            }
        }
        return (
            groups.map(\.n).reduce(0, +),
            HardshipLevel.allCases.map { level in
                KeyCount(key: level.rawValue, count: groups.filter { $0.level == level.rawValue }.map(\.n).reduce(0, +))
            },
            HardshipStatus.allCases.map { KeyCount(key: $0.rawValue, count: count($0)) }
        )
    }

    /// The open file of a worker, verified and not lapsed today, if there is one.
    static func verifiedFile(of memberID: UUID, today: CivilDate, on db: any Database) async throws -> HardshipFile? {
        guard let file = try await HardshipFile.query(on: db).filter(\.$openMemberID == memberID).filter(\.$deletedAt == nil).first(),
            file.standing(today: today) == .verified
        else { return nil }
        return file
    }
}

extension HardshipFile: UnitOwnedRecord {
    typealias Output = HardshipFileOutput
    static let routeName = "hardship-files"

    static func count(filter: HardshipFilter, scope: UnitScope, request: Request) async throws -> Int {
        _ = try await AidAccess.require(request)
        return try await HardshipService.base(ListQuery(), filter: filter, scope: scope, today: request.today, on: request.db).count(
            \.$unitID)
    }

    static func list(_ list: ListQuery, filter: HardshipFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        HardshipFileOutput
    > {
        _ = try await AidAccess.require(request)
        return try await page(
            try HardshipService.base(list, filter: filter, scope: scope, today: request.today, on: request.db).sort(
                \.$openedDate, .descending
            ).sort(\.$id),
            list, on: request)
    }

    static func show(_ id: UUID, request: Request) async throws -> HardshipFileOutput {
        let context = try await AidAccess.require(request)
        return try await find(id, scope: context.scope, includingDeleted: false, on: request.db).output(on: request)
    }

    static func create(_ input: HardshipFileInput, context: WriteContext, once: FormOnce?) async throws -> HardshipFile {
        try AidAccess.handles(context)
        return try await HardshipService.create(input, context: context, once: once)
    }

    func update(with input: HardshipFileInput, context: WriteContext) async throws {
        try AidAccess.handles(context)
        try await HardshipService.update(self, with: input, context: context)
    }

    func delete(context: WriteContext) async throws { try await setHidden(true, context: context) }
    func restore(context: WriteContext) async throws { try await setHidden(false, context: context) }

    /// A hidden file no longer holds the household's place; bringing it back needs the place free.
    private func setHidden(_ hidden: Bool, context: WriteContext) async throws {
        try AidAccess.handles(context)
        let editor = context.editor
        if !hidden, status != .closed,
            try await HardshipFile.query(on: context.app.db).filter(\.$openMemberID == memberID).filter(\.$id != requireID()).count() > 0
        {
            throw AppError.conflict("memberId", "error.hardship.open")
        }
        deletedAt = hidden ? editor.at : nil
        openMemberID = hidden || status == .closed ? nil : memberID
        try await context.app.write { db in
            try await self.update(on: db)
            try await Audit.record(hidden ? .delete : .restore, self, by: editor, on: db)
        }
    }

    static func outputs(_ rows: [HardshipFile], on request: Request) async throws -> [HardshipFileOutput] {
        try await HardshipService.outputs(rows, today: request.today, on: request.db)
    }
}
