import Fluent
import Vapor

/// Who is changing what, and where: everything a record's write rules need from the request.
package struct WriteContext: Sendable {
    package let user: User
    package let scope: UnitScope
    package let editor: Editor
    package let app: Application

    package init(user: User, scope: UnitScope, editor: Editor, app: Application) {
        self.user = user
        self.scope = scope
        self.editor = editor
        self.app = app
    }

    /// The units whose programmes and campaigns the caller's records may use: their own subtree and
    /// the unions above their own (a county's worker in the city's 金秋助学 or 助企行); nil for all.
    package var unitsInReach: Set<UUID>? {
        guard let units = scope.unitIDs else { return nil }
        return units.union(user.unitID.map { scope.tree.ancestry(of: $0) } ?? [])
    }

    package func reaches(_ unitID: UUID) -> Bool { unitsInReach?.contains(unitID) ?? true }
}

extension Request {
    /// An officer's or admin's context for a write; 403 for other roles.
    package func writeContext() async throws -> WriteContext {
        let (user, scope) = try await requireManager()
        return WriteContext(user: user, scope: scope, editor: try editor(), app: application)
    }
}

/// A kind of record that officers keep for their union subtree. The shared API controller and
/// page handlers work through these requirements, so every register lists, reads, creates,
/// changes, deletes and restores the same way, with the same scope and audit rules.
package protocol ManagedRecord: Model, Audited where IDValue == UUID {
    associatedtype Input: Content
    associatedtype Output: Content
    associatedtype Filter: Content

    /// The path segment: `members` in `/api/v1/members` and `/members`.
    static var routeName: String { get }

    static func list(_ list: ListQuery, filter: Filter, scope: UnitScope, request: Request) async throws -> ListPage<Output>
    /// How many records the list would hold, counted without reading any (a dashboard's to-do).
    /// Kinds with many rows count an indexed column (`count(\.$unitID)`): `COUNT(id)` reads every row.
    static func count(filter: Filter, scope: UnitScope, request: Request) async throws -> Int
    /// The record if it is in the scope; 404 otherwise, so its existence is not revealed.
    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> Self
    static func create(_ input: Input, context: WriteContext, once: FormOnce?) async throws -> Self
    /// Absent fields keep their value; optional links say keep, set or clear (`LinkChange`), so a
    /// PATCH and a form's edit mean the same.
    func update(with input: Input, context: WriteContext) async throws
    func delete(context: WriteContext) async throws
    func restore(context: WriteContext) async throws
    func output(on request: Request) async throws -> Output
    /// `GET /api/v1/<route>/{id}`; a kind may widen who can read (a worker their own record).
    static func show(_ id: UUID, request: Request) async throws -> Output
    /// Output fields an export leaves out: ones only a program reads (`masked`, a provenance key).
    static var exportOmits: Set<String> { get }
}

extension ManagedRecord {
    package static var exportOmits: Set<String> { [] }

    package static func count(filter: Filter, scope: UnitScope, request: Request) async throws -> Int {
        try await list(ListQuery(per: 1), filter: filter, scope: scope, request: request).metadata.total
    }

    package static func show(_ id: UUID, request: Request) async throws -> Output {
        let (_, scope) = try await request.requireManager()
        return try await find(id, scope: scope, includingDeleted: false, on: request.db).output(on: request)
    }
}

/// A record hidden by `deleted_at` and brought back by clearing it.
package protocol SoftDeletable: Audited {
    var deletedAt: Date? { get set }
}

/// `/api/v1/<route>`: list, create, read, update (PATCH), delete and restore, for any managed record.
package struct RecordAPIController<Record: ManagedRecord>: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let records = routes.grouped(.constant(Record.routeName))
        records.get(use: list)
        ListExport.route(Record.self, on: records)
        records.post(use: create)
        records.get(":id", use: show)
        records.patch(":id", use: update)
        records.delete(":id", use: delete)
        records.post(":id", "restore", use: restore)
    }

    @Sendable package func list(req: Request) async throws -> ListPage<Record.Output> {
        let (_, scope) = try await req.requireManager()
        return try await Record.list(
            try req.query.decode(ListQuery.self), filter: try req.query.decode(Record.Filter.self), scope: scope, request: req)
    }

    @Sendable package func show(req: Request) async throws -> Record.Output {
        try await Record.show(try req.parameters.require("id"), request: req)
    }

    @Sendable package func create(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let record = try await Record.create(try req.content.decode(Record.Input.self), context: context, once: nil)
        return try await record.output(on: req).encodeResponse(status: .created, for: req)
    }

    @Sendable package func update(req: Request) async throws -> Record.Output {
        let context = try await req.writeContext()
        let record = try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db)
        try await record.update(with: try req.content.decode(Record.Input.self), context: context)
        return try await record.output(on: req)
    }

    @Sendable package func delete(req: Request) async throws -> HTTPStatus {
        let context = try await req.writeContext()
        try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db).delete(
            context: context)
        return .noContent
    }

    @Sendable package func restore(req: Request) async throws -> Record.Output {
        let context = try await req.writeContext()
        let record = try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: true, on: req.db)
        try await record.restore(context: context)
        return try await record.output(on: req)
    }

    package init() {}
}

