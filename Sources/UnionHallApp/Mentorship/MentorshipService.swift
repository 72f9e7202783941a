import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Reads, writes and workflow steps of mentorship agreements.
enum MentorshipService: RecordService {
    static let sortKeys = ["signedDate", "startDate", "createdAt"]

    static func list(_ list: ListQuery, filter: MentorshipFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        MentorshipOutput
    > {
        let query = try scope.apply(to: MentorshipAgreement.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let mentor = filter.mentorId { query.filter(\.$mentorID == mentor) }
        if let apprentice = filter.apprenticeId { query.filter(\.$apprenticeID == apprentice) }
        if let organization = filter.organizationId { query.filter(\.$organizationID == organization) }
        let (from, to) = try list.datePeriod()
        let dateKey: KeyPath<MentorshipAgreement, OptionalFieldProperty<MentorshipAgreement, String>> =
            filter.on == "completed" ? \.$completedDate : \.$signedDate
        if let from { query.filter(dateKey >= from) }
        if let to { query.filter(dateKey <= to) }
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("startDate", let descending)?: query.sort(\.$startDate, direction(descending))
        case ("createdAt", let descending)?: query.sort(\.$createdAt, direction(descending))
        case (_, let descending)?: query.sort(\.$signedDate, direction(descending))
        case nil: query.sort(\.$signedDate, .descending).sort(\.$createdAt, .descending)
        }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        let names = try await memberNames(rows.flatMap { [$0.mentorID, $0.apprenticeID] }, on: db)
        return ListPage(items: try rows.map { try MentorshipOutput($0, names: names) }, list: list, total: total)
    }

    /// Names of the members in a page, in one query.
    static func memberNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let members = try await Member.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(members.compactMap { member in member.id.map { ($0, member.name) } }, uniquingKeysWith: { first, _ in first })
    }

