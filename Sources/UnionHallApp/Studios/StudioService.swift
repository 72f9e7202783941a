import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Studios, their members and their results.
enum StudioService: RecordService {
    static let sortKeys = ["name", "yearNamed", "kind"]

    static func list(_ list: ListQuery, filter: StudioFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<StudioOutput>
    {
        let query = try scope.apply(to: Studio.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind {
            // Named so at first, or since.
            query.group(.or) { or in
                or.filter(\.$kind == kind)
                or.filter(
                    .sql(
                        embed: """
                            \(ident: Studio.schema).\(ident: "id") IN \
                            (SELECT \(ident: "studio_id") FROM \(ident: StudioDesignation.schema) \
                            WHERE \(ident: "kind") = \(bind: kind.rawValue))
                            """))
            }
        }
        if let level = filter.level { query.filter(\.$level == level) }
        if let year = filter.yearNamed { query.filter(\.$yearNamed == year) }
        if let organization = filter.organizationId { query.filter(\.$organizationID == organization) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$name ~~ SearchKey.simplify(q)) }
        try query.created(in: list, key: \.$createdAt)
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("yearNamed", let descending)?: query.sort(\.$yearNamed, direction(descending))
        case ("kind", let descending)?: query.sort(\.$kind, direction(descending))
        case (_, let descending)?: query.sort(\.$name, direction(descending))
        case nil: query.sort(\.$yearNamed, .descending).sort(\.$name)
        }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let studios = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(studios, on: db), list: list, total: total)
    }

    /// Outputs for a page of studios: leads and heads, partners, designations, member counts and
    /// result totals, a query each.
    static func outputs(_ studios: [Studio], on db: any Database) async throws -> [StudioOutput] {
        let ids = studios.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let names = try await MentorshipService.memberNames(studios.map(\.leadID) + studios.compactMap(\.headID), on: db)
        var partners: [UUID: [UUID]] = [:]
        for link in try await StudioPartner.query(on: db).filter(\.$studioID ~~ ids).all() {
            partners[link.studioID, default: []].append(link.organizationID)
        }
        var designations: [UUID: [StudioDesignationOutput]] = [:]
        for row in try await StudioDesignation.query(on: db).filter(\.$studioID ~~ ids).sort(\.$year).sort(\.$kind).all() {
            designations[row.studioID, default: []].append(try StudioDesignationOutput(row))
        }
        var members: [UUID: Set<UUID>] = [:]
        for link in try await StudioMember.query(on: db).filter(\.$studioID ~~ ids).all() {
            members[link.studioID, default: []].insert(link.memberID)
        }
        // Members promoted to a senior title since the studio was named: counted from their title changes.
        let earliest = studios.map(\.yearNamed).min() ?? 0
        let promotions = try await MemberTitles.promotedToSenior(
            Array(Set(members.values.flatMap { $0 })), since: String(format: "%04d-01-01", earliest), on: db)
        var figures: [UUID: [StudioResultKind: Int64]] = [:]
        for result in try await StudioResult.query(on: db).filter(\.$studioID ~~ ids).all() where result.kind != .membersPromoted {
            let sum = figures[result.studioID, default: [:]][result.kind, default: 0]
            // A measured benefit counts as one line: its quantities are in units of their own.
            figures[result.studioID, default: [:]][result.kind] = try sum.plus(
                result.kind.isMoney ? result.amountFen : result.kind.isMeasured ? 1 : Int64(result.quantity))
        }
        return try studios.map { studio in
            let id = try studio.requireID()
            let team = members[id] ?? []
            let since = String(format: "%04d-01-01", studio.yearNamed)
            let promoted = Set(promotions.filter { team.contains($0.member) && $0.date >= since }.map(\.member)).count
            var totals = figures[id] ?? [:]
            if promoted > 0 { totals[.membersPromoted] = Int64(promoted) }
            return try StudioOutput(
                studio, names: names, partnerIds: partners[id] ?? [], designations: designations[id] ?? [],
                memberCount: team.count, figures: totals)
        }
    }

    static func create(_ input: StudioInput, context: WriteContext, once: FormOnce?) async throws -> Studio {
        let studio = Studio()
        studio.version = 1
        let partners = try await apply(input, to: studio, context: context)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await studio.create(on: db)
            try await Self.setPartners(partners, of: studio, editor: editor, on: db)
            // The lead is the team's first member.
            try await Audit.record(.create, studio, by: editor, on: db)
            let lead = try StudioMember(studio: studio, memberID: studio.leadID, joinedAt: editor.at)
            try await lead.create(on: db)
            try await Audit.record(.create, lead, by: editor, on: db)
            try await once.record(studio.id, on: db)
            return studio
        }
    }

    static func update(_ studio: Studio, with input: StudioInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let before = studio.auditSnapshot()
        let partners = try await apply(input, to: studio, context: context)
        let editor = context.editor
        try await context.app.write { db in
            try await studio.claimVersion(version, on: db)
            try await studio.update(on: db)
            try await Self.setPartners(partners, of: studio, editor: editor, on: db)
            if try await StudioMember.query(on: db).filter(\.$studioID == studio.requireID()).filter(\.$memberID == studio.leadID).count()
                == 0
            {
                let lead = try StudioMember(studio: studio, memberID: studio.leadID, joinedAt: editor.at)
                try await lead.create(on: db)
                try await Audit.record(.create, lead, by: editor, on: db)
            }
            try await Audit.record(.update, studio, before: before, by: editor, on: db)
        }
    }

    /// Replaces the studio's partners with these (nil keeps them), each link's change audited.
    private static func setPartners(_ partners: [UUID]?, of studio: Studio, editor: Editor, on db: any Database) async throws {
        guard let partners else { return }
        let studioID = try studio.requireID()
        let current = try await StudioPartner.query(on: db).filter(\.$studioID == studioID).all()
        for link in current where !partners.contains(link.organizationID) {
            let before = link.auditSnapshot()
            try await link.delete(on: db)
            try await Audit.record(.delete, link, before: before, by: editor, on: db)
        }
        for organization in partners where !current.contains(where: { $0.organizationID == organization }) {
            let link = StudioPartner()
            link.studioID = studioID
            link.unitID = studio.unitID
            link.organizationID = organization
            try await link.create(on: db)
            try await Audit.record(.create, link, by: editor, on: db)
        }
    }

    /// Checks and sets the studio's fields; answers the partners to set (nil: keep them).
    private static func apply(_ input: StudioInput, to studio: Studio, context: WriteContext) async throws -> [UUID]? {
        let isNew = studio.id == nil
        let db = context.app.db
        let valid = try StudioDraft(
            name: input.name ?? (isNew ? "" : studio.name), kind: input.kind ?? (isNew ? nil : studio.kind),
            level: input.level ?? (isNew ? nil : studio.level), yearNamed: input.yearNamed ?? (isNew ? nil : studio.yearNamed),
            namedBy: input.namedBy ?? (isNew ? "" : studio.namedBy)
        ).validate(currentYear: CivilDate(context.editor.at).year).orInvalid()
        guard let leadID = input.leadId ?? (isNew ? nil : studio.leadID) else { throw AppError.invalid("leadId", "error.required") }
        let lead = try await Held.member(leadID, field: "leadId", scope: context.scope, on: db)
        let named = [("organizationId", input.organizationId.named)] + (input.partnerIds ?? []).map { ("partnerIds", $0) }
        for (field, id) in named {
            guard let id else { continue }
            guard let organization = try await Organization.find(id, on: db), organization.deletedAt == nil,
                context.scope.contains(organization.unitID)
            else {
                throw AppError.invalid(field, "error.organization.notHeld")
            }
        }
        let headID = input.headId.applied(to: isNew ? nil : studio.headID)
        if let headID, input.headId.named != nil {
            _ = try await Held.member(headID, field: "headId", scope: context.scope, on: db)
        }
        studio.unitID = lead.unitID
        studio.name = valid.name
        studio.kind = valid.kind
        studio.level = valid.level
        studio.yearNamed = valid.yearNamed
        studio.namedBy = valid.namedBy
        studio.leadID = leadID
        // A head who is the lead is no head of their own.
        studio.headID = headID == leadID ? nil : headID
        // A new studio named without an employer works where its lead does.
        studio.organizationID = input.organizationId.applied(to: isNew ? lead.organizationID : studio.organizationID)
        return input.partnerIds.map { ids in ids.reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } } }
    }

    // MARK: Designations

    static func designations(of studio: Studio, on db: any Database) async throws -> [StudioDesignationOutput] {
        try await StudioDesignation.query(on: db).filter(\.$studioID == studio.requireID()).sort(\.$year).sort(\.$kind).all()
            .map(StudioDesignationOutput.init)
    }

    /// A further designation, checked as the studio's own is; the same kind twice is a 409.
    static func addDesignation(_ input: StudioDesignationInput, to studio: Studio, context: WriteContext) async throws
        -> StudioDesignation
    {
        let valid = try StudioDraft(
            name: studio.name, kind: input.kind, level: input.level, yearNamed: input.year, namedBy: input.namedBy ?? ""
        ).validate(currentYear: CivilDate(context.editor.at).year).orInvalid()
        guard valid.kind != studio.kind else { throw AppError.conflict("kind", "error.studio.designationHeld") }
        let row = StudioDesignation()
        row.studioID = try studio.requireID()
        row.unitID = studio.unitID
        row.kind = valid.kind
        row.level = valid.level
        row.year = valid.yearNamed
        row.namedBy = valid.namedBy
        let editor = context.editor
        return try await context.app.write { db in
            if try await StudioDesignation.query(on: db).filter(\.$studioID == row.studioID).filter(\.$kind == valid.kind).count() > 0 {
                throw AppError.conflict("kind", "error.studio.designationHeld")
            }
            try await row.create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
            return row
        }
    }

    static func removeDesignation(_ id: UUID, from studio: Studio, context: WriteContext) async throws {
        let studioID = try studio.requireID()
        try await context.deleteAudited(StudioDesignation.self) { $0.filter(\.$id == id).filter(\.$studioID == studioID) }
    }

    // MARK: Members and results

    static func members(of studio: Studio, on db: any Database) async throws -> [StudioMemberOutput] {
        let links = try await StudioMember.query(on: db).filter(\.$studioID == studio.requireID()).sort(\.$joinedAt).all()
        let members = try await Member.query(on: db).filter(\.$id ~~ links.map(\.memberID)).all()
        let byID = Dictionary(members.compactMap { member in member.id.map { ($0, member) } }, uniquingKeysWith: { first, _ in first })
        return links.compactMap { link in
            byID[link.memberID].map { StudioMemberOutput(memberId: link.memberID, name: $0.name, trade: $0.trade, joinedAt: link.joinedAt) }
        }
    }

    /// Adds a member of the officer's scope to the team; a second time is a 409.
    static func addMember(_ memberID: UUID, to studio: Studio, context: WriteContext) async throws {
        guard let member = try await Member.find(memberID, on: context.app.db), member.deletedAt == nil,
            context.scope.contains(member.unitID)
        else {
            throw AppError.invalid("memberId", "error.mentorship.memberNotHeld")
        }
        let editor = context.editor
        try await context.app.write { db in
            let studioID = try studio.requireID()
            if try await StudioMember.query(on: db).filter(\.$studioID == studioID).filter(\.$memberID == memberID).count() > 0 {
                throw AppError.conflict("memberId", "error.studio.alreadyMember")
            }
            let link = try StudioMember(studio: studio, memberID: memberID, joinedAt: editor.at)
            try await link.create(on: db)
            try await Audit.record(.create, link, by: editor, on: db)
        }
    }

    /// Removes a member; the lead stays while they lead.
    static func removeMember(_ memberID: UUID, from studio: Studio, context: WriteContext) async throws {
        guard memberID != studio.leadID else { throw AppError.conflict("memberId", "error.studio.leadStays") }
        let studioID = try studio.requireID()
        try await context.deleteAudited(StudioMember.self) { $0.filter(\.$studioID == studioID).filter(\.$memberID == memberID) }
    }

    static func results(of studio: Studio, on db: any Database) async throws -> [StudioResultOutput] {
        try await StudioResult.query(on: db).filter(\.$studioID == studio.requireID()).sort(\.$year, .descending).sort(\.$kind).all().map(
            StudioResultOutput.init)
    }

    static func addResult(_ input: StudioResultInput, to studio: Studio, context: WriteContext) async throws -> StudioResult {
        if let issue = StudioResultRules.check(
            kind: input.kind, quantity: input.quantity, amountFen: input.amountFen, unit: input.unit, baseline: input.baseline,
            year: input.year, currentYear: CivilDate(context.editor.at).year)
        {
            throw AppError.invalid(issue)
        }
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AppError.invalid("title", "error.required") }
        guard title.count <= 200 else { throw AppError.invalid("title", "error.tooLong", ["200"]) }
        let result = StudioResult()
        result.studioID = try studio.requireID()
        result.unitID = studio.unitID
        result.kind = input.kind ?? .award
        result.title = title
        result.year = input.year ?? 0
        result.quantity = result.kind.isMoney ? 1 : (input.quantity ?? 1)
        result.amountFen = result.kind.isMoney ? (input.amountFen ?? 0) : 0
        result.unit = result.kind.isMeasured ? input.unit?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
        let baseline = (input.baseline ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        result.baseline = result.kind.isMeasured && !baseline.isEmpty ? baseline : nil
        let editor = context.editor
        return try await context.app.write { db in
            try await result.create(on: db)
            try await Audit.record(.create, result, by: editor, on: db)
            return result
        }
    }

    static func removeResult(_ resultID: UUID, from studio: Studio, context: WriteContext) async throws {
        let studioID = try studio.requireID()
        try await context.deleteAudited(StudioResult.self) { $0.filter(\.$id == resultID).filter(\.$studioID == studioID) }
    }

    struct Counts: Content {
        var byKind: [String: Int]
        var byLevel: [String: Int]
        var total: Int
    }

    /// Studios named in these years (or all), by kind, for the officer's subtree: the naming list's figures.
    static func counts(scope: UnitScope, years: ClosedRange<Int>?, on db: any Database) async throws -> Counts {
        let sql = try db.sql()
        let select = sql.select().from(Studio.schema).where("deleted_at", .is, SQLLiteral.null)
            .scoped(to: try scope.unitIDs(within: nil), table: Studio.schema)
        if let years {
            select.where("year_named", .greaterThanOrEqual, years.lowerBound).where("year_named", .lessThanOrEqual, years.upperBound)
        }
        let groups = try await select.tallies(by: ["kind", "level"])
        // Further designations made in these years count under their own kind and level.
        let designations = sql.select().from(StudioDesignation.schema)
            .join(Studio.schema, on: SQLColumn("id", table: Studio.schema), .equal, SQLColumn("studio_id", table: StudioDesignation.schema))
            .where(SQLColumn("deleted_at", table: Studio.schema), .is, SQLLiteral.null)
            .scoped(to: try scope.unitIDs(within: nil), table: StudioDesignation.schema)
        if let years {
            designations.where(SQLColumn("year", table: StudioDesignation.schema), .greaterThanOrEqual, SQLBind(years.lowerBound))
                .where(SQLColumn("year", table: StudioDesignation.schema), .lessThanOrEqual, SQLBind(years.upperBound))
        }
        let further = try await designations.tallies(by: ["\(StudioDesignation.schema).kind", "\(StudioDesignation.schema).level"])
        func counts(at position: Int) -> [String: Int] {
            Dictionary((groups.counts(at: position) + further.counts(at: position)).map { ($0.key, $0.count) }) { $0 + $1 }
        }
        return Counts(byKind: counts(at: 0), byLevel: counts(at: 1), total: groups.rows)
    }
}

extension Studio: ServedRecord {
    typealias Service = StudioService
    typealias Input = StudioInput
    typealias Output = StudioOutput
    typealias Filter = StudioFilter
    static let routeName = "studios"
    /// Results by kind and further designations: the studio's page shows them.
    static let exportOmits: Set<String> = ["figures", "designations"]
}
