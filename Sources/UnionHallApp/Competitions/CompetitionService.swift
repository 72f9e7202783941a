import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Competitions and their events: the marking scheme, award bands and judges of each trade.
enum CompetitionService {
    static func list(_ list: ListQuery, filter: CompetitionFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        CompetitionOutput
    > {
        let query = try base(list, scope: scope, on: db)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let year = filter.year { query.filter(\.$year == year) }
        if filter.openObjections == true {
            let open = try await CompetitionEvent.query(on: db)
                .join(CompetitionObjection.self, on: \CompetitionEvent.$id == \CompetitionObjection.$eventID)
                .filter(CompetitionObjection.self, \.$status == .open).unique().all(\.$competitionID)
            query.filter(\.$id ~~ open)
        }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$name ~~ q) }
        query.sort(\.$year, .descending).sort(\.$name).sort(\.$id)
        let total = try await query.copy().count()
        return ListPage(items: try await query.range(list.rowRange).all().map(output), list: list, total: total)
    }

    /// Competitions in scope whose year falls in the period.
    static func base(_ list: ListQuery, scope: UnitScope, on db: any Database) throws -> QueryBuilder<Competition> {
        let query = try scope.apply(to: Competition.query(on: db), unitKey: \.$unitID, within: list.unitId)
        let (from, to) = try list.period()
        if let from { query.filter(\.$year >= CivilDate(from).year) }
        if let to { query.filter(\.$year <= CivilDate(to.addingTimeInterval(-1)).year) }
        return query
    }

    static func output(_ row: Competition) throws -> CompetitionOutput {
        CompetitionOutput(
            id: try row.requireID(), unitId: row.unitID, name: row.name, year: row.year, organizer: row.organizer, level: row.level,
            events: row.eventCount, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
    }

    static func save(_ input: CompetitionInput, to row: Competition, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        if !isNew, input.version == nil { throw AppError.invalid("version", "error.required") }
        let name = try Held.text(input.name ?? (isNew ? nil : row.name), field: "name")
        guard let year = input.year ?? (isNew ? nil : row.year) else { throw AppError.invalid("year", "error.required") }
        guard (2000...CivilDate(context.editor.at).year + 1).contains(year) else { throw AppError.invalid("year", "error.honor.year") }
        let organizer = try Held.text(input.organizer ?? (isNew ? nil : row.organizer), field: "organizer")
        let before = isNew ? nil : row.auditSnapshot()
        row.unitID = isNew ? try Held.unit(input.unitId, context: context) : row.unitID
        row.name = name
        row.year = year
        row.organizer = organizer
        row.level = input.level ?? (isNew ? .city : row.level)
        if isNew { row.eventCount = 0 }
        try await context.save(row, version: input.version, before: before, once: once)
    }

    // MARK: Events

    static func events(of competition: Competition, on db: any Database) async throws -> [EventOutput] {
        let rows = try await CompetitionEvent.query(on: db).filter(\.$competitionID == competition.requireID()).sort(\.$number).all()
        return try await outputs(rows, on: db)
    }

    static func outputs(_ rows: [CompetitionEvent], on db: any Database) async throws -> [EventOutput] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var items: [UUID: [ItemOutput]] = [:]
        for item in try await CompetitionItem.query(on: db).filter(\.$eventID ~~ ids).sort(\.$position).all() {
            items[item.eventID, default: []].append(
                ItemOutput(id: try item.requireID(), position: item.position, name: item.name, maximum: item.maximum, kind: item.kind))
        }
        let judgeRows = try await CompetitionJudge.query(on: db).filter(\.$eventID ~~ ids).all()
        let users = Dictionary(
            try await User.query(on: db).filter(\.$id ~~ judgeRows.map(\.userID)).all().compactMap { user in
                user.id.map { ($0, user.displayName) }
            },
            uniquingKeysWith: { first, _ in first })
        var judges: [UUID: [JudgeOutput]] = [:]
        for judge in judgeRows {
            judges[judge.eventID, default: []].append(
                JudgeOutput(
                    id: try judge.requireID(), userId: judge.userID, name: users[judge.userID] ?? "",
                    organizationId: judge.organizationID, chief: judge.chief))
        }
        var objections: [UUID: Int] = [:]
        for id in try await CompetitionObjection.query(on: db).filter(\.$eventID ~~ ids).filter(\.$status == .open).all(\.$eventID) {
            objections[id, default: 0] += 1
        }
        return try rows.map { row in
            let id = try row.requireID()
            return EventOutput(
                id: id, competitionId: row.competitionID, unitId: row.unitID, number: row.number, trade: row.trade, kind: row.kind,
                theoryWeight: row.theoryWeight, practicalWeight: row.practicalWeight, items: items[id] ?? [],
                expertCount: row.expertCount, pacesetterCount: row.pacesetterCount, outstandingCount: row.outstandingCount,
                minimumTotal: row.minimumTotal / 100, firstPrizes: row.firstPrizes, secondPrizes: row.secondPrizes,
                thirdPrizes: row.thirdPrizes,
                status: row.status, noticeStart: row.noticeStart, noticeEnds: row.noticeEnds, finalisedDate: row.finalisedDate,
                entries: row.entryCount,
                judges: (judges[id] ?? []).sorted { ($0.chief ? 0 : 1, $0.name) < ($1.chief ? 0 : 1, $1.name) },
                openObjections: objections[id] ?? 0, version: row.version)
        }
    }

    /// An event of a competition in scope; 404 otherwise.
    static func event(_ id: UUID, of competition: Competition, on db: any Database) async throws -> CompetitionEvent {
        guard let event = try await CompetitionEvent.find(id, on: db), event.competitionID == competition.id else {
            throw AppError.notFound
        }
        return event
    }

    static func items(of event: CompetitionEvent, on db: any Database) async throws -> [CompetitionItem] {
        try await CompetitionItem.query(on: db).filter(\.$eventID == event.requireID()).sort(\.$position).all()
    }

    /// Adds an event, or changes one while it is open and no sheet has been submitted.
    static func saveEvent(_ input: EventInput, to event: CompetitionEvent, competition: Competition, context: WriteContext) async throws {
        let isNew = event.id == nil
        if !isNew {
            guard input.version != nil else { throw AppError.invalid("version", "error.required") }
            guard event.status == .open else { throw AppError.conflict("status", "error.competition.notOpen") }
            if try await CompetitionSheet.query(on: context.app.db).filter(\.$eventID == event.requireID()).count() > 0,
                input.items != nil || input.theoryWeight != nil || input.practicalWeight != nil
            {
                throw AppError.conflict("items", "error.competition.schemeLocked")
            }
        }
        let trade = try Held.text(input.trade ?? (isNew ? nil : event.trade), field: "trade", max: 50)
        guard try await TradeBook.load(on: context.app.db).accepts(trade, holding: isNew ? nil : event.trade) else {
            throw AppError.invalid("trade", "error.trade.unknown")
        }
        guard let kind = input.kind ?? (isNew ? nil : event.kind) else { throw AppError.invalid("kind", "error.required") }
        let theory = input.theoryWeight ?? (isNew ? nil : event.theoryWeight)
        let practical = input.practicalWeight ?? (isNew ? nil : event.practicalWeight)
        guard let theory else { throw AppError.invalid("theoryWeight", "error.required") }
        guard let practical else { throw AppError.invalid("practicalWeight", "error.required") }
        var newItems: [CompetitionItem]?
        if let inputs = input.items {
            newItems = try inputs.enumerated().map { index, item in
                let row = CompetitionItem()
                row.position = index + 1
                row.name = try Held.text(item.name, field: "items", max: 100)
                guard let maximum = item.maximum else { throw AppError.invalid("items", "error.required") }
                row.maximum = maximum
                row.kind = item.kind ?? .judgement
                return row
            }
        } else if isNew {
            newItems = []
        }
        let maxima: [Int]
        if let newItems { maxima = newItems.map(\.maximum) } else { maxima = try await items(of: event, on: context.app.db).map(\.maximum) }
        if let issue = CompetitionScoring.Scheme(theoryWeight: theory, practicalWeight: practical, itemMaxima: maxima).check() {
            throw AppError.invalid(issue)
        }
        func count(_ value: Int?, _ current: Int, field: String) throws -> Int {
            let value = value ?? (isNew ? 0 : current)
            guard (0...1_000).contains(value) else { throw AppError.invalid(field, "error.range", ["0", "1000"]) }
            return value
        }
        event.expertCount = try count(input.expertCount, isNew ? 0 : event.expertCount, field: "expertCount")
        event.pacesetterCount = try count(input.pacesetterCount, isNew ? 0 : event.pacesetterCount, field: "pacesetterCount")
        event.outstandingCount = try count(input.outstandingCount, isNew ? 0 : event.outstandingCount, field: "outstandingCount")
        event.firstPrizes = try count(input.firstPrizes, isNew ? 0 : event.firstPrizes, field: "firstPrizes")
        event.secondPrizes = try count(input.secondPrizes, isNew ? 0 : event.secondPrizes, field: "secondPrizes")
        event.thirdPrizes = try count(input.thirdPrizes, isNew ? 0 : event.thirdPrizes, field: "thirdPrizes")
        let minimum = input.minimumTotal ?? (isNew ? 0 : event.minimumTotal / 100)
        guard (0...10_000).contains(minimum) else { throw AppError.invalid("minimumTotal", "error.range", ["0", "100"]) }
        let before = isNew ? nil : event.auditSnapshot()
        event.trade = trade
        event.kind = kind
        event.theoryWeight = theory
        event.practicalWeight = practical
        event.minimumTotal = minimum * 100
        let competitionID = try competition.requireID()
        let editor = context.editor
        let version = input.version
        let items = newItems
        try await context.app.write { db in
            let same = CompetitionEvent.query(on: db).filter(\.$competitionID == competitionID).filter(\.$trade == trade).filter(
                \.$kind == kind)
            if let id = event.id { same.filter(\.$id != id) }
            if try await same.count() > 0 { throw AppError.conflict("trade", "error.competition.tradeTwice") }
            if isNew {
                event.competitionID = competitionID
                event.unitID = competition.unitID
                event.status = .open
                event.entryCount = 0
                event.version = 1
                event.number = (try await CompetitionEvent.query(on: db).filter(\.$competitionID == competitionID).max(\.$number) ?? 0) + 1
                try await event.create(on: db)
                try await Counters.add(1, to: "event_count", of: Competition.schema, id: competitionID, on: db)
            } else {
                try await event.claimVersion(version ?? 0, on: db)
                try await event.update(on: db)
            }
            if let items {
                let eventID = try event.requireID()
                try await CompetitionItem.query(on: db).filter(\.$eventID == eventID).delete()
                for item in items {
                    item.eventID = eventID
                    try await item.create(on: db)
                }
            }
            try await Audit.record(isNew ? .create : .update, event, before: before, by: editor, on: db)
        }
    }

    // MARK: Judges

    /// Assigns a reviewer account as a judge; their employer (for conflicts) is given or taken
    /// from their own member record.
    static func addJudge(_ input: JudgeInput, to event: CompetitionEvent, context: WriteContext) async throws {
        let db = context.app.db
        guard let userID = input.userId else { throw AppError.invalid("userId", "error.required") }
        guard let user = try await User.find(userID, on: db), user.active, user.role == .reviewer else {
            throw AppError.invalid("userId", "error.competition.notReviewer")
        }
        var organizationID = input.organizationId
        if let organizationID { _ = try await Held.organization(organizationID, field: "organizationId", scope: context.scope, on: db) }
        if organizationID == nil, let memberID = user.memberID { organizationID = try await Member.find(memberID, on: db)?.organizationID }
        let judge = CompetitionJudge()
        judge.eventID = try event.requireID()
        judge.userID = userID
        judge.organizationID = organizationID
        judge.chief = input.chief ?? false
        let editor = context.editor
        let eventID = judge.eventID
        try await context.app.write { db in
            if try await CompetitionJudge.query(on: db).filter(\.$eventID == eventID).filter(\.$userID == userID).count() > 0 {
                throw AppError.conflict("userId", "error.competition.judgeTwice")
            }
            if judge.chief {
                try await CompetitionJudge.query(on: db).filter(\.$eventID == eventID).set(\.$chief, to: false).update()
            }
            try await judge.create(on: db)
            try await Audit.record(
                .update, event, before: nil, after: ["judge": user.displayName + (judge.chief ? " (chief)" : "")], by: editor, on: db)
        }
    }

    /// Removes a judge who has not submitted a sheet.
    static func removeJudge(_ judgeID: UUID, from event: CompetitionEvent, context: WriteContext) async throws {
        let eventID = try event.requireID()
        let editor = context.editor
        try await context.app.write { db in
            guard let judge = try await CompetitionJudge.find(judgeID, on: db), judge.eventID == eventID else { throw AppError.notFound }
            if try await CompetitionSheet.query(on: db).filter(\.$eventID == eventID).filter(\.$judgeID == judge.userID).count() > 0 {
                throw AppError.conflict("userId", "error.competition.judgeHasSheets")
            }
            try await judge.delete(on: db)
            try await Audit.record(.update, event, before: ["judge": judge.userID.uuidString], after: ["judge": ""], by: editor, on: db)
        }
    }
}

extension Competition: UnitOwnedRecord {
    static let routeName = "competitions"

    static func list(_ list: ListQuery, filter: CompetitionFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        CompetitionOutput
    > {
        try await CompetitionService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func create(_ input: CompetitionInput, context: WriteContext, once: FormOnce?) async throws -> Competition {
        let row = Competition()
        try await CompetitionService.save(input, to: row, context: context, once: once)
        return row
    }

    func update(with input: CompetitionInput, context: WriteContext) async throws {
        try await CompetitionService.save(input, to: self, context: context, once: nil)
    }

    static func outputs(_ rows: [Competition], on request: Request) async throws -> [CompetitionOutput] {
        try rows.map(CompetitionService.output)
    }
}
