import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Dispute cases: intake, the mediation workflow and its deadline, the settlement's payments,
/// and the figures. Claimants' ID numbers and phones leave this module masked.
enum DisputeService {
    /// How near its deadline an open case is "due soon" on the officer's dashboard.
    static let dueSoonDays = 3

    static func base(_ list: ListQuery, filter: DisputeFilter, scope: UnitScope, today: CivilDate, on db: any Database) throws
        -> QueryBuilder<DisputeCase>
    {
        let query = try DisputeCase.scoped(list, scope: scope, on: db)
        if let channel = filter.channel { query.filter(\.$channel == channel) }
        if let type = filter.type { query.filter(\.$type == type) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let mediator = filter.mediatorId { query.filter(\.$mediatorID == mediator) }
        if filter.overdue == true { query.filter(\.$status ~~ [.accepted, .inMediation]).filter(\.$deadline < today.description) }
        if filter.dueSoon == true {
            query.filter(\.$status ~~ [.accepted, .inMediation]).filter(\.$deadline >= today.description)
                .filter(\.$deadline <= today.adding(days: DisputeService.dueSoonDays).description)
        }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$employerName ~~ q) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$acceptedDate >= from) }
        if let to { query.filter(\.$acceptedDate <= to) }
        return query
    }

    /// The list's query in the order asked for (`?sort=acceptedDate|deadline|claimedFen`, newest accepted first by default).
    static func sorted(_ list: ListQuery, filter: DisputeFilter, scope: UnitScope, today: CivilDate, on db: any Database) throws
        -> QueryBuilder<DisputeCase>
    {
        let query = try base(list, filter: filter, scope: scope, today: today, on: db)
        switch list.sortKey(allowed: ["acceptedDate", "deadline", "claimedFen"]) {
        case ("deadline", let descending)?: query.sort(\.$deadline, descending ? .descending : .ascending)
        case ("claimedFen", let descending)?: query.sort(\.$claimedFen, descending ? .descending : .ascending)
        case (_, let descending)?: query.sort(\.$acceptedDate, descending ? .descending : .ascending)
        case nil: query.sort(\.$acceptedDate, .descending)
        }
        return query.sort(\.$id)
    }

    static func outputs(_ rows: [DisputeCase], today: CivilDate, on db: any Database) async throws -> [DisputeOutput] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var claimants: [UUID: [ClaimantOutput]] = [:]
        for row in try await DisputeClaimant.query(on: db).filter(\.$caseID ~~ ids).sort(\.$name).all() {
            claimants[row.caseID, default: []].append(
                ClaimantOutput(
                    id: try row.requireID(), memberId: row.memberID, name: row.name, idNumber: Masking.idNumber(row.idNumber),
                    mobile: row.mobile.map(Masking.mobile), migrant: row.migrant))
        }
        let mediators = Dictionary(
            try await User.query(on: db).filter(\.$id ~~ rows.compactMap(\.mediatorID)).all().compactMap { user in
                user.id.map { ($0, user.displayName) }
            },
            uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            let id = try row.requireID()
            return DisputeOutput(
                id: id, unitId: row.unitID, channel: row.channel, type: row.type, status: row.status, employerId: row.employerID,
                employerName: row.employerName,
                summary: row.summary, claimedFen: row.claimedFen, agreedFen: row.agreedFen, recoveredFen: row.recoveredFen,
                mediatorId: row.mediatorID,
                mediatorName: row.mediatorID.flatMap { mediators[$0] }, acceptedDate: row.acceptedDate, deadline: row.deadline,
                extended: row.extended,
                overdue: CivilDate(row.deadline).map { MediationDeadline.isOverdue(deadline: $0, today: today, status: row.status) }
                    ?? false,
                courtId: row.courtID, courtCaseNumber: row.courtCaseNumber, outcomeDate: row.outcomeDate, outcomeNote: row.outcomeNote,
                returnedToCourt: row.returnedToCourt, confirmationDate: row.confirmationDate, confirmationNumber: row.confirmationNumber,
                claimants: claimants[id] ?? [], version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
                deletedAt: row.deletedAt)
        }
    }

    /// Checks the claimants: members held by the officer, or people named with a valid ID number.
    static func claimants(_ inputs: [ClaimantInput], scope: UnitScope, on db: any Database) async throws -> [DisputeClaimant] {
        guard !inputs.isEmpty else { throw AppError.invalid("claimants", "error.required") }
        var result: [DisputeClaimant] = []
        for input in inputs {
            let claimant = DisputeClaimant()
            if let memberID = input.memberId {
                let member = try await Held.member(memberID, field: "claimants", scope: scope, on: db)
                claimant.memberID = memberID
                claimant.name = member.name
                claimant.idNumber = member.idNumber
                claimant.mobile = member.mobile
                claimant.migrant = member.migrant
            } else {
                claimant.name = try Held.text(input.name, field: "claimants", max: 50)
                switch IDNumber.parse(input.idNumber ?? "") {
                case .success(let id): claimant.idNumber = id.value
                case .failure(let problem): throw AppError.invalid("claimants", "error.idNumber.\(problem.rawValue)")
                }
                if let text = input.mobile?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                    guard let mobile = MobileNumber.parse(text) else { throw AppError.invalid("claimants", "error.mobile.invalid") }
                    claimant.mobile = mobile.value
                }
                claimant.migrant = input.migrant ?? false
            }
            guard !result.contains(where: { $0.idNumber == claimant.idNumber }) else {
                throw AppError.invalid("claimants", "error.dispute.claimantTwice")
            }
            result.append(claimant)
        }
        return result
    }

    static func create(_ input: DisputeInput, context: WriteContext, once: FormOnce?) async throws -> DisputeCase {
        let db = context.app.db
        let row = DisputeCase()
        guard let channel = input.channel else { throw AppError.invalid("channel", "error.required") }
        guard let type = input.type else { throw AppError.invalid("type", "error.required") }
        let accepted = try input.acceptedDate.map { try Held.date($0, field: "acceptedDate") } ?? CivilDate(context.editor.at)
        guard accepted <= CivilDate(context.editor.at) else { throw AppError.invalid("acceptedDate", "error.date.future") }
        if channel == .courtReferral {
            guard let courtID = input.courtId else { throw AppError.invalid("courtId", "error.required") }
            let court = try await Held.organization(courtID, field: "courtId", scope: context.scope.widenedToRoot, on: db)
            guard court.kind == .court else { throw AppError.invalid("courtId", "error.dispute.notCourt") }
            row.courtID = courtID
            row.courtCaseNumber = try Held.text(input.courtCaseNumber, field: "courtCaseNumber", max: 50)
        }
        try await applyTerms(input, to: row, isNew: true, context: context)
        let claimants = try await claimants(input.claimants ?? [], scope: context.scope, on: db)
        row.unitID = try Held.unit(input.unitId, context: context)
        row.channel = channel
        row.type = type
        row.status = .accepted
        row.recoveredFen = 0
        row.acceptedDate = accepted.description
        row.deadline = MediationDeadline.deadline(accepted: accepted).description
        row.extended = false
        let editor = context.editor
        try await context.save(row, version: nil, before: nil, once: once) { db in
            let id = try row.requireID()
            for claimant in claimants {
                claimant.caseID = id
                try await claimant.create(on: db)
            }
            try await DisputeEvent(caseID: id, at: editor.at, what: "accepted").create(on: db)
        }
        return row
    }

    /// The terms an officer may correct while the case is open.
    static func applyTerms(_ input: DisputeInput, to row: DisputeCase, isNew: Bool, context: WriteContext) async throws {
        if let type = input.type { row.type = type }
        if let employerID = input.employerId.named {
            let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: context.app.db)
            row.employerID = employerID
            row.employerName = employer.name
        } else {
            row.employerID = input.employerId.applied(to: row.employerID)
            if isNew || input.employerName != nil || input.employerId == .clear {
                row.employerName = try Held.text(input.employerName ?? (isNew ? nil : row.employerName), field: "employerName")
            }
        }
        row.summary = try Held.text(input.summary ?? (isNew ? nil : row.summary), field: "summary", max: 2_000)
        guard let claimed = input.claimedFen ?? (isNew ? nil : row.claimedFen) else {
            throw AppError.invalid("claimedFen", "error.required")
        }
        guard claimed >= 0 else { throw AppError.invalid("claimedFen", "error.amount.positive") }
        row.claimedFen = claimed
        if let mediatorID = input.mediatorId.named {
            guard let user = try await User.find(mediatorID, on: context.app.db), user.active, user.role == .officer || user.role == .admin
            else {
                throw AppError.invalid("mediatorId", "error.dispute.notMediator")
            }
        }
        row.mediatorID = input.mediatorId.applied(to: row.mediatorID)
    }

    static func update(_ row: DisputeCase, with input: DisputeInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard row.status.isOpen else { throw AppError.conflict("status", "error.dispute.closed") }
        let before = row.auditSnapshot()
        try await applyTerms(input, to: row, isNew: false, context: context)
        try await context.save(row, version: version, before: before, once: nil)
    }

    /// A workflow step, recorded in the case's history for the claimant.
    static func step(_ step: DisputeStep, _ row: DisputeCase, input: DisputeStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: DisputeStatus
        switch step.apply(to: row.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
        let date = try input.date.flatMap { $0.isEmpty ? nil : $0 }.map { try Held.date($0, field: "date") } ?? CivilDate(context.editor.at)
        if let accepted = CivilDate(row.acceptedDate), date < accepted { throw AppError.invalid("date", "error.date.order") }
        let before = row.auditSnapshot()
        var note = ""
        switch step {
        case .mediate:
            break
        case .settle:
            if let issue = SettlementRules.checkAgreed(input.agreedFen, claimed: row.claimedFen) { throw AppError.invalid(issue) }
            row.agreedFen = input.agreedFen
            note = Fen(input.agreedFen ?? 0).description
        case .fail:
            note = try Held.text(input.reason, field: "reason", max: 500)
            // A court's referral that mediation could not settle goes back to the court, with the reason.
            row.returnedToCourt = row.channel == .courtReferral ? true : nil
        case .withdraw:
            note = try Held.text(input.reason, field: "reason", required: false, max: 500)
        }
        if step != .mediate {
            row.outcomeDate = date.description
            row.outcomeNote = note.isEmpty ? nil : note
        }
        row.status = next
        let id = try row.requireID()
        let editor = context.editor
        let what = next.rawValue
        let said = note
        try await context.save(row, version: version, before: before, once: nil) { db in
            try await DisputeEvent(caseID: id, at: editor.at, what: what, note: said).create(on: db)
        }
    }

    static func extend(_ row: DisputeCase, input: DisputeExtensionInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard row.status.isOpen else { throw AppError.conflict("status", "error.dispute.closed") }
        let newDeadline = try Held.date(input.newDeadline, field: "newDeadline")
        guard let accepted = CivilDate(row.acceptedDate), let current = CivilDate(row.deadline) else {
            throw AppError.invalid("acceptedDate", "error.date.invalid")
        }
        if let issue = MediationDeadline.checkExtension(
            accepted: accepted, current: current, newDeadline: newDeadline, alreadyExtended: row.extended,
            bothConsent: input.bothConsent == true)
        {
            throw AppError(
                status: issue.key == "error.dispute.extendedOnce" ? .conflict : .unprocessableEntity, key: issue.key, field: issue.field,
                arguments: issue.arguments)
        }
        let before = row.auditSnapshot()
        row.deadline = newDeadline.description
        row.extended = true
        let id = try row.requireID()
        let editor = context.editor
        try await context.save(row, version: version, before: before, once: nil) { db in
            try await DisputeEvent(caseID: id, at: editor.at, what: "extended", note: newDeadline.description).create(on: db)
        }
    }

    static func addSession(_ row: DisputeCase, input: DisputeSessionInput, context: WriteContext) async throws -> DisputeSession {
        guard row.status.isOpen else { throw AppError.conflict("status", "error.dispute.closed") }
        let date = try Held.date(input.date, field: "date")
        if let accepted = CivilDate(row.acceptedDate), date < accepted { throw AppError.invalid("date", "error.date.order") }
        let session = DisputeSession()
        session.caseID = try row.requireID()
        session.date = date.description
        session.notes = try Held.text(input.notes, field: "notes", max: 4_000)
        let editor = context.editor
        try await context.app.write { db in
            try await session.create(on: db)
            try await Audit.record(.update, row, before: nil, after: ["session": session.date], by: editor, on: db)
        }
        return session
    }

    /// A payment under the settlement; the recovered total moves in SQL, bounded by the agreed
    /// amount, so two payments entered at once cannot together pass it.
    static func pay(_ row: DisputeCase, input: DisputePaymentInput, context: WriteContext) async throws -> DisputePayment {
        guard row.status == .settled, let agreed = row.agreedFen else { throw AppError.conflict("status", "error.dispute.notSettled") }
        if let issue = SettlementRules.checkPayment(input.amountFen, recovered: row.recoveredFen, agreed: agreed) {
            throw AppError.invalid(issue)
        }
        let date = try Held.date(input.date, field: "date")
        if let settled = row.outcomeDate, date.description < settled { throw AppError.invalid("date", "error.date.order") }
        let payment = DisputePayment()
        payment.caseID = try row.requireID()
        payment.date = date.description
        payment.amountFen = input.amountFen ?? 0
        let editor = context.editor
        let id = payment.caseID
        try await context.app.write { db in
            guard
                try await Counters.add(payment.amountFen, to: "recovered_fen", within: "agreed_fen", of: DisputeCase.schema, id: id, on: db)
            else {
                throw AppError.invalid("amountFen", "error.dispute.aboveAgreed", [Fen(agreed - row.recoveredFen).description])
            }
            try await payment.create(on: db)
            try await DisputeEvent(caseID: id, at: editor.at, what: "paid", note: Fen(payment.amountFen).description).create(on: db)
            try await Audit.record(
                .update, row, before: ["recoveredFen": String(row.recoveredFen)],
                after: ["payment": "\(payment.date) \(payment.amountFen)"], by: editor, on: db)
        }
        row.recoveredFen += payment.amountFen
        return payment
    }

    /// 司法确认 of a settlement by the court.
    static func confirm(_ row: DisputeCase, input: DisputeConfirmationInput, context: WriteContext) async throws {
        guard row.status == .settled else { throw AppError.conflict("status", "error.dispute.notSettled") }
        guard row.confirmationDate == nil else { throw AppError.conflict("number", "error.dispute.confirmedTwice") }
        let date = try Held.date(input.date, field: "date")
        let number = try Held.text(input.number, field: "number", max: 50)
        let before = row.auditSnapshot()
        row.confirmationDate = date.description
        row.confirmationNumber = number
        let id = try row.requireID()
        let editor = context.editor
        try await context.save(row, version: row.version, before: before, once: nil) { db in
            try await DisputeEvent(caseID: id, at: editor.at, what: "confirmed", note: number).create(on: db)
        }
    }

    static func counts(scope: UnitScope, list: ListQuery, today: CivilDate, on db: any Database) async throws -> DisputeStatistics {
        let groups = try await list.select(DisputeCase.schema, scope: scope, dated: "accepted_date", on: db)
            .tallies(by: ["channel", "type", "status"], sums: ["claimed_fen", "recovered_fen"])
        let overdue = try await base(
            ListQuery(unitId: list.unitId), filter: DisputeFilter(overdue: true), scope: scope, today: today, on: db
        ).count()
        return DisputeStatistics(
            cases: groups.rows, byChannel: groups.counts(of: DisputeChannel.self, at: 0),
            byType: groups.counts(of: DisputeType.self, at: 1),
            byStatus: groups.counts(of: DisputeStatus.self, at: 2), claimedFen: try groups.sum(0), recoveredFen: try groups.sum(1),
            overdue: overdue)
    }
}