extension ManagedRecord {
    /// A change made from the record's own page (a workflow step, a result added): the record is
    /// found in the officer's scope, changed, and its page shown again, with the refusal if any.
    package static func changeFromPage(
        _ req: Request, rerender: (AppError) async throws -> Response,
        _ change: (Self, WriteContext) async throws -> Void
    ) async throws -> Response {
        let context = try await req.writeContext()
        let id: UUID = try req.parameters.require("id")
        let record = try await find(id, scope: context.scope, includingDeleted: false, on: req.db)
        return try await Pages.act(req, redirect: "/\(routeName)/\(id)", change: { try await change(record, context) }, rerender: rerender)
    }
}

/// `POST /api/v1/<route>/{id}/<step>` for every step of a record's workflow: the record is found in
/// the caller's scope, the step applied by `perform`, and the record returned.
package struct WorkflowStepController<Record: ManagedRecord, Step: RawRepresentable & CaseIterable & Sendable, Input: Content>:
    RouteCollection
where Step.RawValue == String {
    package let perform: @Sendable (Step, Record, Input, WriteContext) async throws -> Void

    package func boot(routes: any RoutesBuilder) throws {
        routes.workflowSteps(Step.self, of: Record.routeName) { step, req in
            let context = try await req.writeContext()
            let record = try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db)
            try await perform(step, record, try req.content.decode(Input.self), context)
            return try await record.output(on: req)
        }
    }

    package init(perform: @escaping @Sendable (Step, Record, Input, WriteContext) async throws -> Void) {
        self.perform = perform
    }
}

extension RoutesBuilder {
    /// One `POST <route>/{id}/<step>` per step, for the API and for the pages alike.
    package func workflowSteps<Step: RawRepresentable & CaseIterable & Sendable, Result: AsyncResponseEncodable>(
        _ steps: Step.Type, of route: String, _ handle: @escaping @Sendable (Step, Request) async throws -> Result
    ) where Step.RawValue == String {
        for step in Step.allCases {
            post(.constant(route), ":id", .constant(step.rawValue)) { req in try await handle(step, req) }
        }
    }
}

