import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The member register's writes, shared by the API and the pages. Each is one transaction with
/// its audit entry.
enum MemberService {
    static func create(_ input: MemberInput, scope: UnitScope, editor: Editor, once: FormOnce? = nil, on app: Application) async throws
        -> Member
    {
        let member = Member()
        member.version = 1
        try await apply(input, to: member, scope: scope, today: CivilDate(editor.at), on: app.db)
        return try await app.write { db in
            try await once.claim(on: db)
            try await checkUniqueID(member.idNumber, except: nil, scope: scope, on: db)
            try await Membership.enrol(member, on: db)
            try await MemberTitles.record(member, from: nil, on: CivilDate(editor.at), in: db)
            try await Audit.record(.create, member, by: editor, on: db)
            try await once.record(member.id, on: db)
            return member
        }
    }

    static func update(
        _ member: Member, with input: MemberInput, scope: UnitScope, editor: Editor, on app: Application
    ) async throws -> Member {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let before = member.auditSnapshot()
        let formerUnit = member.unitID
        let formerName = member.nameKey
        let formerTitle = member.title
        try await apply(input, to: member, scope: scope, today: CivilDate(editor.at), on: app.db)
        return try await app.write { db in
            try await member.claimVersion(version, on: db)
            try await checkUniqueID(member.idNumber, except: member.id, scope: scope, on: db)
            try await member.update(on: db)
            try await MemberTitles.record(member, from: formerTitle, on: CivilDate(editor.at), in: db)
            if member.nameKey != formerName { try await NameParts.write(member: member.requireID(), name: member.nameKey, on: db) }
            if member.unitID != formerUnit {
                if member.membershipStatus.isActive {
                    try await MemberCounts.adjust(formerUnit, by: -1, on: db)
                    try await MemberCounts.adjust(member.unitID, by: 1, on: db)
                }
                try await HonorService.follow(member: member.requireID(), to: member.unitID, on: db)
            }
            try await Audit.record(.update, member, before: before, by: editor, on: db)
            return member
        }
    }

    static func delete(_ member: Member, editor: Editor, on app: Application) async throws {
        try await app.write { db in
            let before = member.auditSnapshot()
            member.deletedAt = editor.at
            try await member.update(on: db)
            if member.membershipStatus.isActive { try await MemberCounts.adjust(member.unitID, by: -1, on: db) }
            try await Audit.record(.delete, member, before: before, by: editor, on: db)
        }
    }

    static func restore(_ member: Member, scope: UnitScope, editor: Editor, on app: Application) async throws {
        guard member.deletedAt != nil else { return }
        guard scope.tree.nodes[member.unitID] != nil else { throw AppError.conflict("unitId", "error.unit.deleted") }
        try await app.write { db in
            member.deletedAt = nil
            try await member.update(on: db)
            if member.membershipStatus.isActive { try await MemberCounts.adjust(member.unitID, by: 1, on: db) }
            try await Audit.record(.restore, member, by: editor, on: db)
        }
    }

    /// Writes the audit line for an officer seeing a member's ID number and phone in full.
    static func reveal(_ member: Member, editor: Editor, on app: Application) async throws {
        try await app.write { db in try await Audit.record(.reveal, member, by: editor, on: db) }
    }

