import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An event's results: computed from the sheets when published for the public notice (公示),
/// objections recorded and resolved during it, then final — when each individual award becomes
/// the member's honor, once, and every award gets its certificate number.
enum CompetitionResults {
    struct MarkRow: Decodable {
        var entry_id: UUID
        var item_id: UUID
        var marks: Int
    }

    struct Computed {
        var entryID: UUID
        var practical: Int
        var total: Int
        var rank: Int
        var award: String?
    }

    /// Scores and ranks every entry of the event from its marks. Refused while an entry has no
    /// sheet, or no theory mark when theory counts.
    static func compute(_ event: CompetitionEvent, on db: any Database) async throws -> [Computed] {
        let eventID = try event.requireID()
        let items = try await CompetitionService.items(of: event, on: db)
        let entries = try await CompetitionEntry.query(on: db).filter(\.$eventID == eventID).all()
        var marks: [UUID: [UUID: [Int]]] = [:]
        // Thousands of marks an event: read as plain rows, not models.
        let sql = try db.sql()
        for mark in try await sql.select().columns("entry_id", "item_id", "marks").from(CompetitionMark.schema).where(
            "event_id", .equal, eventID
        )
        .all(decoding: MarkRow.self) {
            marks[mark.entry_id, default: [:]][mark.item_id, default: []].append(mark.marks)
        }
        let scheme = CompetitionScoring.Scheme(
            theoryWeight: event.theoryWeight, practicalWeight: event.practicalWeight, itemMaxima: items.map(\.maximum))
        var unscored = 0
        var results: [CompetitionScoring.Result] = []
        var practicals: [UUID: Int] = [:]
        for entry in entries {
            let id = try entry.requireID()
            let byItem = marks[id] ?? [:]
            let scores = items.compactMap { item in item.id.flatMap { byItem[$0] }.flatMap(CompetitionScoring.itemScore) }
            let theoryMissing = event.theoryWeight > 0 && entry.theoryMarks == nil
            guard scores.count == items.count || event.practicalWeight == 0, !theoryMissing else {
                unscored += 1
                continue
            }
            let practical = CompetitionScoring.practical(itemScores: scores, scheme: scheme)
            practicals[id] = practical
            results.append(
                .init(
                    entry: id.uuidString,
                    total: CompetitionScoring.total(theory: entry.theoryMarks ?? 0, practical: practical, scheme: scheme),
                    practical: practical, completionSeconds: entry.completionSeconds))
        }
        guard unscored == 0 else {
            throw AppError(status: .conflict, key: "error.competition.unscored", field: "status", arguments: [String(unscored)])
        }
        return CompetitionScoring.rank(results).compactMap { rank, result in
            guard let id = UUID(uuidString: result.entry) else { return nil }
            let award: String? =
                switch event.kind {
                case .individual: event.bands.award(rank: rank, total: result.total)?.rawValue
                case .team: result.total >= event.minimumTotal ? TeamPrize.prize(rank: rank, counts: event.prizeCounts)?.rawValue : nil
                }
            return Computed(entryID: id, practical: practicals[id] ?? 0, total: result.total, rank: rank, award: award)
        }
    }

