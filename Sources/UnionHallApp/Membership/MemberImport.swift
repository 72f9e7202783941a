import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An enterprise union's roster (花名册) from a spreadsheet (CSV in UTF-8 or GBK, or xlsx), into one
/// union of the officer's. Every row is checked, people named twice in the file and people already
/// on the register are reported by row, and either every row lands, in one transaction, or none.
enum MemberImport {
    enum Column: String, ImportColumn {
        case name, idNumber, mobile, trade, skillLevel, joinDate, employmentForm, platform

        var header: String {
            switch self {
            case .name: "姓名"
            case .idNumber: "身份证号"
            case .mobile: "手机号"
            case .trade: "工种"
            case .skillLevel: "技能等级"
            case .joinDate: "入会日期"
            case .employmentForm: "用工形式"
            case .platform: "平台"
            }
        }

        var isRequired: Bool { self == .name || self == .idNumber }
    }

    /// The union and employer the whole roster is for.
    struct Target: Content {
        var unitId: UUID?
        var organizationId: UUID?
    }

    /// A row that passed: what its member needs, without a model's weight.
    struct Planned: Sendable {
        var id: UUID
        var valid: MemberDraft.Valid
        /// Derived once: the transliteration is the costliest step of a row.
        var key: SearchKey
        var joinDate: CivilDate
        var form: EmploymentForm
        var platform: String?
    }

    static func run(
        _ source: SpreadsheetSource, target: Target, context: WriteContext, localize: @escaping (String, [String]) -> String
    ) async throws -> Int {
        let db = context.app.db
        guard let unitID = target.unitId else { throw AppError.invalid("unitId", "error.required") }
        guard context.scope.contains(unitID), context.scope.tree.nodes[unitID] != nil else {
            throw AppError.invalid("unitId", "error.unit.notHeld")
        }
        if let organization = target.organizationId {
            _ = try await Held.organization(organization, field: "organizationId", scope: context.scope, on: db)
        }
        var check = ImportCheck<Column>(localize: localize)
        try check.checkHeader(source.header)
        // Reading and checking 100,000 rows is seconds of work: it runs on the thread pool, not on
        // the event loop that every other request of this loop waits on.
        let named = try await Offload.blocking(context.app) { [check] in
            var named: [String] = []
            try source.forEachRow { _, row in named.append(check.cell(row, .idNumber)) }
            return named
        }
        try check.requireRows(named.count)
        let facts = Facts(
            registered: try await registeredIDNumbers(named, on: db), trades: try await TradeBook.load(on: db),
            today: CivilDate(context.editor.at), scope: context.scope)
        let checked = try await Offload.blocking(context.app) { [check] in try Self.check(source, check: check, facts: facts) }
        try checked.check.throwIfFailed()
        try await write(checked.planned, unitID: unitID, organizationID: target.organizationId, context: context)
        return checked.planned.count
    }

    /// What the row checks need from the database, read before they start.
    struct Facts: Sendable {
        var registered: [String: (unitID: UUID, number: String?)]
        var trades: TradeBook
        var today: CivilDate
        var scope: UnitScope
    }

    /// Checks every row; nothing here touches the database.
    private static func check(_ source: SpreadsheetSource, check header: ImportCheck<Column>, facts: Facts) throws
        -> (check: ImportCheck<Column>, planned: [Planned])
    {
        var check = header
        let localize = header.localize
        let (registered, trades, today) = (facts.registered, facts.trades, facts.today)
        var seenIDs: [String: Int] = [:]
        var seenMobiles: [String: Int] = [:]
        var planned: [Planned] = []
        try source.forEachRow { index, row in
            let number = index + 2
            let level = check.cell(row, .skillLevel).trimmingCharacters(in: .whitespaces)
            var skill: Int?
            if !level.isEmpty {
                // A number, or the level's name whole or in part: 三级/高级工, 三级, 高级工.
                let named = SkillLevel.allCases.first { skill in
                    let label = localize("skill.\(skill.rawValue)", [])
                    return label == level || label.split(separator: "/").contains { $0 == level }
                }
                guard let parsed = Int(level) ?? named?.rawValue else {
                    check.fail(number, .skillLevel, "error.skillLevel.invalid")
                    return
                }
                skill = parsed
            }
            let draft = MemberDraft(
                name: check.cell(row, .name), gender: nil, idNumber: check.cell(row, .idNumber), mobile: check.cell(row, .mobile),
                trade: check.cell(row, .trade), skillLevel: skill)
            let valid: MemberDraft.Valid
            switch draft.validate(trades: trades.isOffered) {
            case .success(let value): valid = value
            case .failure(let issue):
                check.fail(number, Column(rawValue: issue.field), issue.key, issue.arguments)
                return
            }
            if let first = seenIDs[valid.idNumber.value] {
                check.fail(number, .idNumber, "error.import.sameIDAsRow", [String(first)])
            } else {
                seenIDs[valid.idNumber.value] = number
            }
            if let mobile = valid.mobile?.value {
                if let first = seenMobiles[mobile] {
                    check.fail(number, .mobile, "error.import.sameMobileAsRow", [String(first)])
                } else {
                    seenMobiles[mobile] = number
                }
            }
            if let holder = registered[valid.idNumber.value] {
                if facts.scope.contains(holder.unitID) {
                    check.fail(number, .idNumber, "error.import.onRegister", [holder.number ?? ""])
                } else {
                    check.fail(number, .idNumber, "error.import.registeredElsewhere")
                }
            }
            let joinText = check.cell(row, .joinDate).trimmingCharacters(in: .whitespaces)
            var joined = today
            if !joinText.isEmpty {
                guard let parsed = SpreadsheetDate.parse(joinText), parsed <= today else {
                    check.fail(number, .joinDate, "error.date.invalid")
                    return
                }
                joined = parsed
            }
            let formText = check.cell(row, .employmentForm).trimmingCharacters(in: .whitespaces)
            guard
                let form = formText.isEmpty
                    ? .regular : EmploymentForm.allCases.first(where: { $0.rawValue == formText || localize($0.labelKey, []) == formText })
            else {
                check.fail(number, .employmentForm, "error.import.employmentForm")
                return
            }
            let platform = check.cell(row, .platform).trimmingCharacters(in: .whitespaces)
            if form == .platform, platform.isEmpty { check.fail(number, .platform, "error.required") }
            if platform.count > 50 { check.fail(number, .platform, "error.tooLong", ["50"]) }
            guard check.passed else { return }
            planned.append(
                Planned(
                    id: UUID(), valid: valid, key: SearchKey(name: valid.name), joinDate: joined, form: form,
                    platform: form == .platform ? platform : nil))
        }
        return (check, planned)
    }