/// A record's form as typed: what the shared form handlers need from a feature's pages.
package protocol RecordForm: Content {
    associatedtype Record: ManagedRecord
    var _once: String? { get }
    /// The form filled from a record (masked where the page masks).
    init(_ record: Record?)
    /// A new record's form, prefilled from the request (`?unitId=`) and the user.
    static func blank(for request: Request, context: WriteContext) -> Self
    /// The typed fields as the record's input; `existing` is the record being edited.
    func input(editing existing: Record?, on request: Request) async throws -> Record.Input
    static func render(_ req: Request, form: Self, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response
}

extension RecordForm {
    /// The path segment of the form's register: `members` in `/members/new`.
    package static var routeName: String { Record.routeName }
}

/// The page handlers every managed record shares: its new and edit forms, saving them, and
/// delete and restore from its page.
package enum RecordPages<Form: RecordForm> {
    package typealias Record = Form.Record

    package static func register(on routes: any RoutesBuilder) {
        let records = routes.grouped(.constant(Record.routeName))
        records.get("new", use: new)
        ListExport.route(Record.self, on: records)
        records.post(use: create)
        records.get(":id", "edit", use: edit)
        records.post(":id", use: update)
        records.post(":id", "delete", use: delete)
        records.post(":id", "restore", use: restore)
    }

    package static func path(_ id: UUID) -> String { "/\(Record.routeName)/\(id)" }

    @Sendable package static func new(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        return try await Form.render(req, form: Form.blank(for: req, context: context), id: nil, context: context, error: nil)
    }

    @Sendable package static func edit(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let record = try await Record.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db)
        return try await Form.render(req, form: Form(record), id: record.id, context: context, error: nil)
    }

    @Sendable package static func create(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let form = try req.content.decode(Form.self)
        let once = FormOnce(form._once, pathPrefix: "/\(Record.routeName)/", at: req.now)
        return try await FormFlow.create(
            req, once: once,
            save: {
                path(try await Record.create(try await form.input(editing: nil, on: req), context: context, once: once).requireID())
            },
            rerender: { error in
                try await Form.render(req, form: form, id: nil, context: context, error: error)
            })
    }

    @Sendable package static func update(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let id: UUID = try req.parameters.require("id")
        let record = try await Record.find(id, scope: context.scope, includingDeleted: false, on: req.db)
        let form = try req.content.decode(Form.self)
        return try await FormFlow.update(
            req, location: path(id),
            save: {
                try await record.update(with: try await form.input(editing: record, on: req), context: context)
            },
            showNewer: { error in
                let newer = try await Record.find(id, scope: context.scope, includingDeleted: false, on: req.db)
                return try await Form.render(req, form: Form(newer), id: id, context: context, error: error)
            },
            rerender: { error in
                try await Form.render(req, form: form, id: id, context: context, error: error)
            })
    }

    /// A delete or restore the rules refuse (it would orphan records, the parent is gone …) is
    /// explained on the record's own page rather than on an error page that leads nowhere.
    private static func refusedOnItsPage(_ req: Request, _ id: UUID, _ action: () async throws -> Response) async throws -> Response {
        do {
            return try await action()
        } catch let error as AppError where error.status == .conflict && Pages.refusals.contains(error.key) {
            return Pages.redirect(path(id), refused: error, on: req)
        }
    }

    @Sendable package static func delete(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let id: UUID = try req.parameters.require("id")
        let record = try await Record.find(id, scope: context.scope, includingDeleted: false, on: req.db)
        return try await refusedOnItsPage(req, id) {
            try await record.delete(context: context)
            return Pages.redirect(path(id), notice: "deleted", on: req)
        }
    }

    @Sendable package static func restore(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let id: UUID = try req.parameters.require("id")
        let record = try await Record.find(id, scope: context.scope, includingDeleted: true, on: req.db)
        return try await refusedOnItsPage(req, id) {
            try await record.restore(context: context)
            return Pages.redirect(path(id), notice: "restored", on: req)
        }
    }
}

extension WriteContext {
    /// Saves a record as a form or body left it, in one write with its audit line: a new record
    /// claims the form's nonce and starts at version 1; a change claims the version it was made
    /// from. `also` runs in the same transaction once the row has its id (links to other records).
    package func save<M: Versioned & Audited>(
        _ row: M, version: Int?, before: [String: String]?, once: FormOnce?,
        also: (@Sendable (any Database) async throws -> Void)? = nil
    ) async throws {
        let isNew = row.id == nil
        let editor = self.editor
        try await app.write { db in
            if isNew {
                try await once.claim(on: db)
                row.version = 1
                try await row.create(on: db)
                try await once.record(row.id, on: db)
            } else {
                try await row.claimVersion(version ?? 0, on: db)
                try await row.update(on: db)
            }
            try await also?(db)
            try await Audit.record(isNew ? .create : .update, row, before: before, by: editor, on: db)
        }
    }

    /// Deletes the one row a record's part the filter names (a studio's result, an alliance's member),
    /// with its audit line; none is a 404, so another record's part is not revealed.
    package func deleteAudited<Row: Model & Audited>(
        _ type: Row.Type, _ filter: @escaping @Sendable (QueryBuilder<Row>) -> QueryBuilder<Row>
    ) async throws {
        let editor = self.editor
        try await app.write { db in
            guard let row = try await filter(Row.query(on: db)).first() else { throw AppError.notFound }
            let before = row.auditSnapshot()
            try await row.delete(on: db)
            try await Audit.record(.delete, row, before: before, by: editor, on: db)
        }
    }
}

/// A record that belongs to one union unit and is hidden by `deleted_at`: every register but the
/// union tree itself. It is found in the caller's scope the same way everywhere (404 outside it, so
/// its existence is not revealed), and deleted and restored in one transaction with its audit line
/// unless its rules need more (a kind with such rules implements `delete` or `restore` itself).
package protocol UnitOwnedRecord: ManagedRecord, SoftDeletable {
    var unitID: UUID { get }
    /// Outputs for many rows at once (what they name loaded in one query each): one record's
    /// output and a page of a list come from it.
    static func outputs(_ rows: [Self], on request: Request) async throws -> [Output]
}

