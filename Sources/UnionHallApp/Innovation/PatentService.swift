import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Patents, papers and software copyrights: a register of their own, each held by an item or a
/// studio in the officer's subtree.
extension Patent: UnitOwnedRecord {
    static let routeName = "patents"

    static func base(_ list: ListQuery, filter: PatentFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<Patent> {
        let query = try scope.apply(to: Patent.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let item = filter.itemId { query.filter(\.$itemID == item) }
        if let studio = filter.studioId { query.filter(\.$studioID == studio) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            query.group(.or) { $0.filter(\.$title ~~ q).filter(\.$number ~~ q) }
        }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$date >= from) }
        if let to { query.filter(\.$date <= to) }
        return query
    }

    static func list(_ list: ListQuery, filter: PatentFilter, scope: UnitScope, request: Request) async throws -> ListPage<PatentOutput> {
        try await base(list, filter: filter, scope: scope, on: request.db).sort(\.$date, .descending).sort(\.$id).page(list) {
            try $0.map(PatentOutput.init)
        }
    }

    static func create(_ input: PatentInput, context: WriteContext, once: FormOnce?) async throws -> Patent {
        let patent = Patent()
        patent.version = 1
        try await patent.apply(input, context: context)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await patent.create(on: db)
            try await Audit.record(.create, patent, by: editor, on: db)
            try await once.record(patent.id, on: db)
            return patent
        }
    }

    func update(with input: PatentInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let before = auditSnapshot()
        try await apply(input, context: context)
        let editor = context.editor
        try await context.app.write { db in
            try await self.claimVersion(version, on: db)
            try await self.update(on: db)
            try await Audit.record(.update, self, before: before, by: editor, on: db)
        }
    }

    static func outputs(_ rows: [Patent], on request: Request) async throws -> [PatentOutput] { try rows.map(PatentOutput.init) }

    private func apply(_ input: PatentInput, context: WriteContext) async throws {
        let db = context.app.db
        let isNew = id == nil
        guard let kind = input.kind ?? (isNew ? nil : self.kind) else { throw AppError.invalid("kind", "error.required") }
        let title = (input.title ?? (isNew ? "" : self.title)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AppError.invalid("title", "error.required") }
        guard title.count <= 200 else { throw AppError.invalid("title", "error.tooLong", ["200"]) }
        let number = (input.number ?? (isNew ? "" : self.number)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else { throw AppError.invalid("number", "error.required") }
        guard number.count <= 60 else { throw AppError.invalid("number", "error.tooLong", ["60"]) }
        guard let date = CivilDate(input.date ?? (isNew ? "" : self.date)) else { throw AppError.invalid("date", "error.date.invalid") }
        guard date <= CivilDate(context.editor.at) else { throw AppError.invalid("date", "error.date.future") }
        let itemID = input.itemId.applied(to: self.itemID)
        let studioID = input.studioId.applied(to: self.studioID)
        var unitID: UUID
        if let itemID {
            unitID = try await Held.record(
                InnovationItem.self, itemID, field: "itemId", refusal: "error.innovation.itemNotHeld", scope: context.scope, on: db
            ).unitID
        } else if let studioID {
            unitID = try await Held.studio(studioID, field: "studioId", scope: context.scope, on: db).unitID
        } else {
            throw AppError.invalid("itemId", "error.innovation.patentHolder")
        }
        self.unitID = unitID
        self.kind = kind
        self.title = title
        self.number = number
        self.date = date.description
        self.itemID = itemID
        self.studioID = itemID == nil ? studioID : nil
    }
}