    /// Which of these ID numbers are on the register (deleted records too: the number stays theirs).
    private static func registeredIDNumbers(_ texts: [String], on db: any Database) async throws -> [String: (
        unitID: UUID, number: String?
    )] {
        var numbers: Set<String> = []
        for text in texts { if case .success(let id) = IDNumber.parse(text) { numbers.insert(id.value) } }
        let all = Array(numbers)
        var found: [String: (UUID, String?)] = [:]
        for start in stride(from: 0, to: all.count, by: 500) {
            let rows = try await Member.query(on: db).filter(\.$idNumber ~~ Array(all[start..<min(start + 500, all.count)]))
                .field(\.$idNumber).field(\.$unitID).field(\.$membershipNumber).all()
            for row in rows { found[row.idNumber] = (row.unitID, row.membershipNumber) }
        }
        return found
    }

    /// Rows are made per statement from the plans, so a large roster never holds its models at once.
    private static func write(_ planned: [Planned], unitID: UUID, organizationID: UUID?, context: WriteContext) async throws {
        let editor = context.editor
        let at = editor.at
        try await context.app.write { db in
            let first = try await Sequences.take(Sequences.membershipNumber, count: planned.count, on: db)
            // One transient model per row as each statement is made: a 100,000-row roster never holds them all.
            let members = planned.indices.lazy.map { offset -> Member in
                let plan = planned[offset]
                let member = Member()
                member.id = plan.id
                member.version = 1
                member.apply(plan.valid, unitID: unitID, organizationID: organizationID, migrant: false, hardship: false, key: plan.key)
                member.joinDate = plan.joinDate.description
                member.statusDate = plan.joinDate.description
                member.employmentForm = plan.form
                member.platform = plan.platform
                member.membershipNumber = MembershipNumber.make(serial: first + offset)
                return member
            }
            try await BulkInsert.rows(
                into: Member.schema,
                columns: [
                    "id", "unit_id", "organization_id", "name", "gender", "id_number", "mobile", "trade", "skill_level", "migrant",
                    "hardship", "name_key", "pinyin", "initials", "id_last4", "mobile_last4", "join_date", "membership_number",
                    "membership_status", "status_date", "employment_form", "platform", "version", "created_at", "updated_at",
                ],
                members.map { m -> [any Encodable & Sendable] in
                    [
                        m.id, m.unitID, m.organizationID, m.name, m.gender.rawValue, m.idNumber, m.mobile, m.trade, m.skillLevel, false,
                        false,
                        m.nameKey, m.pinyin, m.initials, m.idLast4, m.mobileLast4, m.joinDate, m.membershipNumber,
                        MembershipStatus.active.rawValue, m.statusDate, m.employmentForm.rawValue, m.platform, 1, at, at,
                    ]
                }, on: db)
            try await BulkInsert.rows(
                into: NameParts.schema, columns: ["part", "member_id"],
                planned.flatMap { plan in
                    NameParts.of(plan.key.simplified).sorted().map { [$0, plan.id] as [any Encodable & Sendable] }
                }, on: db)
            try await BulkInsert.rows(
                into: MembershipEvent.schema, columns: ["id", "member_id", "unit_id", "kind", "date", "created_at"],
                planned.lazy.map { [UUID(), $0.id, unitID, MembershipEventKind.joined.rawValue, $0.joinDate.description, at] }, on: db)
            try await BulkInsert.rows(
                into: AuditEntry.schema,
                columns: ["id", "at", "actor_id", "actor_name", "unit_id", "entity", "entity_id", "action", "after"],
                members.map { m -> [any Encodable & Sendable] in
                    [
                        UUID(), at, editor.id as UUID?, editor.name, unitID, Member.auditEntity, m.id, AuditEntry.Action.create.rawValue,
                        Audit.encode(m.auditSnapshot()),
                    ]
                }, on: db)
            try await MemberCounts.adjust(unitID, by: planned.count, on: db)
        }
    }

    /// The template an officer fills in: the header and one example row.
    static func template(_ request: Request) throws -> Response {
        let format = try request.query.decode(ListExport.Options.self).format ?? .xlsx
        let today = request.today.description
        return try SpreadsheetWriter.download(
            format, name: "members-template", header: Column.allCases.map(\.header),
            rows: [["张师傅", "620102198001011234", "13800000000", "汽车驾驶员", "", today, "平台灵活就业", "货拉拉"]])
    }
}