    /// Merges the input over the member's current fields and validates the whole.
    private static func apply(
        _ input: MemberInput, to member: Member, scope: UnitScope, today: CivilDate, on db: any Database
    ) async throws {
        let isNew = member.id == nil
        let draft = MemberDraft(
            name: input.name ?? (isNew ? "" : member.name),
            gender: input.gender ?? (isNew ? nil : member.gender),
            idNumber: input.idNumber ?? (isNew ? "" : member.idNumber),
            mobile: input.mobile ?? (isNew ? nil : member.mobile),
            trade: input.trade ?? (isNew ? nil : member.trade),
            skillLevel: input.skillLevel ?? (isNew ? nil : member.skillLevel))
        // A new ID implies its gender: an edit that changes only the ID must not trip the check.
        var checked = draft
        if !isNew, input.idNumber != nil, input.gender == nil { checked.gender = nil }
        let trades = try await TradeBook.load(on: db)
        let valid = try checked.validate(trades: { trades.accepts($0, holding: isNew ? nil : member.trade) }).orInvalid()
        guard let unitID = input.unitId ?? (isNew ? nil : member.unitID) else { throw AppError.invalid("unitId", "error.required") }
        guard scope.contains(unitID), scope.tree.nodes[unitID] != nil else { throw AppError.invalid("unitId", "error.unit.notHeld") }
        let organizationID = input.organizationId.applied(to: member.organizationID)
        if let named = input.organizationId.named { _ = try await Held.organization(named, field: "organizationId", scope: scope, on: db) }
        if let title = input.professionalTitle { member.title = title }
        if let post = input.post {
            switch MemberPost.check(post) {
            case .success(let post): member.post = post
            case .failure(let issue): throw AppError.invalid(issue)
            }
        }
        member.apply(
            valid, unitID: unitID, organizationID: organizationID,
            migrant: input.migrant ?? (isNew ? false : member.migrant),
            hardship: scope.seesAid ? input.hardship ?? (isNew ? false : member.hardship) : (isNew ? false : member.hardship))
        let joinText = input.joinDate ?? member.joinDate ?? today.description
        guard let joined = CivilDate(joinText.isEmpty ? today.description : joinText), joined <= today else {
            throw AppError.invalid("joinDate", "error.date.invalid")
        }
        member.joinDate = joined.description
        if isNew { member.statusDate = joined.description }
        try Membership.applyEmployment(form: input.employmentForm, platform: input.platform, to: member)
    }

    /// The ID is unique across the register, deleted members included (they can be restored).
    /// A holder in the caller's subtree is named as a duplicate; one elsewhere gets a refusal that
    /// says neither where nor whether the person is registered, only whom to ask.
    private static func checkUniqueID(_ idNumber: String, except id: UUID?, scope: UnitScope, on db: any Database) async throws {
        let query = Member.query(on: db).filter(\.$idNumber == idNumber)
        if let id { query.filter(\.$id != id) }
        if let holder = try await query.first() {
            throw AppError.taken("idNumber", "error.idNumber.duplicate", holder: holder.unitID, scope: scope)
        }
    }
}

extension Member: UnitOwnedRecord {
    static let routeName = "members"
    static let exportOmits: Set<String> = ["masked"]

    static func list(_ list: ListQuery, filter: MemberFilter, scope: UnitScope, request: Request) async throws -> ListPage<MemberOutput> {
        try await MemberQueries.search(list, filter: filter, scope: scope, on: request.db, countOn: request.secondDB)
    }

    static func create(_ input: MemberInput, context: WriteContext, once: FormOnce?) async throws -> Member {
        try await MemberService.create(input, scope: context.scope, editor: context.editor, once: once, on: context.app)
    }

    func update(with input: MemberInput, context: WriteContext) async throws {
        _ = try await MemberService.update(self, with: input, scope: context.scope, editor: context.editor, on: context.app)
    }

    func delete(context: WriteContext) async throws {
        try await MemberService.delete(self, editor: context.editor, on: context.app)
    }

    func restore(context: WriteContext) async throws {
        try await MemberService.restore(self, scope: context.scope, editor: context.editor, on: context.app)
    }

    static func outputs(_ rows: [Member], on request: Request) async throws -> [MemberOutput] {
        let seesAid = try await request.scope().seesAid
        return try rows.map { try MemberOutput($0, seesAid: seesAid) }
    }

    struct RevealQuery: Content { var reveal: Bool? }

    /// A worker reads their own record; officers those in their subtree. `?reveal=true` shows the
    /// ID and phone in full to an officer or admin, and is audited.
    static func show(_ id: UUID, request: Request) async throws -> MemberOutput {
        let user = try request.requireUser()
        let reveal = try request.query.decode(RevealQuery.self).reveal == true
        if user.role == .member {
            guard user.memberID == id, let member = try await Member.find(id, on: request.db), member.deletedAt == nil else {
                throw AppError.notFound
            }
            return try MemberOutput(member, reveal: reveal, seesAid: true)
        }
        let (_, scope) = try await request.requireManager()
        let member = try await Member.find(id, scope: scope, on: request.db)
        if reveal { try await MemberService.reveal(member, editor: try request.editor(), on: request.application) }
        return try MemberOutput(member, reveal: reveal, seesAid: scope.seesAid)
    }
}
