import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Innovation items: submitting them (a worker, or an officer on a worker's behalf), the
/// officers' list, and reading one as an officer, its author or its reviewer.
enum InnovationService: RecordService {
    static let sortKeys = ["submittedDate", "seconds", "reviewScore", "benefit"]

    static func base(_ list: ListQuery, filter: InnovationItemFilter, scope: UnitScope, on db: any Database) async throws -> QueryBuilder<
        InnovationItem
    > {
        let query = try scope.apply(to: InnovationItem.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let sub = filter.subKind { query.filter(\.$subKind == sub) }
        if let status = filter.status { query.filter(\.$status == status) }
        if filter.adopted == true { query.filter(\.$status ~~ InnovationStatus.allCases.filter(\.isAdopted)) }
        if let author = filter.authorId { query.filter(\.$authorID == author) }
        if let studio = filter.studioId { query.filter(\.$studioID == studio) }
        if let minimum = filter.minSeconds { query.filter(\.$secondsCount >= minimum) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$title ~~ SearchKey.simplify(q)) }
        let (from, to) = try list.datePeriod()
        switch filter.on {
        case "decided":
            if let from { query.filter(\.$decisionDate >= from) }
            if let to { query.filter(\.$decisionDate <= to) }
        case "assessed":
            if let from { query.filter(\.$assessedDate >= from) }
            if let to { query.filter(\.$assessedDate <= to) }
        default:
            if let from { query.filter(\.$submittedDate >= from) }
            if let to { query.filter(\.$submittedDate <= to) }
        }
        if let level = filter.awardLevel {
            // Items with such an award in the period's years, as a subquery: an item with two awards is listed once.
            let awards = InnovationAward.query(on: db).filter(\.$level == level)
            if let grade = filter.awardGrade { awards.filter(\.$grade == grade) }
            if let from { awards.filter(\.$year >= Int(from.prefix(4)) ?? 0) }
            if let to { awards.filter(\.$year <= Int(to.prefix(4)) ?? 9999) }
            let awarded = try await awards.unique().all(\.$itemID)
            query.filter(\.$id ~~ awarded)
        }
        return query
    }

    static func list(_ list: ListQuery, filter: InnovationItemFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        InnovationItemOutput
    > {
        let query = try await base(list, filter: filter, scope: scope, on: db)
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("seconds", let descending)?: query.sort(\.$secondsCount, direction(descending))
        case ("reviewScore", let descending)?: query.sort(\.$reviewScore, direction(descending))
        case ("benefit", let descending)?: query.sort(\.$benefitFen, direction(descending))
        case (_, let descending)?: query.sort(\.$submittedDate, direction(descending))
        case nil: query.sort(\.$submittedDate, .descending)
        }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    static func outputs(_ items: [InnovationItem], on db: any Database) async throws -> [InnovationItemOutput] {
        guard !items.isEmpty else { return [] }
        let ids = try items.map { try $0.requireID() }
        let authors = try await InnovationAuthor.query(on: db).filter(\.$itemID ~~ ids).sort(\.$position).all()
        let names = try await MentorshipService.memberNames(items.map(\.authorID) + authors.map(\.memberID), on: db)
        let awards = try await InnovationAward.query(on: db).filter(\.$itemID ~~ ids).sort(\.$year).all()
        let grants = try await SubsidyGrant.query(on: db).filter(\.$itemID ~~ ids).all()
        let files = try await InnovationAttachment.query(on: db).filter(\.$itemID ~~ ids).sort(\.$createdAt).all()
        return try items.map { item in
            let id = try item.requireID()
            return InnovationItemOutput(
                id: id, unitId: item.unitID, kind: item.kind, subKind: item.subKind, title: item.title, problem: item.problem,
                proposal: item.proposal,
                expectedBenefitFen: item.expectedBenefitFen, authorId: item.authorID, authorName: names[item.authorID] ?? "",
                coAuthors: authors.filter { $0.itemID == id && $0.position > 0 }.map {
                    PersonRef(id: $0.memberID, name: names[$0.memberID] ?? "")
                },
                teamId: item.teamID, studioId: item.studioID, submittedDate: item.submittedDate, status: item.status,
                secondsCount: item.secondsCount, reviewScore: item.reviewScore, decisionDate: item.decisionDate,
                rejectReason: item.rejectReason,
                implementedDate: item.implementedDate, benefitFen: item.benefitFen, benefitMethod: item.benefitMethod,
                assessedDate: item.assessedDate,
                awards: try awards.filter { $0.itemID == id }.map {
                    InnovationAwardOutput(
                        id: try $0.requireID(), level: $0.level, grade: $0.grade, year: $0.year, awardedBy: $0.awardedBy, name: $0.name)
                },
                subsidyFen: try grants.filter { $0.itemID == id }.map(\.amountFen).total(),
                attachments: try files.filter { $0.itemID == id }.map(InnovationAttachmentOutput.init),
                version: item.version, createdAt: item.createdAt, updatedAt: item.updatedAt, deletedAt: item.deletedAt)
        }
    }

    /// Several items in the scope, in one query; 404 when any is missing or outside it.
    static func find(_ ids: [UUID], scope: UnitScope, on db: any Database) async throws -> [InnovationItem] {
        let wanted = Set(ids)
        let items = try await scope.apply(to: InnovationItem.query(on: db), unitKey: \.$unitID).filter(\.$id ~~ wanted).filter(
            \.$deletedAt == nil
        ).all()
        guard items.count == wanted.count else { throw AppError.notFound }
        return items
    }

    /// Who is reading an item: its officers see all of it, its authors their own item, a
    /// reviewer an item assigned to them. Anyone else gets 404.
    enum Reader: Equatable {
        case officer, author, reviewer
    }

    static func readable(_ id: UUID, request: Request) async throws -> (InnovationItem, Reader) {
        let user = try request.requireUser()
        switch user.role {
        case .admin, .officer:
            return (try await InnovationItem.find(id, scope: try await request.scope(), on: request.db), .officer)
        case .member:
            guard let memberID = user.memberID, let item = try await InnovationItem.find(id, on: request.db), item.deletedAt == nil,
                try await isAuthor(memberID, of: item, on: request.db)
            else { throw AppError.notFound }
            return (item, .author)
        case .reviewer:
            guard let item = try await InnovationItem.find(id, on: request.db), item.deletedAt == nil,
                try await InnovationReview.query(on: request.db).filter(\.$itemID == id).filter(\.$reviewerID == user.requireID()).first()
                    != nil
            else { throw AppError.notFound }
            return (item, .reviewer)
        }
    }

    static func isAuthor(_ memberID: UUID, of item: InnovationItem, on db: any Database) async throws -> Bool {
        if item.authorID == memberID { return true }
        return try await InnovationAuthor.query(on: db).filter(\.$itemID == item.requireID()).filter(\.$memberID == memberID).first() != nil
    }

    /// The items a worker wrote or co-wrote, newest first.
    static func mine(memberID: UUID, on db: any Database) async throws -> [InnovationItem] {
        let coAuthored = try await InnovationAuthor.query(on: db).filter(\.$memberID == memberID).all(\.$itemID)
        return try await InnovationItem.query(on: db).filter(\.$deletedAt == nil)
            .group(.or) { $0.filter(\.$authorID == memberID).filter(\.$id ~~ coAuthored) }
            .sort(\.$submittedDate, .descending).sort(\.$createdAt, .descending).all()
    }

    // MARK: Submitting

    static func create(_ input: InnovationItemInput, context: WriteContext, once: FormOnce?) async throws -> InnovationItem {
        guard let authorID = input.authorId else { throw AppError.invalid("authorId", "error.required") }
        return try await submit(input, author: authorID, context: context, once: once)
    }

    /// A worker submits an item of their own; co-authors come from their own enterprise.
    static func createForWorker(_ input: InnovationItemInput, once: FormOnce? = nil, request: Request) async throws -> InnovationItem {
        let (member, context) = try await workerContext(request)
        return try await submit(input, author: try member.requireID(), context: context, once: once)
    }

    /// A worker's write context: their enterprise union's subtree, where their co-workers are.
    static func workerContext(_ request: Request) async throws -> (Member, WriteContext) {
        let member = try await request.requireMember()
        let user = try request.requireUser()
        let tree = try await request.unitTree()
        let workplace = tree.ancestry(of: member.unitID).first { tree.nodes[$0]?.kind == .enterprise } ?? member.unitID
        let context = WriteContext(
            user: user, scope: UnitScope(unitIDs: tree.subtree(of: workplace), tree: tree), editor: try request.editor(),
            app: request.application)
        return (member, context)
    }

    static func submit(_ input: InnovationItemInput, author authorID: UUID, context: WriteContext, once: FormOnce?) async throws
        -> InnovationItem
    {
        let item = InnovationItem()
        item.status = .submitted
        item.secondsCount = 0
        item.benefitFen = 0
        item.authorUnread = false
        item.version = 1
        item.submittedBy = context.user.id
        let coAuthors = try await apply(input, author: authorID, to: item, context: context)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await item.create(on: db)
            let id = try item.requireID()
            try await ([authorID] + coAuthors).enumerated().map { InnovationAuthor(itemID: id, memberID: $1, position: $0) }.create(on: db)
            try await InnovationEvent(itemID: id, at: editor.at, status: .submitted, note: nil).create(on: db)
            try await Audit.record(.create, item, by: editor, on: db)
            try await once.record(item.id, on: db)
            return item
        }
    }

    /// The terms change only while the item waits for review.
    static func update(_ item: InnovationItem, with input: InnovationItemInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard item.status == .submitted else { throw AppError.conflict("status", "error.innovation.notSubmitted") }
        let before = item.auditSnapshot()
        let id = try item.requireID()
        let authorID = input.authorId ?? item.authorID
        let coAuthors = try await apply(input, author: authorID, to: item, context: context)
        let replaceAuthors = input.coAuthorIds != nil || input.authorId != nil
        let editor = context.editor
        try await context.app.write { db in
            try await item.claimVersion(version, on: db)
            try await item.update(on: db)
            if replaceAuthors {
                try await InnovationAuthor.query(on: db).filter(\.$itemID == id).delete()
                try await ([authorID] + coAuthors).enumerated().map { InnovationAuthor(itemID: id, memberID: $1, position: $0) }.create(
                    on: db)
            }
            try await Audit.record(.update, item, before: before, by: editor, on: db)
        }
    }

    /// Validates the input onto the item; answers the co-authors (without the lead).
    private static func apply(_ input: InnovationItemInput, author authorID: UUID, to item: InnovationItem, context: WriteContext)
        async throws -> [UUID]
    {
        let db = context.app.db
        let isNew = item.id == nil
        let draft = InnovationDraft(
            kind: input.kind ?? (isNew ? "" : item.kind.rawValue), subKind: input.subKind ?? (isNew ? "" : item.subKind?.rawValue ?? ""),
            title: input.title ?? (isNew ? "" : item.title), problem: input.problem ?? (isNew ? "" : item.problem),
            proposal: input.proposal ?? (isNew ? "" : item.proposal),
            expectedBenefit: Fen(input.expectedBenefitFen ?? (isNew ? 0 : item.expectedBenefitFen)).plainYuan,
            submittedDate: input.submittedDate ?? (isNew ? "" : item.submittedDate))
        let valid = try draft.validate(today: CivilDate(context.editor.at)).orInvalid()
        let author = try await Held.member(authorID, field: "authorId", scope: context.scope, on: db)
        var coAuthors: [UUID] = []
        if let ids = input.coAuthorIds ?? (isNew ? [] : nil) {
            for id in ids where id != authorID && !coAuthors.contains(id) {
                _ = try await Held.member(id, field: "coAuthorIds", scope: context.scope, on: db)
                coAuthors.append(id)
            }
            guard coAuthors.count <= 20 else { throw AppError.invalid("coAuthorIds", "error.innovation.tooManyAuthors", ["20"]) }
        } else {
            coAuthors = try await InnovationAuthor.query(on: db).filter(\.$itemID == item.requireID()).filter(\.$position > 0).sort(
                \.$position
            ).all(\.$memberID)
        }
        let teamID = input.teamId.applied(to: item.teamID)
        if let teamID {
            guard let team = context.scope.tree.nodes[teamID], team.kind == .team, context.scope.contains(teamID) else {
                throw AppError.invalid("teamId", "error.innovation.team")
            }
        }
        let studioID = input.studioId.applied(to: item.studioID)
        if let named = input.studioId.named { _ = try await Held.studio(named, field: "studioId", scope: context.scope, on: db) }
        item.unitID = author.unitID
        item.kind = valid.kind
        item.subKind = valid.subKind
        item.title = valid.title
        item.problem = valid.problem
        item.proposal = valid.proposal
        item.expectedBenefitFen = valid.expectedBenefitFen
        item.authorID = authorID
        item.teamID = teamID
        item.studioID = studioID
        item.submittedDate = valid.submittedDate.description
        return coAuthors
    }
}

extension InnovationItem: ServedRecord {
    typealias Service = InnovationService
    typealias Input = InnovationItemInput
    typealias Output = InnovationItemOutput
    typealias Filter = InnovationItemFilter
    static let routeName = "innovation-items"

    static func count(filter: InnovationItemFilter, scope: UnitScope, request: Request) async throws -> Int {
        try await InnovationService.base(ListQuery(), filter: filter, scope: scope, on: request.db).count(\.$unitID)
    }

    /// Its officers and its authors read an item. A reviewer reads only its blind form, inside
    /// their assignment (`GET /api/v1/innovation-reviews`), so the review stays blind.
    static func show(_ id: UUID, request: Request) async throws -> InnovationItemOutput {
        let (item, reader) = try await InnovationService.readable(id, request: request)
        guard reader != .reviewer else { throw AppError.notFound }
        return try await item.output(on: request)
    }
}