extension UnitScope {
    /// Courts are registered at the city; any officer may name one.
    var widenedToRoot: UnitScope { UnitScope(unitIDs: nil, tree: tree, seesAid: seesAid) }
}

extension DisputeCase: UnitOwnedRecord {
    typealias Output = DisputeOutput
    static let routeName = "dispute-cases"

    static func count(filter: DisputeFilter, scope: UnitScope, request: Request) async throws -> Int {
        try await DisputeService.base(ListQuery(), filter: filter, scope: scope, today: request.today, on: request.db).count(\.$unitID)
    }

    static func list(_ list: ListQuery, filter: DisputeFilter, scope: UnitScope, request: Request) async throws -> ListPage<DisputeOutput> {
        try await page(
            try DisputeService.sorted(list, filter: filter, scope: scope, today: request.today, on: request.db), list, on: request)
    }

    static func create(_ input: DisputeInput, context: WriteContext, once: FormOnce?) async throws -> DisputeCase {
        try await DisputeService.create(input, context: context, once: once)
    }

    func update(with input: DisputeInput, context: WriteContext) async throws {
        try await DisputeService.update(self, with: input, context: context)
    }

    static func outputs(_ rows: [DisputeCase], on request: Request) async throws -> [DisputeOutput] {
        try await DisputeService.outputs(rows, today: request.today, on: request.db)
    }

    /// Officers read the cases of their subtree; a worker reads the cases they claim in.
    static func show(_ id: UUID, request: Request) async throws -> DisputeOutput {
        try await DisputeRequests.readable(id, request: request).output(on: request)
    }
}