extension UnitOwnedRecord {
    package static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool = false, on db: any Database) async throws -> Self {
        guard let row = try await Self.find(id, on: db), includingDeleted || row.deletedAt == nil else { throw AppError.notFound }
        try scope.check(row.unitID)
        return row
    }

    package func delete(context: WriteContext) async throws { try await setDeleted(true, context: context) }
    package func restore(context: WriteContext) async throws { try await setDeleted(false, context: context) }

    private func setDeleted(_ deleted: Bool, context: WriteContext) async throws {
        guard (deletedAt != nil) != deleted else { return }
        let editor = context.editor
        try await context.app.write { db in
            let before = self.auditSnapshot()
            self.deletedAt = deleted ? editor.at : nil
            try await self.update(on: db)
            try await Audit.record(deleted ? .delete : .restore, self, before: deleted ? before : nil, by: editor, on: db)
        }
    }
}

extension UnitOwnedRecord {
    /// A list's records: in the caller's scope (narrowed to `?unitId=`'s subtree) and deleted or
    /// not as `?deleted=` asks. Every unit-owned table names these columns `unit_id` and `deleted_at`.
    package static func scoped(_ list: ListQuery, scope: UnitScope, on db: any Database) throws -> QueryBuilder<Self> {
        let query = Self.query(on: db)
        if let ids = try scope.unitIDs(within: list.unitId) {
            query.filter(column("unit_id"), .subset(inverse: false), .array(ids.map { .bind($0) }))
        }
        return query.filter(column("deleted_at"), list.deleted == true ? .notEqual : .equal, .null)
    }

    private static func column(_ key: FieldKey) -> DatabaseQuery.Field {
        .extendedPath([key], schema: schemaOrAlias, space: spaceIfNotAliased)
    }
}

extension UnitOwnedRecord {
    package func output(on request: Request) async throws -> Output {
        guard let output = try await Self.outputs([self], on: request).first else { throw AppError.notFound }
        return output
    }

    /// One page of a sorted query, with the total it was taken from.
    package static func page(_ query: QueryBuilder<Self>, _ list: ListQuery, on request: Request) async throws -> ListPage<Output> {
        let (total, capped) = try await CappedCount.count(query.query, on: request.db)
        return ListPage(
            items: try await outputs(try await query.range(list.rowRange).all(), on: request), list: list, total: total, capped: capped)
    }
}

/// An input that names the version it was made from; nil only for a new record.
package protocol VersionedInput {
    var version: Int? { get }
}

/// A listed record whose create and edit are one save of its input: the kind supplies `save`
/// (its rules, for a new row or a changed one); creating, and refusing an edit without a version, are shared.
package protocol SavedRecord: UnitOwnedRecord where Input: VersionedInput {
    static func save(_ input: Input, to row: Self, context: WriteContext, once: FormOnce?) async throws
}

extension SavedRecord {
    package static func create(_ input: Input, context: WriteContext, once: FormOnce?) async throws -> Self {
        let row = Self()
        try await save(input, to: row, context: context, once: once)
        return row
    }

    package func update(with input: Input, context: WriteContext) async throws {
        guard input.version != nil else { throw AppError.invalid("version", "error.required") }
        try await Self.save(input, to: self, context: context, once: nil)
    }
}

/// The reads and writes of one register, shared by the API and the pages. A record whose service
/// has this shape takes its list, create, edit and outputs from it (`ServedRecord`), so nothing
/// is written twice to forward one to the other.
package protocol RecordService {
    associatedtype Record: UnitOwnedRecord
    static func list(_ list: ListQuery, filter: Record.Filter, scope: UnitScope, on db: any Database) async throws
        -> ListPage<Record.Output>
    static func create(_ input: Record.Input, context: WriteContext, once: FormOnce?) async throws -> Record
    static func update(_ record: Record, with input: Record.Input, context: WriteContext) async throws
    static func outputs(_ rows: [Record], on db: any Database) async throws -> [Record.Output]
}

/// A register whose reads and writes are its service's.
package protocol ServedRecord: UnitOwnedRecord {
    associatedtype Service: RecordService where Service.Record == Self
}

extension ServedRecord {
    package static func list(_ list: ListQuery, filter: Filter, scope: UnitScope, request: Request) async throws -> ListPage<Output> {
        try await Service.list(list, filter: filter, scope: scope, on: request.db)
    }

    package static func create(_ input: Input, context: WriteContext, once: FormOnce?) async throws -> Self {
        try await Service.create(input, context: context, once: once)
    }

    package func update(with input: Input, context: WriteContext) async throws {
        try await Service.update(self, with: input, context: context)
    }

    package static func outputs(_ rows: [Self], on request: Request) async throws -> [Output] {
        try await Service.outputs(rows, on: request.db)
    }
}
