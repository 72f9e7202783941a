import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A member's standing with the union: enrolling, leaving, rejoining, and the history of it. Every
/// write here runs inside the caller's transaction, beside the member row it changes.
enum Membership {
    /// Creates a new member row with its number, name parts and the unit's count.
    static func enrol(_ member: Member, on db: any Database) async throws {
        member.membershipStatus = .active
        if member.membershipNumber == nil {
            member.membershipNumber = MembershipNumber.make(serial: try await Sequences.take(Sequences.membershipNumber, on: db))
        }
        try await member.create(on: db)
        try await NameParts.write(member: member.requireID(), name: member.nameKey, on: db)
        try await MemberCounts.adjust(member.unitID, by: 1, on: db)
        let joined = member.joinDate.flatMap(CivilDate.init) ?? CivilDate(Date())
        try await MembershipEvent(member: member.requireID(), unit: member.unitID, kind: .joined, date: joined).create(on: db)
    }

    /// Sets the employment form; a platform worker names their platform, others have none.
    static func applyEmployment(form: EmploymentForm?, platform: String?, to member: Member) throws {
        let form = form ?? member.employmentForm
        let name = (platform ?? member.platform ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if form == .platform {
            guard !name.isEmpty else { throw AppError.invalid("platform", "error.required") }
            guard name.count <= 50 else { throw AppError.invalid("platform", "error.tooLong", ["50"]) }
            member.platform = name
        } else {
            member.platform = nil
        }
        member.employmentForm = form
    }

    /// A leave or rejoin step: `kind` and `note` for leaving, `unitId` for rejoining elsewhere.
    struct StepInput: Content {
        var kind: LeaveKind?
        var date: String?
        var note: String?
        var unitId: UUID?
        var version: Int?
    }

    static func step(_ step: MembershipStep, _ member: Member, input: StepInput, context: WriteContext) async throws {
        if case .failure(let issue) = step.allowed(from: member.membershipStatus) {
            throw AppError(status: .conflict, key: issue.key, field: issue.field)
        }
        switch step {
        case .leave: try await leave(member, input: input, context: context)
        case .rejoin: try await rejoin(member, input: input, context: context)
        }
    }

    /// Ends an active membership: out of the counts and lists by default, kept on record.
    private static func leave(_ member: Member, input: StepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard let kind = input.kind else { throw AppError.invalid("kind", "error.required") }
        let date = try day(input.date, field: "date", notBefore: member.joinDate, today: CivilDate(context.editor.at))
        let note = try Held.text(input.note, field: "note", required: false, max: 200)
        let before = member.auditSnapshot()
        let editor = context.editor
        try await context.app.write { db in
            try await member.claimVersion(version, on: db)
            try await end(member, kind: kind, date: date, note: note.isEmpty ? nil : note, on: db)
            try await Audit.record(.update, member, before: before, by: editor, on: db)
        }
    }

    /// The membership ended on `date`, inside the caller's transaction: out of the unit's count, into the history.
    static func end(_ member: Member, kind: LeaveKind, date: CivilDate, note: String?, on db: any Database) async throws {
        member.membershipStatus = kind.status
        member.statusDate = date.description
        try await member.update(on: db)
        try await MemberCounts.adjust(member.unitID, by: -1, on: db)
        try await MembershipEvent(member: member.requireID(), unit: member.unitID, kind: kind.event, date: date, note: note).create(on: db)
    }

    /// Brings a former member back, in their unit or another of the officer's.
    private static func rejoin(_ member: Member, input: StepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let date = try day(input.date, field: "date", notBefore: member.statusDate, today: CivilDate(context.editor.at))
        let unit = input.unitId ?? member.unitID
        guard context.scope.contains(unit), context.scope.tree.nodes[unit] != nil else {
            throw AppError.invalid("unitId", "error.unit.notHeld")
        }
        let before = member.auditSnapshot()
        let editor = context.editor
        try await context.app.write { db in
            try await member.claimVersion(version, on: db)
            try await reactivate(member, unit: unit, date: date, on: db)
            try await Audit.record(.update, member, before: before, by: editor, on: db)
        }
    }

    /// The member active again from `date` in `unit`, with the rejoining in their history.
    static func reactivate(_ member: Member, unit: UUID, date: CivilDate, on db: any Database) async throws {
        let formerUnit = member.unitID
        member.unitID = unit
        member.membershipStatus = .active
        member.statusDate = date.description
        member.joinDate = date.description
        try await member.update(on: db)
        try await MemberCounts.adjust(unit, by: 1, on: db)
        if unit != formerUnit { try await HonorService.follow(member: member.requireID(), to: unit, on: db) }
        try await MembershipEvent(member: member.requireID(), unit: unit, kind: .rejoined, date: date).create(on: db)
    }

    /// A member's history, oldest first.
    static func history(of member: Member, on db: any Database) async throws -> [MembershipEventOutput] {
        try await MembershipEvent.query(on: db).filter(\.$memberID == member.requireID()).sort(\.$date).sort(\.$createdAt).all()
            .map(MembershipEventOutput.init)
    }

    /// A date typed by an officer (today when empty), not in the future and not before `notBefore`.
    static func day(_ text: String?, field: String, notBefore: String?, today: CivilDate) throws -> CivilDate {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard let date = trimmed.isEmpty ? today : CivilDate(trimmed) else { throw AppError.invalid(field, "error.date.invalid") }
        guard date <= today else { throw AppError.invalid(field, "error.date.future") }
        if let notBefore, date.description < notBefore { throw AppError.invalid(field, "error.date.order") }
        return date
    }
}