    static func step(_ step: EventStep, event: CompetitionEvent, competition: Competition, input: EventStepInput, context: WriteContext)
        async throws
    {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        // Finalising again after it succeeded changes nothing and says so by succeeding.
        if step == .finalise, event.status == .final { return }
        let next = try step.apply(to: event.status).orInvalidStep()
        let today = CivilDate(context.editor.at)
        let before = event.auditSnapshot()
        let editor = context.editor
        let eventID = try event.requireID()
        switch step {
        case .publish:
            let days = input.noticeDays ?? 7
            guard (1...30).contains(days) else { throw AppError.invalid("noticeDays", "error.range", ["1", "30"]) }
            let computed = try await compute(event, on: context.app.db)
            try await context.app.write { db in
                try await event.claimVersion(version, on: db)
                try await publish(event, results: computed, on: today, noticeDays: days, on: db)
                try await Audit.record(.update, event, before: before, by: editor, on: db)
            }
        case .reopen:
            event.status = next
            event.noticeStart = nil
            event.noticeEnds = nil
            try await context.app.write { db in
                try await event.claimVersion(version, on: db)
                try await event.update(on: db)
                try await CompetitionEntry.query(on: db).filter(\.$eventID == eventID).set(\.$rank, to: nil).set(\.$award, to: nil).update()
                try await Audit.record(.update, event, before: before, by: editor, on: db)
            }
        case .finalise:
            let open = try await CompetitionObjection.query(on: context.app.db).filter(\.$eventID == eventID).filter(\.$status == .open)
                .count()
            if let issue = PublicNotice.checkFinalise(
                noticeEnds: event.noticeEnds.flatMap(CivilDate.init), today: today, openObjections: open)
            {
                throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
            }
            try await context.app.write { db in
                try await event.claimVersion(version, on: db)
                try await finalise(event, competition: competition, on: today, editor: editor, on: db)
                try await Audit.record(.update, event, before: before, by: editor, on: db)
            }
        }
    }

    /// Stores the computed results and puts them on public notice for `noticeDays` from `today`.
    static func publish(_ event: CompetitionEvent, results: [Computed], on today: CivilDate, noticeDays: Int, on db: any Database)
        async throws
    {
        event.status = .published
        event.noticeStart = today.description
        event.noticeEnds = today.adding(days: noticeDays - 1).description
        try await event.update(on: db)
        try await BulkUpdate.rows(
            of: CompetitionEntry.schema, columns: ["practical", "total", "rank", "award"],
            results.map { ($0.entryID, [$0.practical, $0.total, $0.rank, $0.award]) }, on: db)
    }

    /// Makes the results final and hands out certificates and honors.
    static func finalise(_ event: CompetitionEvent, competition: Competition, on today: CivilDate, editor: Editor, on db: any Database)
        async throws
    {
        event.status = .final
        event.finalisedDate = today.description
        try await event.update(on: db)
        try await award(event, competition: competition, editor: editor, on: db)
    }

    /// Certificates for every award and an honor for every individual award, each made once:
    /// an honor's source names its entry, and the database keeps sources unique.
    static func award(_ event: CompetitionEvent, competition: Competition, editor: Editor, on db: any Database) async throws {
        let entries = try await CompetitionEntry.query(on: db).filter(\.$eventID == event.requireID()).filter(\.$award != nil).all()
        var generator = SystemRandomNumberGenerator()
        for entry in entries where entry.certificateNumber == nil {
            entry.certificateNumber = CertificateNumber.make(year: competition.year, using: &generator)
            try await entry.update(on: db)
        }
        guard event.kind == .individual else { return }
        let members = Dictionary(
            try await Member.query(on: db).filter(\.$id ~~ entries.compactMap(\.memberID)).all().compactMap { member in
                member.id.map { ($0, member) }
            },
            uniquingKeysWith: { first, _ in first })
        let grants = try entries.compactMap { entry -> HonorService.Grant? in
            guard let memberID = entry.memberID, let member = members[memberID],
                let award = entry.award.flatMap(CompetitionAward.init(rawValue:))
            else { return nil }
            return HonorService.Grant(
                member: member, title: award.honorTitle, level: competition.level, year: competition.year,
                awardingBody: competition.organizer, source: "competition-entry:\(try entry.requireID())")
        }
        try await HonorService.confer(grants, by: editor, on: db)
    }

    // MARK: Objections

    static func objections(of event: CompetitionEvent, on db: any Database) async throws -> [ObjectionOutput] {
        try await CompetitionObjection.query(on: db).filter(\.$eventID == event.requireID()).sort(\.$raisedDate).all().map(output)
    }

    static func output(_ row: CompetitionObjection) throws -> ObjectionOutput {
        ObjectionOutput(
            id: try row.requireID(), eventId: row.eventID, entryId: row.entryID, raisedBy: row.raisedBy, content: row.content,
            raisedDate: row.raisedDate, status: row.status, resolution: row.resolution, resolvedDate: row.resolvedDate)
    }

