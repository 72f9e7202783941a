import Crypto
import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Applications to join: made by anyone without signing in, followed by number and code, answered
/// by the chosen union's officers within 15 working days.
enum ApplicationService: RecordService {
    static func base(_ list: ListQuery, filter: ApplicationFilter, scope: UnitScope, today: CivilDate, on db: any Database) throws
        -> QueryBuilder<MembershipApplication>
    {
        let query = try MembershipApplication.scoped(list, scope: scope, on: db)
        if let status = filter.status { query.filter(\.$status == status) }
        if filter.overdue == true { query.filter(\.$status == .submitted).filter(\.$dueDate < today.description) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            query.group(.or) { $0.filter(\.$number == q.uppercased()).filter(\.$name ~~ q) }
        }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$submittedDate >= from) }
        if let to { query.filter(\.$submittedDate <= to) }
        return query
    }

    static func list(_ list: ListQuery, filter: ApplicationFilter, scope: UnitScope, on db: any Database) async throws
        -> ListPage<ApplicationOutput>
    {
        let query = try base(list, filter: filter, scope: scope, today: CivilDate(Date()), on: db)
        query.sort(\.$dueDate).sort(\.$id)
        let total = try await query.copy().count(\.$unitID)
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    static func outputs(_ rows: [MembershipApplication], on db: any Database) async throws -> [ApplicationOutput] {
        let ids = Set(rows.compactMap(\.organizationID))
        let organizations = ids.isEmpty ? [] : try await Organization.query(on: db).filter(\.$id ~~ ids).all()
        let names = Dictionary(organizations.compactMap { org in org.id.map { ($0, org.name) } }, uniquingKeysWith: { first, _ in first })
        let today = CivilDate(Date())
        return try rows.map { try ApplicationOutput($0, organizations: names, today: today) }
    }

    /// Officers do not create or edit applications: the applicant's words stand as sent.
    static func create(_ input: ApplicationInput, context: WriteContext, once: FormOnce?) async throws -> MembershipApplication {
        throw AppError.forbidden
    }

    static func update(_ row: MembershipApplication, with input: ApplicationInput, context: WriteContext) async throws {
        throw AppError.conflict("status", "error.application.fixed")
    }

    // MARK: Applying

    /// Checks and records an application; every one from an address counts against its hourly allowance.
    static func submit(_ input: ApplicationInput, request: Request) async throws -> ApplicationReceipt {
        try await LoginThrottles.failed(try await LoginThrottles.claim(LoginThrottles.joiningKeys(on: request), on: request), on: request)
        let valid = try ApplicationDraft(
            name: input.name ?? "", idNumber: input.idNumber ?? "", mobile: input.mobile ?? "", platform: input.platform,
            dispatched: input.dispatched == true
        ).validate().orInvalid()
        let db = request.db
        guard let unitID = input.unitId else { throw AppError.invalid("unitId", "error.required") }
        let tree = try await UnitTree.load(on: db)
        guard tree.nodes[unitID] != nil else { throw AppError.invalid("unitId", "error.application.unit") }
        var organizationID: UUID?
        if valid.form != .platform {
            guard let id = input.organizationId else { throw AppError.invalid("organizationId", "error.application.employerOrPlatform") }
            guard let organization = try await Organization.find(id, on: db), organization.deletedAt == nil,
                tree.subtree(of: unitID).contains(organization.unitID)
            else { throw AppError.invalid("organizationId", "error.application.employer") }
            organizationID = id
        }
        let trade = (input.trade ?? "").trimmingCharacters(in: .whitespaces)
        if !trade.isEmpty, !(try await TradeBook.load(on: db)).isOffered(trade) { throw AppError.invalid("trade", "error.trade.unknown") }
        try await refuseIfMember(valid.idNumber.value, on: db)

        let today = request.today
        let row = MembershipApplication()
        row.unitID = unitID
        row.organizationID = organizationID
        row.platform = valid.platform
        row.employmentForm = valid.form
        row.name = valid.name
        row.gender = valid.idNumber.gender
        row.idNumber = valid.idNumber.value
        row.mobile = valid.mobile.value
        row.trade = trade.isEmpty ? nil : trade
        row.status = .submitted
        row.submittedDate = today.description
        row.dueDate = WorkingDays.adding(MembershipApplication.answerDays, to: today).description
        row.version = 1
        let code = Self.code()
        row.codeHash = Self.hash(code)
        for attempt in 0..<5 {
            row.number = Self.number(today: today)
            do {
                try await request.write { db in
                    // Checked again inside the write: two submissions at once cannot both pass.
                    try await refusePending(row.idNumber, on: db)
                    try await row.create(on: db)
                    try await Audit.record(.create, row, by: .system, on: db)
                }
                break
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 4 {
                row.id = nil
                continue
            }
        }
        return ApplicationReceipt(number: row.number, code: code, status: row.status)
    }

    /// A person already an active member is told to ask for a transfer, and nothing of where they are.
    private static func refuseIfMember(_ idNumber: String, on db: any Database) async throws {
        if let member = try await Member.query(on: db).filter(\.$idNumber == idNumber).first(), member.deletedAt == nil,
            member.membershipStatus.isActive
        {
            throw AppError.conflict("idNumber", "error.application.alreadyMember")
        }
        try await refusePending(idNumber, on: db)
    }

    private static func refusePending(_ idNumber: String, on db: any Database) async throws {
        let pending = try await MembershipApplication.query(on: db).filter(\.$idNumber == idNumber).filter(\.$status == .submitted)
            .filter(\.$deletedAt == nil).count(\.$unitID)
        if pending > 0 { throw AppError.conflict("idNumber", "error.application.pending") }
    }

    /// The applicant's view, for the number and code they were given. A wrong pair is a 404 that
    /// counts against the address, so numbers cannot be tried in bulk.
    static func progress(number: String?, code: String?, request: Request) async throws -> ApplicationProgress {
        let claims = try await LoginThrottles.claim(LoginThrottles.lookupKeys(on: request), on: request)
        let number = (number ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        let code = (code ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !number.isEmpty, !code.isEmpty,
            let row = try await MembershipApplication.query(on: request.db).filter(\.$number == number).filter(\.$deletedAt == nil).first(),
            CSRFMiddleware.constantTimeEqual(Array(row.codeHash.utf8), Array(hash(code).utf8))
        else {
            try await LoginThrottles.failed(claims, on: request)
            throw AppError.notFound
        }
        try await LoginThrottles.succeeded(claims, on: request)
        let tree = try await UnitTree.load(on: request.db)
        let membershipNumber = try await row.memberID.asyncMap { try await Member.find($0, on: request.db)?.membershipNumber } ?? nil
        return ApplicationProgress(
            number: row.number, status: row.status, unitName: tree.name(of: row.unitID), submittedDate: row.submittedDate,
            dueDate: row.dueDate, decidedDate: row.decidedDate, reason: row.reason, membershipNumber: membershipNumber)
    }

    // MARK: Answering

    static func step(_ step: ApplicationStep, _ row: MembershipApplication, input: ApplicationStepInput, context: WriteContext)
        async throws
    {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: ApplicationStatus
        switch step.apply(to: row.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field)
        }
        let today = CivilDate(context.editor.at)
        let before = row.auditSnapshot()
        let editor = context.editor
        switch step {
        case .reject:
            row.reason = try Held.text(input.reason, field: "reason", max: 500)
            row.status = next
            row.decidedDate = today.description
            try await context.app.write { db in
                try await row.claimVersion(version, on: db)
                try await row.update(on: db)
                try await Audit.record(.update, row, before: before, by: editor, on: db)
            }
        case .approve:
            let joined = try Membership.day(input.joinDate, field: "joinDate", notBefore: row.submittedDate, today: today)
            guard context.scope.tree.nodes[row.unitID] != nil else { throw AppError.conflict("unitId", "error.unit.deleted") }
            try await context.app.write { db in
                try await row.claimVersion(version, on: db)
                let member = try await admit(row, joined: joined, editor: editor, on: db)
                row.memberID = try member.requireID()
                row.status = next
                row.decidedDate = today.description
                try await row.update(on: db)
                try await Audit.record(.update, row, before: before, by: editor, on: db)
            }
        }
    }

    /// The member the application makes: a new one, or a former member brought back with their record.
    private static func admit(_ row: MembershipApplication, joined: CivilDate, editor: Editor, on db: any Database) async throws -> Member {
        if let existing = try await Member.query(on: db).filter(\.$idNumber == row.idNumber).first() {
            guard existing.deletedAt == nil else { throw AppError.conflict("idNumber", "error.application.deletedRecord") }
            guard !existing.membershipStatus.isActive else { throw AppError.conflict("idNumber", "error.application.alreadyMember") }
            guard existing.membershipStatus != .deceased else { throw AppError.conflict("idNumber", "error.membership.deceased") }
            let before = existing.auditSnapshot()
            existing.mobile = row.mobile
            existing.mobileLast4 = String(row.mobile.suffix(4))
            existing.organizationID = row.organizationID
            existing.employmentForm = row.employmentForm
            existing.platform = row.platform
            if let trade = row.trade { existing.trade = trade }
            existing.version += 1
            try await Membership.reactivate(existing, unit: row.unitID, date: joined, on: db)
            try await Audit.record(.update, existing, before: before, by: editor, on: db)
            return existing
        }
        let valid = try MemberDraft(
            name: row.name, gender: row.gender, idNumber: row.idNumber, mobile: row.mobile, trade: row.trade, skillLevel: nil
        ).validate(trades: { _ in true }).orInvalid()
        let member = Member()
        member.version = 1
        member.apply(valid, unitID: row.unitID, organizationID: row.organizationID, migrant: false, hardship: false)
        member.joinDate = joined.description
        member.statusDate = joined.description
        member.employmentForm = row.employmentForm
        member.platform = row.platform
        try await Membership.enrol(member, on: db)
        try await Audit.record(.create, member, by: editor, on: db)
        return member
    }

    // MARK: Number and code

    private static let codeAlphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// RH, the date, six random digits: RH20241105482913.
    static func number(today: CivilDate) -> String {
        "RH" + today.description.replacingOccurrences(of: "-", with: "") + String(format: "%06d", Int.random(in: 0..<1_000_000))
    }

    /// Eight characters without look-alikes (no 0/O, 1/I).
    static func code() -> String { String((0..<8).map { _ in codeAlphabet.randomElement() ?? "A" }) }

    static func hash(_ code: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(code.utf8)))
    }
}

extension MembershipApplication: ServedRecord {
    typealias Service = ApplicationService
    typealias Input = ApplicationInput
    typealias Output = ApplicationOutput
    typealias Filter = ApplicationFilter
    static let routeName = "membership-applications"

    static func count(filter: ApplicationFilter, scope: UnitScope, request: Request) async throws -> Int {
        try await ApplicationService.base(ListQuery(), filter: filter, scope: scope, today: request.today, on: request.db).count(\.$unitID)
    }
}
