import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Entering an event: one member, or a team of 2–5 of one employer; a member enters an event once.
enum CompetitionEntries {
    static func entries(of event: CompetitionEvent, on db: any Database) async throws -> [EntryOutput] {
        let eventID = try event.requireID()
        let rows = try await CompetitionEntry.query(on: db).filter(\.$eventID == eventID).sort(\.$number).all()
        return try await outputs(rows, eventID: eventID, on: db)
    }

    static func outputs(_ rows: [CompetitionEntry], eventID: UUID, on db: any Database) async throws -> [EntryOutput] {
        let entrantRows = try await CompetitionEntrant.query(on: db).filter(\.$eventID == eventID).all()
        let names = try await MentorshipService.memberNames(entrantRows.map(\.memberID), on: db)
        var entrants: [UUID: [EntrantOutput]] = [:]
        for row in entrantRows {
            entrants[row.entryID, default: []].append(EntrantOutput(memberId: row.memberID, name: names[row.memberID] ?? ""))
        }
        var sheets: [UUID: Int] = [:]
        for id in try await CompetitionSheet.query(on: db).filter(\.$eventID == eventID).all(\.$entryID) { sheets[id, default: 0] += 1 }
        return try rows.map { row in
            let id = try row.requireID()
            return EntryOutput(
                id: id, eventId: row.eventID, unitId: row.unitID, number: row.number, memberId: row.memberID, teamName: row.teamName,
                employerId: row.employerID, entrants: entrants[id] ?? [], theoryMarks: row.theoryMarks,
                completionSeconds: row.completionSeconds,
                practical: row.practical, total: row.total, rank: row.rank, award: row.award, certificateNumber: row.certificateNumber,
                sheets: sheets[id] ?? 0)
        }
    }

    static func entry(_ id: UUID, of event: CompetitionEvent, on db: any Database) async throws -> CompetitionEntry {
        guard let entry = try await CompetitionEntry.find(id, on: db), entry.eventID == event.id else { throw AppError.notFound }
        return entry
    }

    /// Enters members in an event. `scope` is the officer's subtree, or for a member entering
    /// themselves the competition's; `required` is the member who must be in the entry (themselves).
    static func enter(_ input: EntryInput, event: CompetitionEvent, scope: UnitScope, required: UUID?, editor: Editor, app: Application)
        async throws -> CompetitionEntry
    {
        guard event.status == .open else { throw AppError.conflict("status", "error.competition.notOpen") }
        let db = app.db
        var members: [Member] = []
        var teamName: String?
        switch event.kind {
        case .individual:
            let id = input.memberId ?? required
            if let required, id != required { throw AppError.forbidden }
            members = [try await Held.member(id, field: "memberId", scope: scope, on: db)]
        case .team:
            teamName = try Held.text(input.teamName, field: "teamName", max: 100)
            var ids = input.memberIds ?? []
            if let required, !ids.contains(required) { ids.insert(required, at: 0) }
            for id in ids { members.append(try await Held.member(id, field: "memberIds", scope: scope, on: db)) }
            if let issue = TeamRules.check(members: ids, employers: members.map(\.organizationID)) { throw AppError.invalid(issue) }
        }
        let entry = CompetitionEntry()
        entry.eventID = try event.requireID()
        entry.competitionID = event.competitionID
        entry.unitID = members[0].unitID
        entry.memberID = event.kind == .individual ? members[0].id : nil
        entry.teamName = teamName
        entry.employerID = members[0].organizationID
        let memberIDs = try members.map { try $0.requireID() }
        let eventID = entry.eventID
        let names = Dictionary(
            members.compactMap { member in member.id.map { ($0, member.name) } }, uniquingKeysWith: { first, _ in first })
        return try await app.write { db in
            let taken = try await CompetitionEntrant.query(on: db).filter(\.$eventID == eventID).filter(\.$memberID ~~ memberIDs).all(
                \.$memberID)
            if let first = taken.first {
                let name = names[first] ?? ""
                throw AppError(
                    status: .conflict, key: "error.competition.enteredTwice", field: event.kind == .individual ? "memberId" : "memberIds",
                    arguments: [name])
            }
            entry.number = (try await CompetitionEntry.query(on: db).filter(\.$eventID == eventID).max(\.$number) ?? 0) + 1
            try await entry.create(on: db)
            for id in memberIDs {
                let entrant = CompetitionEntrant()
                entrant.entryID = try entry.requireID()
                entrant.eventID = eventID
                entrant.memberID = id
                try await entrant.create(on: db)
            }
            try await Counters.add(1, to: "entry_count", of: CompetitionEvent.schema, id: eventID, on: db)
            try await Audit.record(
                .update, event, before: nil,
                after: ["entry": "\(entry.number): " + memberIDs.compactMap { names[$0] }.joined(separator: "、")], by: editor, on: db)
            return entry
        }
    }

    /// The theory mark (out of 100, in hundredths) and the practical task's time.
    static func setTheory(_ input: TheoryInput, entry: CompetitionEntry, event: CompetitionEvent, context: WriteContext) async throws {
        guard event.status == .open else { throw AppError.conflict("status", "error.competition.notOpen") }
        if let marks = input.theoryMarks, let issue = CompetitionScoring.checkMark(marks, maximum: 100_00, field: "theoryMarks") {
            throw AppError.invalid(issue)
        }
        if let seconds = input.completionSeconds, seconds < 0 { throw AppError.invalid("completionSeconds", "error.amount.positive") }
        let before = [
            "theoryMarks": entry.theoryMarks.map(String.init) ?? "", "completionSeconds": entry.completionSeconds.map(String.init) ?? "",
        ]
        entry.theoryMarks = input.theoryMarks ?? entry.theoryMarks
        entry.completionSeconds = input.completionSeconds ?? entry.completionSeconds
        let editor = context.editor
        try await context.app.write { db in
            try await entry.update(on: db)
            try await Audit.record(
                .update, event, before: before,
                after: [
                    "entry": String(entry.number), "theoryMarks": entry.theoryMarks.map(String.init) ?? "",
                    "completionSeconds": entry.completionSeconds.map(String.init) ?? "",
                ], by: editor, on: db)
        }
    }
}