    /// An objection is recorded while the results are on public notice.
    static func raise(_ input: ObjectionInput, event: CompetitionEvent, context: WriteContext) async throws -> CompetitionObjection {
        guard event.status == .published else { throw AppError.conflict("status", "error.competition.notPublished") }
        if let entryID = input.entryId { _ = try await CompetitionEntries.entry(entryID, of: event, on: context.app.db) }
        let row = CompetitionObjection()
        row.eventID = try event.requireID()
        row.entryID = input.entryId
        row.raisedBy = try Held.text(input.raisedBy, field: "raisedBy", max: 100)
        row.content = try Held.text(input.content, field: "content", max: 2_000)
        row.raisedDate = CivilDate(context.editor.at).description
        row.status = .open
        let editor = context.editor
        try await context.app.write { db in
            try await row.create(on: db)
            try await Audit.record(.update, event, before: nil, after: ["objection": row.raisedBy + ": " + row.content], by: editor, on: db)
        }
        return row
    }

    static func resolve(_ input: ResolveInput, objectionID: UUID, event: CompetitionEvent, context: WriteContext) async throws
        -> CompetitionObjection
    {
        guard let row = try await CompetitionObjection.find(objectionID, on: context.app.db), row.eventID == event.id else {
            throw AppError.notFound
        }
        guard row.status == .open else { throw AppError.conflict("status", "error.competition.objectionResolved") }
        guard let upheld = input.upheld else { throw AppError.invalid("upheld", "error.required") }
        row.resolution = try Held.text(input.resolution, field: "resolution", max: 2_000)
        row.status = upheld ? .upheld : .dismissed
        row.resolvedDate = CivilDate(context.editor.at).description
        let editor = context.editor
        try await context.app.write { db in
            try await row.update(on: db)
            try await Audit.record(
                .update, event, before: ["objection": row.content],
                after: ["objection": row.status.rawValue + ": " + (row.resolution ?? "")], by: editor, on: db)
        }
        return row
    }

    // MARK: Certificates

    /// The public check of a number: unknown numbers count against the caller's address, so numbers
    /// cannot be tried in bulk (429 with the wait once it has missed too often).
    static func verify(_ number: String, request: Request) async throws -> (CertificateOutput, CompetitionEntry) {
        let claims = try await LoginThrottles.claim(LoginThrottles.lookupKeys(on: request), on: request)
        do {
            let found = try await certificate(number, on: request.db)
            try await LoginThrottles.succeeded(claims, on: request)
            return found
        } catch let error as AppError where error.status == .notFound {
            try await LoginThrottles.failed(claims, on: request)
            throw error
        }
    }

    /// The certificate with this number, for anyone who holds it to verify; 404 for any other.
    static func certificate(_ number: String, on db: any Database) async throws -> (CertificateOutput, CompetitionEntry) {
        guard CertificateNumber.isWellFormed(number),
            let entry = try await CompetitionEntry.query(on: db).filter(\.$certificateNumber == number).first(),
            let event = try await CompetitionEvent.find(entry.eventID, on: db), event.status == .final,
            let competition = try await Competition.find(entry.competitionID, on: db), competition.deletedAt == nil, let award = entry.award
        else { throw AppError.notFound }
        let entrants = try await CompetitionEntrant.query(on: db).filter(\.$entryID == entry.requireID()).all(\.$memberID)
        let names = try await MentorshipService.memberNames(entrants, on: db)
        return (
            CertificateOutput(
                number: number, names: entrants.compactMap { names[$0] }, teamName: entry.teamName, competition: competition.name,
                year: competition.year, trade: event.trade, award: award, organizer: competition.organizer,
                finalisedDate: event.finalisedDate ?? ""), entry
        )
    }
}

extension Result where Success == EventStatus, Failure == FieldIssue {
    /// An illegal step is a 409.
    func orInvalidStep() throws -> EventStatus {
        switch self {
        case .success(let status): return status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
    }
}
