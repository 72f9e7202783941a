import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Aid applications: 金秋助学 one per child per programme year; relief (送温暖, living aid, medical
/// aid) one per hardship household per programme. Both are approved by the enterprise union, the
/// county and the city, the city's approval committed within the programme's budget, and paid in batches.
enum AidApplications {
    /// The applications an officer's union approves next: an enterprise union the submitted ones,
    /// a county the enterprise-approved, the city (and the admin) the county-approved.
    static func awaiting(at kind: UnitKind?) -> AidStatus {
        switch kind {
        case .enterprise?, .team?: .submitted
        case .county?, .industry?: .enterpriseApproved
        case .city?, nil: .countyApproved
        }
    }

    static func base(_ list: ListQuery, filter: AidFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<AidApplication> {
        let query = try AidApplication.scoped(list, scope: scope, on: db)
        if let program = filter.programId { query.filter(\.$programID == program) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let status = filter.status { query.filter(\.$status == status) }
        if filter.funded == true { query.filter(\.$status ~~ AidApplications.funded) }
        if let stage = filter.stage { query.filter(\.$stage == stage) }
        if let member = filter.memberId { query.filter(\.$memberID == member) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$submittedDate >= from) }
        if let to { query.filter(\.$submittedDate <= to) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$childName, .custom("LIKE"), "%\(q)%") }
        return query
    }

    static func outputs(_ rows: [AidApplication], on db: any Database) async throws -> [AidApplicationOutput] {
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        return try rows.map { row in
            AidApplicationOutput(
                id: try row.requireID(), unitId: row.unitID, programId: row.programID, programYear: row.programYear, kind: row.kind,
                memberId: row.memberID,
                memberName: names[row.memberID] ?? "", hardshipFileId: row.hardshipFileID, priorityGroup: row.priorityGroup,
                childName: row.childName,
                childIdNumber: row.childIDNumber.map(Masking.idNumber), school: row.school, stage: row.stage,
                admissionYear: row.admissionYear, medicalExpensesFen: row.medicalExpensesFen, situation: row.situation,
                amountFen: row.amountFen, payeeAccount: row.payeeAccount.map(Masking.account), status: row.status,
                submittedDate: row.submittedDate,
                approvedDate: row.approvedDate, rejectReason: row.rejectReason, batchId: row.batchID, paidDate: row.paidDate,
                version: row.version,
                createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    /// One application per child a year. The same parent is told it is a second one; anyone else
    /// learns only that this child cannot be entered, not who applied or where.
    static func checkChildFree(year: Int, childKey: String, parent: UUID, on db: any Database) async throws {
        guard let other = try await AidApplication.query(on: db).filter(\.$programYear == year).filter(\.$childKey == childKey).first()
        else { return }
        if other.memberID == parent { throw AppError.conflict("childIdNumber", "error.aid.childTwice", [String(year)]) }
        throw AppError.conflict("childIdNumber", "error.aid.childUnavailable", [String(year)])
    }

    /// One application per household per programme: the same worker is told it is a second one;
    /// anyone else (a household member registered elsewhere) learns only that the household has applied.
    static func checkHouseholdFree(program: UUID, householdKey: String, applicant: UUID, on db: any Database) async throws {
        guard
            let other = try await AidApplication.query(on: db).filter(\.$programID == program).filter(\.$householdKey == householdKey)
                .first()
        else { return }
        if other.memberID == applicant { throw AppError.conflict("programId", "error.aid.householdTwice") }
        throw AppError.conflict("programId", "error.aid.householdUnavailable")
    }

    /// A new application of `member`'s, from the worker's own page or entered by an officer: for a
    /// child's scholarship, or for relief for the worker's hardship household.
    static func apply(_ input: AidApplicationInput, member: Member, editor: Editor, app: Application, once: FormOnce?) async throws
        -> AidApplication
    {
        let db = app.db
        try await once.checkNotSubmitted(on: db)
        let today = CivilDate(editor.at)
        let memberID = try member.requireID()
        let tree = try await UnitTree.load(on: db)
        let program = try await AidPrograms.serving(input.programId, unitID: member.unitID, tree: tree, on: db)
        let row = AidApplication()
        row.programID = try program.requireID()
        row.programYear = program.year
        row.kind = program.kind
        row.memberID = memberID
        row.unitID = member.unitID
        row.status = .submitted
        row.submittedDate = today.description
        row.version = 1
        row.priorityGroup = false
        try Self.applyAccount(input.payeeAccount, to: row)
        if program.kind.isRelief {
            try await Self.fillRelief(row, input: input, program: program, memberID: memberID, today: today, on: db)
        } else {
            try await Self.fillScholarship(row, input: input, program: program, member: member, today: today, on: db)
        }
        do {
            try await app.write { db in
                try await once.claim(on: db)
                try await row.create(on: db)
                try await AidEvent(subjectID: try row.requireID(), editor: editor, what: "submitted").create(on: db)
                try await Audit.record(.create, row, by: editor, on: db)
                try await once.record(row.id, on: db)
            }
        } catch  where (error as? any DatabaseError)?.isConstraintFailure == true {
            // Two submissions for the same child or household raced past the check: the unique index let one land.
            if let child = row.childKey {
                try await Self.checkChildFree(year: program.year, childKey: child, parent: memberID, on: db)
            }
            if let household = row.householdKey {
                try await Self.checkHouseholdFree(program: row.programID, householdKey: household, applicant: memberID, on: db)
            }
            throw error
        }
        return row
    }

    /// 12 to 30 digits; spaces are dropped, empty means none.
    static func applyAccount(_ text: String?, to row: AidApplication) throws {
        guard let account = text?.filter({ !$0.isWhitespace }) else { return }
        guard account.isEmpty || ((12...30).contains(account.count) && account.allSatisfy(\.isNumber)) else {
            throw AppError.invalid("payeeAccount", "error.aid.account")
        }
        row.payeeAccount = account.isEmpty ? nil : account
    }

    /// Relief: the worker's verified hardship file is the household; the amount is the programme's for its level.
    private static func fillRelief(
        _ row: AidApplication, input: AidApplicationInput, program: AidProgram, memberID: UUID, today: CivilDate, on db: any Database
    ) async throws {
        guard let file = try await HardshipService.verifiedFile(of: memberID, today: today, on: db), let fileID = file.id else {
            throw AppError.invalid("hardshipFileId", "error.aid.reliefNeedsFile")
        }
        if let named = input.hardshipFileId, named != fileID { throw AppError.invalid("hardshipFileId", "error.aid.fileNotVerified") }
        row.situation = try Held.text(input.situation, field: "situation", max: 1_000)
        switch ReliefAmount.amount(
            kind: program.kind, levelAmountFen: program.amount(for: file.level), medicalExpensesFen: input.medicalExpensesFen)
        {
        case .success(let amount): row.amountFen = amount
        case .failure(let issue): throw AppError.invalid(issue.field, issue.key, issue.arguments)
        }
        row.medicalExpensesFen = program.kind == .medicalAid ? input.medicalExpensesFen : nil
        row.hardshipFileID = fileID
        row.householdKey = fileID.uuidString
        try await Self.checkHouseholdFree(program: row.programID, householdKey: fileID.uuidString, applicant: memberID, on: db)
    }

    /// 金秋助学: the child, the school stage's amount, and the hardship file or the priority group.
    private static func fillScholarship(
        _ row: AidApplication, input: AidApplicationInput, program: AidProgram, member: Member, today: CivilDate, on db: any Database
    ) async throws {
        let memberID = try member.requireID()
        row.childName = try Held.text(input.childName, field: "childName", max: 50)
        let childID: String
        switch IDNumber.parse(input.childIdNumber ?? "") {
        case .success(let id): childID = id.value
        case .failure(let problem): throw AppError.invalid("childIdNumber", "error.idNumber.\(problem.rawValue)")
        }
        guard childID != member.idNumber else { throw AppError.invalid("childIdNumber", "error.aid.childIsWorker") }
        row.childIDNumber = childID
        row.school = try Held.text(input.school, field: "school", max: 100)
        guard let stage = input.stage else { throw AppError.invalid("stage", "error.required") }
        row.stage = stage
        row.amountFen = program.amount(for: stage)
        guard row.amountFen > 0 else { throw AppError.invalid("stage", "error.aid.stageNotCovered") }
        if let issue = AidEligibility.check(admissionYear: input.admissionYear, programmeYear: program.year) {
            throw AppError.invalid(issue.field, issue.key, issue.arguments)
        }
        row.admissionYear = input.admissionYear ?? program.year
        let file = try await HardshipService.verifiedFile(of: memberID, today: today, on: db)
        if let named = input.hardshipFileId, named != file?.id { throw AppError.invalid("hardshipFileId", "error.aid.fileNotVerified") }
        let claimsPriority = file == nil && (input.priorityGroup ?? false)
        if let issue = AidEligibility.check(
            hasVerifiedFile: file != nil, claimsPriority: claimsPriority, programmeHasPriority: program.priorityIndustrial,
            isIndustrialWorker: Self.isIndustrialWorker(member))
        {
            throw AppError.invalid(issue.field, issue.key, issue.arguments)
        }
        row.hardshipFileID = file?.id
        row.priorityGroup = claimsPriority
        row.childKey = childID
        try await Self.checkChildFree(year: program.year, childKey: childID, parent: memberID, on: db)
    }

    /// The statuses whose applications count as funded: approved by the city, or paid.
    static let funded: [AidStatus] = [.approved, .paid]

    /// Industrial workers (产业工人): workers of an employer with a recorded trade.
    static func isIndustrialWorker(_ member: Member) -> Bool {
        member.organizationID != nil && !(member.trade ?? "").isEmpty
    }

    static func step(_ step: AidStep, _ row: AidApplication, input: AidStepInput, context: WriteContext) async throws {
        try AidAccess.handles(context)
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: AidStatus
        switch step.apply(to: row.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
        let tree = context.scope.tree
        let applicantDepths = tree.ancestry(of: row.unitID).compactMap { tree.nodes[$0]?.kind.depth }
        if let issue = AidApproval.check(status: row.status, officerDepth: AidAccess.depth(of: context), applicantDepths: applicantDepths) {
            throw AppError(status: .forbidden, key: issue.key, field: issue.field)
        }
        let before = row.auditSnapshot()
        let today = CivilDate(context.editor.at)
        switch step {
        case .approve:
            if next == .approved { row.approvedDate = today.description }
        case .reject:
            row.rejectReason = try Held.text(input.reason, field: "reason", max: 500)
            row.childKey = nil
            row.householdKey = nil
        }
        let note = row.rejectReason ?? ""
        row.status = next
        let amount = row.amountFen
        let programID = row.programID
        let committing = next == .approved
        try await context.app.write { db in
            try await row.claimVersion(version, on: db)
            if committing,
                try await !Counters.add(amount, to: "approved_fen", within: "budget_fen", of: AidProgram.schema, id: programID, on: db)
            {
                let program = try await AidProgram.find(programID, on: db)
                throw AppError.conflict(
                    "amountFen", "error.aid.overBudget", [Fen((program?.budgetFen ?? 0) - (program?.approvedFen ?? 0)).description])
            }
            try await row.update(on: db)
            try await AidEvent(subjectID: try row.requireID(), editor: context.editor, what: next.rawValue, note: note).create(on: db)
            try await Audit.record(.update, row, before: before, by: context.editor, on: db)
        }
    }

    /// The module's figures, counted in SQL: files by level and standing (as read today); the period's
    /// scholarship applications by status and stage, children funded, amounts against the budgets; and
    /// every kind of aid side by side.
    static func statistics(scope: UnitScope, list: ListQuery, today: CivilDate, on db: any Database) async throws -> AidStatistics {
        let sql = try db.sql()
        let units = try scope.unitIDs(within: list.unitId)
        let (from, to) = try list.datePeriod()
        let files = try await HardshipService.counts(units: units, today: today, on: sql)
        let table = AidApplication.schema
        func applications() -> SQLSelectBuilder {
            sql.select().from(table).where("deleted_at", .is, SQLLiteral.null).scoped(
                to: units, table: table, dateColumn: "submitted_date", from: from, to: to)
        }
        struct Group: Decodable {
            let kind: String
            let status: String
            let stage: String?
            let n: Int
            let amount: Int64?
        }
        let groups = try await applications().column("kind").column("status").column("stage").column(SQLTotals.count, as: "n").column(
            SQLTotals.sum("amount_fen"), as: "amount"
        )
        .groupBy("kind").groupBy("status").groupBy("stage").all(decoding: Group.self)
        let funded = Set(Self.funded.map(\.rawValue))
        struct Funded: Decodable {
            let kind: String
            let n: Int
        }
        // Children for scholarships, households (hardship files) for relief: each once.
        func distinct(_ column: String) -> SQLSelectBuilder {
            applications().column("kind").column(SQLRaw("COUNT(DISTINCT \(column))"), as: "n")
                .where("status", .in, SQLBind.group(Array(funded))).groupBy("kind")
        }
        let children = try await distinct("child_id_number").where("kind", .equal, AidKind.scholarship.rawValue).all(decoding: Funded.self)
        let households = try await distinct("hardship_file_id").where("kind", .notEqual, AidKind.scholarship.rawValue)
            .all(decoding: Funded.self)
        let fundedByKind = children + households
        struct Program: Decodable {
            let program_id: UUID
        }
        let programs = try await applications().distinct().column("program_id").all(decoding: Program.self).map(\.program_id)
        let budgets = programs.isEmpty ? [] : try await AidProgram.query(on: db).filter(\.$id ~~ programs).all()
        func total(_ keep: (Group) -> Bool) throws -> Int64 { try groups.filter(keep).compactMap(\.amount).total() }
        let scholarship = AidKind.scholarship.rawValue
        let byKind = try AidKind.allCases.map { kind in
            AidKindFigures(
                key: kind.rawValue, applications: groups.filter { $0.kind == kind.rawValue }.map(\.n).reduce(0, +),
                funded: fundedByKind.first { $0.kind == kind.rawValue }?.n ?? 0,
                approvedFen: try total { $0.kind == kind.rawValue && funded.contains($0.status) },
                paidFen: try total { $0.kind == kind.rawValue && $0.status == AidStatus.paid.rawValue },
                budgetFen: try budgets.filter { $0.kind == kind }.map(\.budgetFen).total())
        }
        let scholarships = groups.filter { $0.kind == scholarship }
        return AidStatistics(
            files: files.total, filesByLevel: files.byLevel, filesByStatus: files.byStatus,
            applications: scholarships.map(\.n).reduce(0, +),
            byStatus: AidStatus.allCases.map { status in
                KeyCount(key: status.rawValue, count: scholarships.filter { $0.status == status.rawValue }.map(\.n).reduce(0, +))
            },
            children: byKind[0].funded,
            byStage: try SchoolStage.allCases.map { stage in
                let rows = scholarships.filter { $0.stage == stage.rawValue && funded.contains($0.status) }
                return AmountCount(key: stage.rawValue, count: rows.map(\.n).reduce(0, +), amountFen: try rows.compactMap(\.amount).total())
            },
            approvedFen: byKind[0].approvedFen, paidFen: byKind[0].paidFen, budgetFen: byKind[0].budgetFen, byKind: byKind)
    }

    /// A worker's own applications, newest first.
    static func mine(_ member: Member, on db: any Database) async throws -> [AidApplication] {
        try await AidApplication.query(on: db).filter(\.$memberID == member.requireID()).filter(\.$deletedAt == nil).sort(
            \.$submittedDate, .descending
        ).all()
    }

    /// The application for officers who handle aid in its subtree, or for the worker who made it; 404 for anyone else.
    static func readable(_ id: UUID, request req: Request) async throws -> AidApplication {
        let user = try req.requireUser()
        if user.role == .member {
            let member = try await req.requireMember()
            guard let row = try await AidApplication.find(id, on: req.db), row.deletedAt == nil, row.memberID == member.id else {
                throw AppError.notFound
            }
            return row
        }
        let context = try await AidAccess.require(req)
        return try await AidApplication.find(id, scope: context.scope, includingDeleted: false, on: req.db)
    }
}

extension AidApplication: UnitOwnedRecord {
    typealias Output = AidApplicationOutput
    static let routeName = "aid-applications"

    static func list(_ list: ListQuery, filter: AidFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        AidApplicationOutput
    > {
        _ = try await AidAccess.require(request)
        let shown = try await page(
            try AidApplications.base(list, filter: filter, scope: scope, on: request.db).sort(\.$submittedDate, .descending).sort(\.$id),
            list, on: request)
        try await AidAccess.recordView(request, entityID: nil, shown: shown.items.count, query: request.url.query)
        return shown
    }

    /// A count shows no child's data: nothing is read, nothing written to the log.
    static func count(filter: AidFilter, scope: UnitScope, request: Request) async throws -> Int {
        _ = try await AidAccess.require(request)
        return try await AidApplications.base(ListQuery(), filter: filter, scope: scope, on: request.db).count(\.$unitID)
    }

    static func show(_ id: UUID, request: Request) async throws -> AidApplicationOutput {
        let row = try await AidApplications.readable(id, request: request)
        if try request.requireUser().role != .member { try await AidAccess.recordView(request, entityID: id, shown: 1, query: nil) }
        return try await row.output(on: request)
    }

    static func create(_ input: AidApplicationInput, context: WriteContext, once: FormOnce?) async throws -> AidApplication {
        try AidAccess.handles(context)
        let member = try await Held.member(input.memberId, field: "memberId", scope: context.scope, on: context.app.db)
        return try await AidApplications.apply(input, member: member, editor: context.editor, app: context.app, once: once)
    }

    /// Until the enterprise union approves, the school (or the household's situation) and the
    /// account can be corrected; the child, stage and amount cannot (a new application is made instead).
    func update(with input: AidApplicationInput, context: WriteContext) async throws {
        try AidAccess.handles(context)
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard status == .submitted else { throw AppError.conflict("status", "error.aid.notEditable") }
        let before = auditSnapshot()
        if let school = input.school, !kind.isRelief { self.school = try Held.text(school, field: "school", max: 100) }
        if let situation = input.situation, kind.isRelief { self.situation = try Held.text(situation, field: "situation", max: 1_000) }
        try AidApplications.applyAccount(input.payeeAccount, to: self)
        try await context.save(self, version: version, before: before, once: nil)
    }

    func delete(context: WriteContext) async throws {
        try AidAccess.handles(context)
        guard status == .submitted || status == .rejected else { throw AppError.conflict("status", "error.aid.notEditable") }
        let editor = context.editor
        deletedAt = editor.at
        childKey = nil
        householdKey = nil
        try await context.app.write { db in
            try await self.update(on: db)
            try await Audit.record(.delete, self, by: editor, on: db)
        }
    }

    func restore(context: WriteContext) async throws {
        try AidAccess.handles(context)
        if status != .rejected {
            if let child = childIDNumber {
                try await AidApplications.checkChildFree(year: programYear, childKey: child, parent: memberID, on: context.app.db)
                childKey = child
            }
            if kind.isRelief, let household = hardshipFileID?.uuidString {
                try await AidApplications.checkHouseholdFree(
                    program: programID, householdKey: household, applicant: memberID, on: context.app.db)
                householdKey = household
            }
        }
        let editor = context.editor
        deletedAt = nil
        try await context.app.write { db in
            try await self.update(on: db)
            try await Audit.record(.restore, self, by: editor, on: db)
        }
    }

    static func outputs(_ rows: [AidApplication], on request: Request) async throws -> [AidApplicationOutput] {
        try await AidApplications.outputs(rows, on: request.db)
    }
}
