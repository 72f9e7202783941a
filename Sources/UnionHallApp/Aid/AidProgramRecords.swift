import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Aid programmes: the year's amounts (by school stage, or for relief by hardship level) and the
/// budget that approvals and payments move within.
enum AidPrograms {
    /// The programme an application names: one held by the applicant's unit or a union above it.
    static func serving(_ id: UUID?, unitID: UUID, tree: UnitTree, on db: any Database) async throws -> AidProgram {
        guard let id else { throw AppError.invalid("programId", "error.required") }
        guard let program = try await AidProgram.find(id, on: db), program.deletedAt == nil,
            tree.ancestry(of: unitID).contains(program.unitID)
        else {
            throw AppError.invalid("programId", "error.aid.programNotHeld")
        }
        return program
    }

    /// An aid handler works with the programmes of their subtree and those above it (the city's, seen by a county).
    static func reachable(_ program: AidProgram, by context: WriteContext) -> Bool { context.reaches(program.unitID) }

    static func reachable(by context: WriteContext, on db: any Database) async throws -> [AidProgram] {
        let query = AidProgram.query(on: db).filter(\.$deletedAt == nil)
        if let units = context.unitsInReach { query.filter(\.$unitID ~~ Array(units)) }
        return try await query.sort(\.$year, .descending).all()
    }

    static func options(_ programs: [AidProgram], selected: UUID?) -> [SelectOption] {
        programs.compactMap { p in p.id.map { SelectOption(value: $0.uuidString, label: title(p), selected: $0 == selected) } }
    }

    /// `庆阳市2024年“金秋助学”`, or `2024 金秋助学` when the name does not say its year.
    static func title(_ program: AidProgram) -> String {
        program.name.contains(String(program.year)) ? program.name : "\(program.year) \(program.name)"
    }

    /// Programmes open to a unit's workers, newest first.
    static func open(to unitID: UUID, tree: UnitTree, on db: any Database) async throws -> [AidProgram] {
        try await AidProgram.query(on: db).filter(\.$unitID ~~ tree.ancestry(of: unitID)).filter(\.$deletedAt == nil).sort(
            \.$year, .descending
        ).all()
    }
}

extension AidProgram: SavedRecord {
    typealias Input = AidProgramInput
    typealias Output = AidProgramOutput
    typealias Filter = AidProgramFilter
    static let routeName = "aid-programs"

    static func list(_ list: ListQuery, filter: AidProgramFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        AidProgramOutput
    > {
        let query = try scoped(list, scope: scope, on: request.db)
        if let year = filter.year { query.filter(\.$year == year) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        return try await page(query.sort(\.$year, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [AidProgram], on request: Request) throws -> [AidProgramOutput] {
        try rows.map { row in
            AidProgramOutput(
                id: try row.requireID(), unitId: row.unitID, year: row.year, kind: row.kind, name: row.name, budgetFen: row.budgetFen,
                approvedFen: row.approvedFen,
                paidFen: row.paidFen, remainingFen: row.budgetFen - row.approvedFen, priorityIndustrial: row.priorityIndustrial,
                amountsFen: row.amountsFen,
                noticeFrom: row.noticeFrom, noticeUntil: row.noticeUntil, version: row.version, createdAt: row.createdAt,
                updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: AidProgramInput, to row: AidProgram, context: WriteContext, once: FormOnce?) async throws {
        try AidAccess.handles(context)
        let isNew = row.id == nil
        let before = isNew ? nil : row.auditSnapshot()
        if isNew || input.unitId != nil { row.unitID = try Held.unit(input.unitId, context: context) }
        guard let year = input.year ?? row.$year.value else { throw AppError.invalid("year", "error.required") }
        guard (2000...2100).contains(year) else { throw AppError.invalid("year", "error.honor.year", ["2000", "2100"]) }
        row.year = year
        if isNew {
            row.kind = input.kind ?? .scholarship
        } else if let kind = input.kind, kind != row.kind {
            throw AppError.conflict("kind", "error.aid.kindFixed")
        }
        row.name = try Held.text(input.name ?? row.$name.value, field: "name")
        guard let budget = input.budgetFen ?? row.$budgetFen.value else { throw AppError.invalid("budgetFen", "error.required") }
        guard budget >= 0 else { throw AppError.invalid("budgetFen", "error.amount.positive") }
        if !isNew, budget < max(row.approvedFen, row.paidFen) {
            throw AppError.invalid("budgetFen", "error.aid.budgetBelowApproved", [Fen(max(row.approvedFen, row.paidFen)).description])
        }
        row.budgetFen = budget
        // The priority group is 金秋助学's; relief is for verified hardship households only.
        row.priorityIndustrial = row.kind.isRelief ? false : input.priorityIndustrial ?? row.$priorityIndustrial.value ?? false
        try Self.applyAmounts(input.amountsFen, to: row, isNew: isNew)
        try Self.applyNoticePeriod(input, to: row)
        if isNew {
            row.approvedFen = 0
            row.paidFen = 0
        }
        try await context.save(row, version: input.version, before: before, once: once)
    }

    /// A scholarship's amounts by school stage, relief's by hardship level: each at most
    /// `Limits.fen`, at least one above zero.
    static func applyAmounts(_ amounts: [String: Int64]?, to row: AidProgram, isNew: Bool) throws {
        if isNew {
            for stage in SchoolStage.allCases { row.setAmount(0, for: stage) }
            for level in HardshipLevel.allCases { row.setAmount(0, for: level) }
        }
        let keys = row.amountLines.map(\.key)
        if let unknown = amounts?.keys.sorted().first(where: { !keys.contains($0) }) {
            throw AppError.invalid("amountsFen.\(unknown)", "error.invalid")
        }
        for key in keys {
            let amount = amounts?[key] ?? (isNew ? 0 : row.amountsFen[key] ?? 0)
            guard amount >= 0 else { throw AppError.invalid("amountsFen.\(key)", "error.amount.positive") }
            guard amount <= Limits.fen else { throw AppError.invalid("amountsFen.\(key)", "error.amount.invalid") }
            if let stage = SchoolStage(rawValue: key) { row.setAmount(amount, for: stage) }
            if let level = HardshipLevel(rawValue: key) { row.setAmount(amount, for: level) }
        }
        guard row.amountsFen.values.contains(where: { $0 > 0 }) else { throw AppError.invalid("amountsFen", "error.aid.noAmounts") }
    }

    static let maxNoticeDays = 30

    /// Absent keeps the period; both empty clears it.
    static func applyNoticePeriod(_ input: AidProgramInput, to row: AidProgram) throws {
        guard input.noticeFrom != nil || input.noticeUntil != nil else { return }
        let fromText = (input.noticeFrom ?? "").trimmingCharacters(in: .whitespaces)
        let untilText = (input.noticeUntil ?? "").trimmingCharacters(in: .whitespaces)
        if fromText.isEmpty && untilText.isEmpty {
            (row.noticeFrom, row.noticeUntil) = (nil, nil)
            return
        }
        let from = try Held.date(fromText, field: "noticeFrom")
        let until = try Held.date(untilText, field: "noticeUntil")
        guard from <= until else { throw AppError.invalid("noticeUntil", "error.date.order") }
        guard until <= from.adding(days: maxNoticeDays - 1) else {
            throw AppError.invalid("noticeUntil", "error.aid.noticeTooLong", [String(maxNoticeDays)])
        }
        (row.noticeFrom, row.noticeUntil) = (from.description, until.description)
    }
}
