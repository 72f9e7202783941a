import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Technical problems: raising them (officers, or a worker for their own employer), matching,
/// solving or closing them, and the module's figures.
enum TechProblemService: RecordService {
    static func base(_ list: ListQuery, filter: TechProblemFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<
        TechProblem
    > {
        let query = try scope.apply(to: TechProblem.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let status = filter.status { query.filter(\.$status == status) }
        if filter.open == true { query.filter(\.$status ~~ TechProblemStatus.allCases.filter(\.isOpen)) }
        if let trade = filter.trade, !trade.isEmpty { query.filter(\.$trade == trade) }
        if let organization = filter.organizationId { query.filter(\.$organizationID == organization) }
        if let campaign = filter.outreachCampaignId { query.filter(\.$campaignID == campaign) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$title ~~ SearchKey.simplify(q)) }
        let (from, to) = try list.datePeriod()
        if filter.on == "solved" {
            if let from { query.filter(\.$solvedDate >= from) }
            if let to { query.filter(\.$solvedDate <= to) }
        } else {
            if let from { query.filter(\.$raisedDate >= from) }
            if let to { query.filter(\.$raisedDate <= to) }
        }
        return query
    }

    static func list(_ list: ListQuery, filter: TechProblemFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        TechProblemOutput
    > {
        let query = try base(list, filter: filter, scope: scope, on: db)
        if filter.on == "solved" { query.sort(\.$solvedDate, .descending) } else { query.sort(\.$raisedDate, .descending) }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    static func outputs(_ problems: [TechProblem], on db: any Database) async throws -> [TechProblemOutput] {
        guard !problems.isEmpty else { return [] }
        let organizations = try await Organization.query(on: db).filter(\.$id ~~ Set(problems.map(\.organizationID))).all()
        let names = Dictionary(organizations.compactMap { org in org.id.map { ($0, org.name) } }, uniquingKeysWith: { first, _ in first })
        let members = try await MentorshipService.memberNames(problems.compactMap(\.matchedMemberID), on: db)
        return try problems.map { try TechProblemOutput($0, organizations: names, members: members) }
    }

    static func create(_ input: TechProblemInput, context: WriteContext, once: FormOnce?) async throws -> TechProblem {
        let problem = TechProblem()
        problem.status = .raised
        problem.benefitFen = 0
        problem.version = 1
        problem.raisedBy = context.user.id
        try await apply(input, to: problem, context: context)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await problem.create(on: db)
            try await Audit.record(.create, problem, by: editor, on: db)
            try await once.record(problem.id, on: db)
            return problem
        }
    }

    /// A worker raises a problem for their own employer, in their own unit.
    static func createForWorker(_ input: TechProblemInput, once: FormOnce? = nil, request: Request) async throws -> TechProblem {
        let user = try request.requireRole(.member)
        guard let memberID = user.memberID, let member = try await Member.find(memberID, on: request.db), member.deletedAt == nil else {
            throw AppError.forbidden
        }
        guard let organization = member.organizationID else { throw AppError.invalid("organizationId", "error.techProblem.noEmployer") }
        let tree = try await UnitTree.load(on: request.db)
        let context = WriteContext(
            user: user, scope: UnitScope(unitIDs: tree.subtree(of: member.unitID), tree: tree), editor: try request.editor(),
            app: request.application)
        var own = input
        own.organizationId = organization
        return try await create(own, context: context, once: once)
    }

    static func update(_ problem: TechProblem, with input: TechProblemInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard problem.status == .raised else { throw AppError.conflict("status", "error.techProblem.notRaised") }
        let before = problem.auditSnapshot()
        try await apply(input, to: problem, context: context)
        let editor = context.editor
        try await context.app.write { db in
            try await problem.claimVersion(version, on: db)
            try await problem.update(on: db)
            try await Audit.record(.update, problem, before: before, by: editor, on: db)
        }
    }

    static func step(_ step: TechProblemStep, _ problem: TechProblem, input: TechProblemStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: TechProblemStatus
        switch step.apply(to: problem.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field)
        }
        let db = context.app.db
        let before = problem.auditSnapshot()
        switch step {
        case .match:
            if let memberID = input.memberId {
                _ = try await Held.member(memberID, field: "memberId", scope: context.scope, on: db)
                problem.matchedMemberID = memberID
                problem.matchedStudioID = nil
            } else if let studioID = input.studioId {
                let studio = try await Held.studio(
                    studioID, field: "studioId", refusal: "error.outreach.studio", scope: context.scope, on: db)
                problem.matchedStudioID = studioID
                problem.matchedMemberID = studio.leadID
            } else {
                throw AppError.invalid("memberId", "error.techProblem.matchWhom")
            }
        case .solve:
            let solution = (input.solution ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !solution.isEmpty else { throw AppError.invalid("solution", "error.required") }
            guard solution.count <= 2_000 else { throw AppError.invalid("solution", "error.tooLong", ["2000"]) }
            if let benefit = input.benefitFen, benefit < 0 { throw AppError.invalid("benefitFen", "error.amount.positive") }
            var solved = CivilDate(context.editor.at)
            if let text = input.date, !text.isEmpty {
                guard let parsed = CivilDate(text) else { throw AppError.invalid("date", "error.date.invalid") }
                solved = parsed
            }
            guard solved.description >= problem.raisedDate else { throw AppError.invalid("date", "error.date.order") }
            problem.solution = solution
            problem.benefitFen = input.benefitFen ?? 0
            problem.solvedDate = solved.description
        case .close:
            let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw AppError.invalid("reason", "error.required") }
            problem.closeReason = String(reason.prefix(200))
        }
        problem.status = next
        let editor = context.editor
        try await context.app.write { db in
            try await problem.claimVersion(version, on: db)
            try await problem.update(on: db)
            try await Audit.record(.update, problem, before: before, by: editor, on: db)
        }
    }

    private static func apply(_ input: TechProblemInput, to problem: TechProblem, context: WriteContext) async throws {
        let isNew = problem.id == nil
        guard let organizationID = input.organizationId ?? (isNew ? nil : problem.organizationID) else {
            throw AppError.invalid("organizationId", "error.required")
        }
        guard let organization = try await Organization.find(organizationID, on: context.app.db), organization.deletedAt == nil,
            context.scope.contains(organization.unitID) || context.user.role == .member
        else { throw AppError.invalid("organizationId", "error.organization.notHeld") }
        let title = (input.title ?? (isNew ? "" : problem.title)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AppError.invalid("title", "error.required") }
        guard title.count <= 100 else { throw AppError.invalid("title", "error.tooLong", ["100"]) }
        let description = (input.description ?? (isNew ? "" : problem.description)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else { throw AppError.invalid("description", "error.required") }
        guard description.count <= 2_000 else { throw AppError.invalid("description", "error.tooLong", ["2000"]) }
        let trade = (input.trade ?? (isNew ? nil : problem.trade))?.trimmingCharacters(in: .whitespaces)
        if let trade, !trade.isEmpty, !(try await TradeBook.load(on: context.app.db).accepts(trade, holding: problem.trade)) {
            throw AppError.invalid("trade", "error.trade.unknown")
        }
        let dateText = input.raisedDate ?? (isNew ? CivilDate(context.editor.at).description : problem.raisedDate)
        guard let raised = CivilDate(dateText.isEmpty ? CivilDate(context.editor.at).description : dateText) else {
            throw AppError.invalid("raisedDate", "error.date.invalid")
        }
        if let campaign = input.outreachCampaignId.named {
            _ = try await Held.campaign(campaign, context: context)
        }
        problem.campaignID = input.outreachCampaignId.applied(to: problem.campaignID)
        problem.unitID = organization.unitID
        problem.organizationID = organizationID
        problem.title = title
        problem.description = description
        problem.trade = (trade ?? "").isEmpty ? nil : trade
        problem.raisedDate = raised.description
    }

    struct Counts: Content {
        var raised: Int
        var solved: Int
        var open: Int
        var benefitFen: Int64
    }

    static func counts(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> Counts {
        let raised = try await base(list, filter: TechProblemFilter(), scope: scope, on: db).count()
        let solved = try await base(list, filter: TechProblemFilter(status: .solved, on: "solved"), scope: scope, on: db).all(\.$benefitFen)
        let open = try await base(ListQuery(unitId: list.unitId), filter: TechProblemFilter(open: true), scope: scope, on: db).count()
        return Counts(raised: raised, solved: solved.count, open: open, benefitFen: try solved.total())
    }
}

extension TechProblem: ServedRecord {
    typealias Service = TechProblemService
    typealias Input = TechProblemInput
    typealias Output = TechProblemOutput
    typealias Filter = TechProblemFilter
    static let routeName = "tech-problems"
}
