import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Judges' score sheets: one per judge per entry, every item marked within its maximum, locked
/// once submitted. Only the chief judge corrects a submitted mark, with a reason, audited.
enum CompetitionSheets {
    /// The user's place on the event's panel; 403 naming the judge when they have none.
    static func judge(_ user: User, of event: CompetitionEvent, on db: any Database) async throws -> CompetitionJudge {
        guard
            let judge = try await CompetitionJudge.query(on: db).filter(\.$eventID == event.requireID()).filter(
                \.$userID == user.requireID()
            ).first()
        else {
            throw AppError(status: .forbidden, key: "error.competition.notJudge", field: "judge")
        }
        return judge
    }

    static func isConflicted(_ judge: CompetitionJudge, _ entry: CompetitionEntry) -> Bool {
        judge.organizationID != nil && judge.organizationID == entry.employerID
    }

    static func submit(_ input: SheetInput, entry: CompetitionEntry, event: CompetitionEvent, user: User, editor: Editor, app: Application)
        async throws -> CompetitionSheet
    {
        let judge = try await judge(user, of: event, on: app.db)
        guard event.status == .open else { throw AppError.conflict("status", "error.competition.notOpen") }
        if isConflicted(judge, entry) { throw AppError.conflict("entryId", "error.competition.judgeConflict") }
        let items = try await CompetitionService.items(of: event, on: app.db)
        var given: [UUID: Int] = [:]
        for mark in input.marks ?? [] {
            guard items.contains(where: { $0.id == mark.itemId }) else { throw AppError.invalid("marks", "error.competition.unknownItem") }
            guard given[mark.itemId] == nil else { throw AppError.invalid("marks", "error.competition.itemTwice") }
            given[mark.itemId] = mark.marks
        }
        for item in items {
            guard let marks = given[try item.requireID()] else {
                throw AppError.invalid("marks", "error.competition.markMissing", [item.name])
            }
            if let issue = CompetitionScoring.checkMark(marks, maximum: item.maximum, field: "marks") {
                throw AppError.invalid("marks", issue.key, [item.name] + issue.arguments)
            }
        }
        let sheet = CompetitionSheet()
        sheet.eventID = try event.requireID()
        sheet.entryID = try entry.requireID()
        sheet.judgeID = try user.requireID()
        sheet.submittedAt = editor.at
        let marks = given
        return try await app.write { db in
            if try await CompetitionSheet.query(on: db).filter(\.$entryID == sheet.entryID).filter(\.$judgeID == sheet.judgeID).count() > 0
            {
                throw AppError.conflict("entryId", "error.competition.sheetTwice")
            }
            try await sheet.create(on: db)
            let sheetID = try sheet.requireID()
            try await BulkInsert.rows(
                into: CompetitionMark.schema, columns: ["id", "sheet_id", "event_id", "entry_id", "item_id", "marks"],
                marks.map { [UUID(), sheetID, sheet.eventID, sheet.entryID, $0.key, $0.value] }, on: db)
            try await Audit.record(
                .update, event, before: nil, after: ["sheet": "\(entry.number) / \(user.displayName)"], by: editor, on: db)
            return sheet
        }
    }

    static func outputs(_ sheets: [CompetitionSheet], on db: any Database) async throws -> [SheetOutput] {
        let ids = sheets.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var marks: [UUID: [MarkOutput]] = [:]
        for mark in try await CompetitionMark.query(on: db).filter(\.$sheetID ~~ ids).all() {
            marks[mark.sheetID, default: []].append(MarkOutput(itemId: mark.itemID, marks: mark.marks))
        }
        let users = Dictionary(
            try await User.query(on: db).filter(\.$id ~~ sheets.map(\.judgeID)).all().compactMap { user in
                user.id.map { ($0, user.displayName) }
            },
            uniquingKeysWith: { first, _ in first })
        let numbers = Dictionary(
            try await CompetitionEntry.query(on: db).filter(\.$id ~~ sheets.map(\.entryID)).all().compactMap { entry in
                entry.id.map { ($0, entry.number) }
            },
            uniquingKeysWith: { first, _ in first })
        return try sheets.map { sheet in
            SheetOutput(
                id: try sheet.requireID(), entryId: sheet.entryID, entryNumber: numbers[sheet.entryID] ?? 0, judgeId: sheet.judgeID,
                judgeName: users[sheet.judgeID] ?? "", submittedAt: sheet.submittedAt, marks: marks[try sheet.requireID()] ?? [])
        }
    }

    /// The chief judge corrects one submitted mark; the sheet stays locked to its judge.
    static func correct(_ input: CorrectionInput, sheetID: UUID, event: CompetitionEvent, user: User, editor: Editor, app: Application)
        async throws -> CompetitionSheet
    {
        let judge = try await judge(user, of: event, on: app.db)
        guard judge.chief else { throw AppError(status: .forbidden, key: "error.competition.notChief", field: "judge") }
        guard event.status == .open else { throw AppError.conflict("status", "error.competition.notOpen") }
        guard let sheet = try await CompetitionSheet.find(sheetID, on: app.db), sheet.eventID == event.id else { throw AppError.notFound }
        guard let itemID = input.itemId, let item = try await CompetitionItem.find(itemID, on: app.db), item.eventID == event.id else {
            throw AppError.invalid("itemId", "error.competition.unknownItem")
        }
        if let issue = CompetitionScoring.checkMark(input.marks, maximum: item.maximum, field: "marks") { throw AppError.invalid(issue) }
        let reason = try Held.text(input.reason, field: "reason", max: 500)
        let marks = input.marks ?? 0
        return try await app.write { db in
            guard let mark = try await CompetitionMark.query(on: db).filter(\.$sheetID == sheetID).filter(\.$itemID == itemID).first()
            else { throw AppError.notFound }
            let correction = CompetitionCorrection()
            correction.sheetID = sheetID
            correction.itemID = itemID
            correction.before = mark.marks
            correction.after = marks
            correction.reason = reason
            correction.byID = try user.requireID()
            correction.at = editor.at
            mark.marks = marks
            try await mark.update(on: db)
            try await correction.create(on: db)
            try await Audit.record(
                .update, event, before: ["mark": "\(item.name): \(CompetitionScoring.format(hundredths: correction.before))"],
                after: ["mark": "\(item.name): \(CompetitionScoring.format(hundredths: marks))", "reason": reason], by: editor, on: db)
            return sheet
        }
    }
}
