import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The steps of an item after submission, each recorded for its author to follow.
enum InnovationWorkflow {
    static let maxTextLength = 500

    static func step(_ step: InnovationStep, _ item: InnovationItem, input: InnovationStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: InnovationStatus
        switch step.apply(to: item.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field)
        }
        let today = CivilDate(context.editor.at)
        func date(notBefore earliest: String?) throws -> String {
            var date = today
            if let text = input.date, !text.isEmpty {
                guard let parsed = CivilDate(text) else { throw AppError.invalid("date", "error.date.invalid") }
                guard parsed <= today else { throw AppError.invalid("date", "error.date.future") }
                date = parsed
            }
            if let earliest, date.description < earliest { throw AppError.invalid("date", "error.date.order") }
            return date.description
        }
        func text(_ value: String?, field: String) throws -> String {
            let value = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw AppError.invalid(field, "error.required") }
            guard value.count <= maxTextLength else { throw AppError.invalid(field, "error.tooLong", [String(maxTextLength)]) }
            return value
        }
        let before = item.auditSnapshot()
        var note: String?
        var award: InnovationAward?
        switch step {
        case .review:
            break
        case .adopt:
            let scored = try await InnovationReview.query(on: context.app.db).filter(\.$itemID == item.requireID()).filter(
                \.$submittedAt != nil
            ).count()
            guard scored > 0 else { throw AppError.conflict("status", "error.innovation.notScored") }
            item.decisionDate = try date(notBefore: item.submittedDate)
        case .reject:
            let reason = try text(input.reason, field: "reason")
            item.rejectReason = reason
            item.decisionDate = try date(notBefore: item.submittedDate)
            note = reason
        case .implement:
            item.implementedDate = try date(notBefore: item.decisionDate)
        case .assess:
            guard let benefit = input.benefitFen else { throw AppError.invalid("benefitFen", "error.required") }
            guard benefit >= 0 else { throw AppError.invalid("benefitFen", "error.amount.positive") }
            item.benefitMethod = try text(input.method, field: "method")
            item.benefitFen = benefit
            item.assessedDate = try date(notBefore: item.implementedDate)
            note = Fen(benefit).description
        case .award:
            if let issue = InnovationAwardRules.check(level: input.level, grade: input.grade, year: input.year, currentYear: today.year) {
                throw AppError.invalid(issue)
            }
            guard let level = input.level, let grade = input.grade, let year = input.year else {
                throw AppError.invalid("level", "error.required")
            }
            let decided = Int((item.decisionDate ?? item.submittedDate).prefix(4)) ?? 0
            guard year >= decided else { throw AppError.invalid("year", "error.innovation.awardYear", [String(decided)]) }
            let made = InnovationAward()
            made.itemID = try item.requireID()
            made.unitID = item.unitID
            made.level = level
            made.grade = grade
            made.year = year
            made.awardedBy = try text(input.awardedBy, field: "awardedBy")
            made.name = try text(input.name, field: "name")
            award = made
            note = made.name
        }
        item.status = next
        item.authorUnread = true
        let editor = context.editor
        let newAward = award
        let event = InnovationEvent(itemID: try item.requireID(), at: editor.at, status: next, note: note)
        try await context.app.write { db in
            try await item.claimVersion(version, on: db)
            try await item.update(on: db)
            try await event.create(on: db)
            if let newAward {
                try await newAward.create(on: db)
                try await Audit.record(.create, newAward, by: editor, on: db)
            }
            try await Audit.record(.update, item, before: before, by: editor, on: db)
        }
    }

    /// The item's status history, for its author and its officers.
    static func events(of item: InnovationItem, on db: any Database) async throws -> [InnovationEvent] {
        try await InnovationEvent.query(on: db).filter(\.$itemID == item.requireID()).sort(\.$at).sort(\.$id).all()
    }

    // MARK: Seconding

    /// A co-worker seconds an item: once each, not their own, while it is still undecided.
    static func second(_ item: InnovationItem, request: Request) async throws {
        let (member, context) = try await InnovationService.workerContext(request)
        let memberID = try member.requireID()
        guard context.scope.contains(item.unitID) else {
            throw AppError.notFound
        }
        guard item.status == .submitted || item.status == .underReview else {
            throw AppError.conflict("status", "error.innovation.secondClosed")
        }
        guard try await !InnovationService.isAuthor(memberID, of: item, on: context.app.db) else {
            throw AppError.conflict("memberId", "error.innovation.secondOwn")
        }
        let itemID = try item.requireID()
        let at = context.editor.at
        try await context.app.write { db in
            guard try await InnovationSecond.query(on: db).filter(\.$itemID == itemID).filter(\.$memberID == memberID).first() == nil else {
                throw AppError.conflict("memberId", "error.innovation.secondTwice")
            }
            let second = InnovationSecond()
            second.itemID = itemID
            second.memberID = memberID
            second.at = at
            try await second.create(on: db)
            // The count moves with the row, in SQL, so two co-workers at once both count.
            try await Counters.add(1, to: "seconds_count", of: InnovationItem.schema, id: itemID, on: db)
        }
        item.secondsCount += 1
    }

    static func seconds(of item: InnovationItem, on db: any Database) async throws -> [SecondOutput] {
        let rows = try await InnovationSecond.query(on: db).filter(\.$itemID == item.requireID()).sort(\.$at).all()
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        return rows.map { SecondOutput(memberId: $0.memberID, name: names[$0.memberID] ?? "", at: $0.at) }
    }
}