    static func create(_ input: MentorshipInput, context: WriteContext, once: FormOnce?) async throws -> MentorshipAgreement {
        let agreement = MentorshipAgreement()
        agreement.status = .draft
        agreement.version = 1
        try await apply(input, to: agreement, context: context)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await checkApprenticeFree(agreement, on: db)
            try await agreement.create(on: db)
            try await Audit.record(.create, agreement, by: editor, on: db)
            try await once.record(agreement.id, on: db)
            return agreement
        }
    }

    /// The terms change only while the agreement is a draft.
    static func update(_ agreement: MentorshipAgreement, with input: MentorshipInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard agreement.status == .draft else { throw AppError.conflict("status", "error.mentorship.notDraft") }
        let before = agreement.auditSnapshot()
        try await apply(input, to: agreement, context: context)
        let editor = context.editor
        try await context.app.write { db in
            try await agreement.claimVersion(version, on: db)
            try await checkApprenticeFree(agreement, on: db)
            try await agreement.update(on: db)
            try await Audit.record(.update, agreement, before: before, by: editor, on: db)
        }
    }

    /// A workflow step: sign, start, complete (with the level after) or terminate (with a reason).
    static func step(_ step: MentorshipStep, _ agreement: MentorshipAgreement, input: MentorshipStepInput, context: WriteContext)
        async throws
    {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: MentorshipStatus
        switch step.apply(to: agreement.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
        var date = CivilDate(context.editor.at)
        if let text = input.date, !text.isEmpty {
            guard let parsed = CivilDate(text) else { throw AppError.invalid("date", "error.date.invalid") }
            date = parsed
        }
        let before = agreement.auditSnapshot()
        switch step {
        case .sign:
            agreement.signedDate = date.description
        case .start:
            break
        case .complete:
            let after = input.levelAfter.flatMap(SkillLevel.init(rawValue:))
            if input.levelAfter != nil, after == nil { throw AppError.invalid("levelAfter", "error.skillLevel.invalid") }
            if let issue = MentorshipRules.checkOutcome(before: agreement.levelBefore.flatMap(SkillLevel.init(rawValue:)), after: after) {
                throw AppError.invalid(issue)
            }
            if let signed = agreement.signedDate, date.description < signed { throw AppError.invalid("date", "error.date.order") }
            agreement.levelAfter = after?.rawValue
            agreement.completedDate = date.description
        case .terminate:
            let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw AppError.invalid("reason", "error.required") }
            guard reason.count <= MentorshipRules.maxTextLength else {
                throw AppError.invalid("reason", "error.tooLong", [String(MentorshipRules.maxTextLength)])
            }
            agreement.terminationReason = reason
        }
        agreement.status = next
        let editor = context.editor
        try await context.app.write { db in
            try await agreement.claimVersion(version, on: db)
            try await agreement.update(on: db)
            try await Audit.record(.update, agreement, before: before, by: editor, on: db)
        }
    }

    static func setDeleted(_ agreement: MentorshipAgreement, _ deleted: Bool, context: WriteContext) async throws {
        guard (agreement.deletedAt != nil) != deleted else { return }
        let editor = context.editor
        try await context.app.write { db in
            let before = agreement.auditSnapshot()
            if !deleted { try await checkApprenticeFree(agreement, on: db) }
            agreement.deletedAt = deleted ? editor.at : nil
            try await agreement.update(on: db)
            try await Audit.record(deleted ? .delete : .restore, agreement, before: deleted ? before : nil, by: editor, on: db)
        }
    }

    /// Checks the terms and both people, and fills the agreement from the input over its current values.
    private static func apply(_ input: MentorshipInput, to agreement: MentorshipAgreement, context: WriteContext) async throws {
        let db = context.app.db
        let isNew = agreement.id == nil
        func member(_ id: UUID?, field: String) async throws -> Member {
            try await Held.member(id, field: field, scope: context.scope, on: db)
        }
        let mentor = try await member(input.mentorId ?? (isNew ? nil : agreement.mentorID), field: "mentorId")
        let apprentice = try await member(input.apprenticeId ?? (isNew ? nil : agreement.apprenticeID), field: "apprenticeId")
        let titles = try await Honor.query(on: db).filter(\.$memberID == mentor.requireID()).filter(\.$deletedAt == nil).count()
        if let issue = MentorshipRules.checkMentor(
            skillLevel: mentor.skillLevel.flatMap(SkillLevel.init(rawValue:)), holdsRecognisedTitle: titles > 0)
        {
            throw AppError.invalid(issue)
        }
        if let issue = MentorshipRules.checkApprentice(
            try apprentice.requireID().uuidString, mentor: try mentor.requireID().uuidString, activeAgreements: 0)
        {
            throw AppError.invalid(issue)
        }
        let startText = input.startDate ?? (isNew ? "" : agreement.startDate)
        let endText = input.endDate ?? (isNew ? "" : agreement.endDate)
        let start = CivilDate(startText)
        let end = CivilDate(endText)
        if !startText.isEmpty, start == nil { throw AppError.invalid("startDate", "error.date.invalid") }
        if !endText.isEmpty, end == nil { throw AppError.invalid("endDate", "error.date.invalid") }
        if let issue = MentorshipRules.checkTerm(start: start, end: end) { throw AppError.invalid(issue) }
        let goals = (input.goals ?? (isNew ? "" : agreement.goals)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !goals.isEmpty else { throw AppError.invalid("goals", "error.required") }
        let milestones = (input.milestones ?? (isNew ? "" : agreement.milestones)).trimmingCharacters(in: .whitespacesAndNewlines)
        for (field, text) in [("goals", goals), ("milestones", milestones)] where text.count > MentorshipRules.maxTextLength {
            throw AppError.invalid(field, "error.tooLong", [String(MentorshipRules.maxTextLength)])
        }
        let organizationID = input.organizationId.applied(to: isNew ? apprentice.organizationID : agreement.organizationID)
        if let id = organizationID { _ = try await Held.organization(id, field: "organizationId", scope: context.scope, on: db) }
        agreement.unitID = apprentice.unitID
        agreement.mentorID = try mentor.requireID()
        agreement.apprenticeID = try apprentice.requireID()
        agreement.organizationID = organizationID
        agreement.startDate = start?.description ?? startText
        agreement.endDate = end?.description ?? endText
        agreement.goals = goals
        agreement.milestones = milestones
        agreement.levelBefore = apprentice.skillLevel
    }

    /// One apprentice, at most one active agreement: checked inside the write.
    private static func checkApprenticeFree(_ agreement: MentorshipAgreement, on db: any Database) async throws {
        let others = MentorshipAgreement.query(on: db).filter(\.$apprenticeID == agreement.apprenticeID)
            .filter(\.$deletedAt == nil).filter(\.$status ~~ MentorshipStatus.allCases.filter(\.isActive))
        if let id = agreement.id { others.filter(\.$id != id) }
        let active = try await others.count()
        if let issue = MentorshipRules.checkApprentice(
            agreement.apprenticeID.uuidString, mentor: agreement.mentorID.uuidString, activeAgreements: active)
        {
            throw AppError.conflict(issue.field, issue.key)
        }
    }

    struct Counts: Content {
        var signed: Int
        var completed: Int
        var apprenticesTrained: Int
        var active: Int
    }

    /// The module's figures for a subtree and period (dates inclusive).
    static func counts(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> Counts {
        let (from, to) = try list.datePeriod()
        func base() throws -> QueryBuilder<MentorshipAgreement> {
            try scope.apply(to: MentorshipAgreement.query(on: db), unitKey: \.$unitID, within: list.unitId).filter(\.$deletedAt == nil)
        }
        let signed = try base().filter(\.$signedDate != nil)
        if let from { signed.filter(\.$signedDate >= from) }
        if let to { signed.filter(\.$signedDate <= to) }
        let completed = try base().filter(\.$status == .completed)
        if let from { completed.filter(\.$completedDate >= from) }
        if let to { completed.filter(\.$completedDate <= to) }
        let apprentices = Set(try await completed.copy().all(\.$apprenticeID))
        return Counts(
            signed: try await signed.count(), completed: try await completed.count(), apprenticesTrained: apprentices.count,
            active: try await base().filter(\.$status ~~ [.signed, .inProgress]).count())
    }
}

extension MentorshipAgreement: ServedRecord {
    typealias Service = MentorshipService
    typealias Input = MentorshipInput
    typealias Output = MentorshipOutput
    typealias Filter = MentorshipFilter
    static let routeName = "mentorship-agreements"

    func delete(context: WriteContext) async throws {
        try await MentorshipService.setDeleted(self, true, context: context)
    }

    func restore(context: WriteContext) async throws {
        try await MentorshipService.setDeleted(self, false, context: context)
    }
}

extension MentorshipService {
    static func outputs(_ rows: [MentorshipAgreement], on db: any Database) async throws -> [MentorshipOutput] {
        let names = try await memberNames(rows.flatMap { [$0.mentorID, $0.apprenticeID] }, on: db)
        return try rows.map { try MentorshipOutput($0, names: names) }
    }
}
