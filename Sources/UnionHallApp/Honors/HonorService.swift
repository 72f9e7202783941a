import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Reads and writes of honors, shared by the API and the pages.
enum HonorService: RecordService {
    static let sortKeys = ["year", "title", "name", "createdAt"]

    static func list(_ list: ListQuery, filter: HonorFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<HonorOutput> {
        let query = try scope.apply(to: Honor.query(on: db), unitKey: \.$unitID, within: list.unitId)
            .join(Member.self, on: \Honor.$memberID == \Member.$id)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let title = filter.title { query.filter(\.$title == title) }
        if filter.roster == true { query.filter(\.$title ~~ HonorTitle.allCases.filter(\.isModelWorkerOrCraftsman)) }
        if let level = filter.level { query.filter(\.$level == level) }
        if let year = filter.year { query.filter(\.$year == year) }
        if let memberID = filter.memberId { query.filter(\.$memberID == memberID) }
        if let trade = filter.trade, !trade.isEmpty { query.filter(Member.self, \.$trade == trade) }
        switch SearchQuery(list.q) {
        case .latin(let prefix):
            query.filter(Member.self, \.$pinyin >= prefix).filter(Member.self, \.$pinyin < SearchQuery.upperBound(ofPrefix: prefix))
        case .name(let prefix):
            query.filter(Member.self, \.$nameKey >= prefix).filter(Member.self, \.$nameKey < SearchQuery.upperBound(ofPrefix: prefix))
        case .lastDigits(let digits):
            query.filter(Member.self, \.$idLast4 == digits)
        case .empty:
            break
        }
        try query.created(in: list, key: \.$createdAt)
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("title", let descending)?: query.sort(\.$title, direction(descending))
        case ("name", let descending)?: query.sort(Member.self, \.$pinyin, direction(descending))
        case ("createdAt", let descending)?: query.sort(\.$createdAt, direction(descending))
        case (_, let descending)?: query.sort(\.$year, direction(descending))
        case nil: query.sort(\.$year, .descending)
        }
        query.sort(\.$id)
        return try await query.page(list) { honors in
            try honors.map { try HonorOutput($0, member: try? $0.joined(Member.self)) }
        }
    }

    static func create(_ input: HonorInput, context: WriteContext, once: FormOnce?) async throws -> Honor {
        guard let memberID = input.memberId else { throw AppError.invalid("memberId", "error.honor.member") }
        let member = try await Held.member(
            memberID, field: "memberId", refusal: "error.honor.member", scope: context.scope, on: context.app.db)
        let valid = try HonorDraft(title: input.title, level: input.level, year: input.year, awardingBody: input.awardingBody ?? "")
            .validate(currentYear: CivilDate(context.editor.at).year).orInvalid()
        let honor = try Honor(member: member, valid: valid)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await honor.create(on: db)
            try await Audit.record(.create, honor, by: editor, on: db)
            try await once.record(honor.id, on: db)
            return honor
        }
    }

    static func update(_ honor: Honor, with input: HonorInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        if let memberID = input.memberId, memberID != honor.memberID { throw AppError.invalid("memberId", "error.honor.memberFixed") }
        let before = honor.auditSnapshot()
        let valid = try HonorDraft(
            title: input.title ?? honor.title, level: input.level ?? (input.title == nil ? honor.level : nil),
            year: input.year ?? honor.year, awardingBody: input.awardingBody ?? honor.awardingBody
        )
        .validate(currentYear: CivilDate(context.editor.at).year).orInvalid()
        honor.title = valid.title
        honor.level = valid.level
        honor.year = valid.year
        honor.awardingBody = valid.awardingBody
        let editor = context.editor
        try await context.app.write { db in
            try await honor.claimVersion(version, on: db)
            try await honor.update(on: db)
            try await Audit.record(.update, honor, before: before, by: editor, on: db)
        }
    }

    /// The member's live honors, newest first, for their page.
    static func honors(of memberID: UUID, on db: any Database) async throws -> [Honor] {
        try await Honor.query(on: db).filter(\.$memberID == memberID).filter(\.$deletedAt == nil).sort(\.$year, .descending).all()
    }
}

extension HonorService {
    /// An honour another feature's record confers (a competition's first places), named by that
    /// record (`source`): written in the caller's transaction, once per source.
    struct Grant {
        var member: Member
        var title: HonorTitle
        var level: HonorLevel
        var year: Int
        var awardingBody: String
        var source: String
    }

    /// A member's honours follow them to their new unit's scope (called inside the member's move).
    static func follow(member memberID: UUID, to unitID: UUID, on db: any Database) async throws {
        try await Honor.query(on: db).filter(\.$memberID == memberID).set(\.$unitID, to: unitID).update()
    }

    static func confer(_ grants: [Grant], by editor: Editor, on db: any Database) async throws {
        guard !grants.isEmpty else { return }
        let existing = Set(try await Honor.query(on: db).filter(\.$source ~~ grants.map(\.source)).all(\.$source).compactMap { $0 })
        for grant in grants where !existing.contains(grant.source) {
            let honor = Honor()
            honor.unitID = grant.member.unitID
            honor.memberID = try grant.member.requireID()
            honor.title = grant.title
            honor.level = grant.level
            honor.year = grant.year
            honor.awardingBody = grant.awardingBody
            honor.source = grant.source
            honor.version = 1
            try await honor.create(on: db)
            try await Audit.record(.create, honor, by: editor, on: db)
        }
    }
}

extension Honor: ServedRecord {
    typealias Service = HonorService
    typealias Input = HonorInput
    typealias Output = HonorOutput
    typealias Filter = HonorFilter
    static let routeName = "honors"
    /// `competition-entry:<id>`: where a competition result came from, for the program that wrote it.
    static let exportOmits: Set<String> = ["source"]
}

extension HonorService {
    static func outputs(_ rows: [Honor], on db: any Database) async throws -> [HonorOutput] {
        let members = try await Member.query(on: db).filter(\.$id ~~ Set(rows.map(\.memberID))).all()
        let byID = Dictionary(members.compactMap { member in member.id.map { ($0, member) } }, uniquingKeysWith: { first, _ in first })
        return try rows.map { honor in try HonorOutput(honor, member: byID[honor.memberID]) }
    }
}
