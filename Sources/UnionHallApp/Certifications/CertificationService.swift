import Fluent
import FluentSQL
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Skill appraisal results. A pass above the member's level raises it in the same transaction;
/// a pass at or below it is recorded and leaves the level alone.
enum CertificationService: RecordService {
    static let sortKeys = ["date", "level", "createdAt"]

    /// Each member's first certification: no earlier one (by date, then id) that is not deleted.
    static let isFirst = DatabaseQuery.Filter.sql(unsafeRaw: TalentRegister.firstSQL)

    static func base(_ list: ListQuery, filter: CertificationFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<
        Certification
    > {
        let query = try scope.apply(to: Certification.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let member = filter.memberId { query.filter(\.$memberID == member) }
        if let level = filter.level { query.filter(\.$level == level) }
        if let trade = filter.trade, !trade.isEmpty { query.filter(\.$trade == trade) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$certificateNumber == q) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$date >= from) }
        if let to { query.filter(\.$date <= to) }
        if filter.first == true { query.filter(isFirst) }
        return query
    }

    static func list(_ list: ListQuery, filter: CertificationFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        CertificationOutput
    > {
        let query = try base(list, filter: filter, scope: scope, on: db)
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("level", let descending)?: query.sort(\.$level, direction(descending))
        case ("createdAt", let descending)?: query.sort(\.$createdAt, direction(descending))
        case (_, let descending)?: query.sort(\.$date, direction(descending))
        case nil: query.sort(\.$date, .descending)
        }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    static func outputs(_ rows: [Certification], on db: any Database) async throws -> [CertificationOutput] {
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        return try rows.map { row in
            CertificationOutput(
                id: try row.requireID(), unitId: row.unitID, memberId: row.memberID, memberName: names[row.memberID] ?? "",
                trade: row.trade,
                level: row.level, date: row.date, certificateNumber: row.certificateNumber, issuingBody: row.issuingBody,
                raised: row.raised,
                version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    /// Records a result; raises the member's level (and sets their trade if they had none) when it
    /// is higher than the level held, in the same transaction, with both changes audited.
    static func create(_ input: CertificationInput, context: WriteContext, once: FormOnce?) async throws -> Certification {
        let member = try await Held.member(input.memberId, field: "memberId", scope: context.scope, on: context.app.db)
        let row = Certification()
        try apply(input, to: row, isNew: true, trades: try await TradeBook.load(on: context.app.db))
        row.memberID = try member.requireID()
        row.unitID = member.unitID
        row.version = 1
        let editor = context.editor
        try await context.app.write { db in
            try await once.claim(on: db)
            try await checkNumberFree(row, scope: context.scope, on: db)
            // The level is read again inside the write: two passes entered at once both count.
            guard let current = try await Member.find(row.memberID, on: db) else { throw AppError.notFound }
            let held = current.skillLevel.flatMap(SkillLevel.init(rawValue:))
            let outcome = CertificationRules.levelAfter(current: held, passed: SkillLevel(rawValue: row.level) ?? .junior)
            row.raised = outcome.raised
            try await row.create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
            if outcome.raised {
                let before = current.auditSnapshot()
                current.skillLevel = outcome.level.rawValue
                if current.trade == nil { current.trade = row.trade }
                current.version += 1
                try await current.update(on: db)
                try await Audit.record(.update, current, before: before, by: editor, on: db)
            }
            try await once.record(row.id, on: db)
        }
        return row
    }

    /// Corrects a typed result (its number, body, date); the level it raised stays as it is.
    static func update(_ row: Certification, with input: CertificationInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        if let member = input.memberId, member != row.memberID { throw AppError.invalid("memberId", "error.certification.memberFixed") }
        if let level = input.level, level != row.level { throw AppError.invalid("level", "error.certification.levelFixed") }
        let before = row.auditSnapshot()
        try apply(input, to: row, isNew: false, trades: try await TradeBook.load(on: context.app.db))
        let editor = context.editor
        try await context.app.write { db in
            try await row.claimVersion(version, on: db)
            try await checkNumberFree(row, scope: context.scope, on: db)
            try await row.update(on: db)
            try await Audit.record(.update, row, before: before, by: editor, on: db)
        }
    }

    private static func apply(_ input: CertificationInput, to row: Certification, isNew: Bool, trades: TradeBook) throws {
        let trade = try Held.text(input.trade ?? (isNew ? nil : row.trade), field: "trade", max: 50)
        guard trades.accepts(trade, holding: isNew ? nil : row.trade) else { throw AppError.invalid("trade", "error.trade.unknown") }
        guard let levelValue = input.level ?? (isNew ? nil : row.level) else { throw AppError.invalid("level", "error.required") }
        guard SkillLevel(rawValue: levelValue) != nil else { throw AppError.invalid("level", "error.skillLevel.invalid") }
        let date = try Held.date(input.date ?? (isNew ? nil : row.date), field: "date")
        let number = try Held.text(input.certificateNumber ?? (isNew ? nil : row.certificateNumber), field: "certificateNumber", max: 50)
        let body = try Held.text(input.issuingBody ?? (isNew ? nil : row.issuingBody), field: "issuingBody", max: 100)
        row.trade = trade
        row.level = levelValue
        row.date = date.description
        row.certificateNumber = number
        row.issuingBody = body
    }

    private static func checkNumberFree(_ row: Certification, scope: UnitScope, on db: any Database) async throws {
        let same = Certification.query(on: db).filter(\.$issuingBody == row.issuingBody).filter(
            \.$certificateNumber == row.certificateNumber)
        if let id = row.id { same.filter(\.$id != id) }
        if let holder = try await same.first() {
            throw AppError.taken("certificateNumber", "error.certification.numberTaken", holder: holder.unitID, scope: scope)
        }
    }
}

extension Certification: ServedRecord {
    typealias Service = CertificationService
    typealias Input = CertificationInput
    typealias Output = CertificationOutput
    typealias Filter = CertificationFilter
    static let routeName = "certifications"
}
