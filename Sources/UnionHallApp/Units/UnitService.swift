import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Reads and writes of union units, shared by the API and the pages.
enum UnitService {
    static let sortKeys = ["name", "kind", "createdAt"]

    /// `db` is reached only for a list the tree cannot answer: a request's `db` builds a database
    /// object on each access (on PostgreSQL, a tenth of a units page's own work).
    static func list(
        _ list: ListQuery, kind: UnitKind?, scope: UnitScope, on db: @autoclosure () -> any Database
    ) async throws -> ListPage<UnitOutput> {
        let searched = !(list.q ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let dated = !(list.from ?? "").isEmpty || !(list.to ?? "").isEmpty
        if list.deleted != true, !searched, !dated {
            return try fromTree(list, kind: kind, scope: scope)
        }
        let query = UnionUnit.query(on: db())
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let unitIDs = scope.unitIDs { query.filter(\.$id ~~ Array(unitIDs)) }
        if let within = list.unitId {
            try scope.check(within)
            query.filter(\.$id ~~ Array(scope.tree.subtree(of: within)))
        }
        if let kind { query.filter(\.$kind == kind) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            query.filter(\.$name ~~ SearchKey.simplify(q))
        }
        try query.created(in: list, key: \.$createdAt)
        switch list.sortKey(allowed: sortKeys) {
        case (let key, let descending)?:
            let direction: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
            switch key {
            case "kind": query.sort(\.$kind, direction)
            case "createdAt": query.sort(\.$createdAt, direction)
            default: query.sort(\.$name, direction)
            }
        case nil: query.sort(\.$name)
        }
        return try await query.page(list, as: UnitRow.self) { UnitOutput($0, tree: scope.tree) }
    }

    /// The live units of the scope are the request's union tree, current as of this request: a
    /// list without a search, a period or deleted units is a page of it, with no query.
    private static func fromTree(_ list: ListQuery, kind: UnitKind?, scope: UnitScope) throws -> ListPage<UnitOutput> {
        let ids = try scope.unitIDs(within: list.unitId)
        func listed(_ node: UnitTree.Node) -> Bool { (ids?.contains(node.id) ?? true) && (kind == nil || node.kind == kind) }
        let sort = list.sortKey(allowed: sortKeys)
        let descending = sort?.descending ?? false
        func ordered(_ a: UnitTree.Node, _ b: UnitTree.Node) -> Bool {
            switch sort?.key {
            case "kind": if a.kind != b.kind { return (a.kind.rawValue < b.kind.rawValue) != descending }
            case "createdAt":
                if a.createdAt != b.createdAt { return ((a.createdAt ?? .distantPast) < (b.createdAt ?? .distantPast)) != descending }
            default: if a.name != b.name { return (a.name < b.name) != descending }
            }
            return a.id.uuidString < b.id.uuidString
        }
        // By name upwards (the default) the tree holds them in order already.
        let nodes =
            (sort?.key ?? "name") == "name" && !descending
            ? scope.tree.byName.compactMap { scope.tree.nodes[$0] }.filter(listed)
            : scope.tree.nodes.values.filter(listed).sorted(by: ordered)
        let page = nodes.dropFirst(min(list.rowRange.lowerBound, nodes.count)).prefix(list.perPage)
        return ListPage(items: page.map { UnitOutput($0, tree: scope.tree) }, list: list, total: nodes.count)
    }

    /// A unit in scope, deleted ones included when asked for (to restore them).
    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool = false, on db: any Database) async throws -> UnionUnit {
        guard let unit = try await UnionUnit.find(id, on: db), includingDeleted || unit.deletedAt == nil else { throw AppError.notFound }
        // A deleted unit is not in the tree: check the scope through its parent.
        try scope.check(unit.deletedAt == nil ? id : unit.parentID)
        return unit
    }

    static func create(_ input: UnitInput, scope: UnitScope, user: User, editor: Editor, once: FormOnce? = nil, on app: Application)
        async throws -> UnionUnit
    {
        let name = try UnitRules.validateName(input.name ?? "").orInvalid()
        guard let kind = input.kind else { throw AppError.invalid("kind", "error.required") }
        try checkPlacement(kind: kind, parentID: input.parentId, unitID: nil, scope: scope, user: user)
        let unit = UnionUnit(name: name, kind: kind, parentID: input.parentId)
        return try await app.write { db in
            try await once.claim(on: db)
            try await unit.create(on: db)
            try await Audit.record(.create, unit, by: editor, on: db)
            try await once.record(unit.id, on: db)
            return unit
        }
    }

    static func update(_ unit: UnionUnit, with input: UnitInput, scope: UnitScope, user: User, editor: Editor, on app: Application)
        async throws -> UnionUnit
    {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let before = unit.auditSnapshot()
        let id = try unit.requireID()
        let name = try UnitRules.validateName(input.name ?? unit.name).orInvalid()
        let kind = input.kind ?? unit.kind
        let parentID = input.parentId ?? unit.parentID
        // An officer's own unit stays where it is: moving it would move them out of their own scope.
        if parentID != unit.parentID || kind != unit.kind {
            if user.role != .admin, user.unitID == id { throw AppError.invalid("parentId", "error.unit.ownUnit") }
            try checkPlacement(kind: kind, parentID: parentID, unitID: id, scope: scope, user: user)
        }
        unit.name = name
        unit.kind = kind
        unit.parentID = parentID
        return try await app.write { db in
            try await unit.claimVersion(version, on: db)
            try await unit.update(on: db)
            try await Audit.record(.update, unit, before: before, by: editor, on: db)
            return unit
        }
    }

    /// A unit with live sub-units, organizations or members cannot go: they would be orphaned.
    static func delete(_ unit: UnionUnit, user: User, editor: Editor, on app: Application) async throws {
        let id = try unit.requireID()
        if user.role != .admin, user.unitID == id { throw AppError.conflict(nil, "error.unit.ownUnit") }
        try await app.write { db in
            let children = try await UnionUnit.query(on: db).filter(\.$parentID == id).filter(\.$deletedAt == nil).count()
            let organizations = try await Organization.query(on: db).filter(\.$unitID == id).filter(\.$deletedAt == nil).count()
            let members = try await Member.query(on: db).filter(\.$unitID == id).filter(\.$deletedAt == nil).count()
            guard children + organizations + members == 0 else { throw AppError.conflict(nil, "error.unit.notEmpty") }
            let before = unit.auditSnapshot()
            unit.deletedAt = editor.at
            try await unit.update(on: db)
            try await Audit.record(.delete, unit, before: before, by: editor, on: db)
        }
    }

    static func restore(_ unit: UnionUnit, editor: Editor, on app: Application) async throws {
        guard unit.deletedAt != nil else { return }
        try await app.write { db in
            if let parentID = unit.parentID,
                try await UnionUnit.query(on: db).filter(\.$id == parentID).filter(\.$deletedAt == nil).count() == 0
            {
                throw AppError.conflict("parentId", "error.unit.parentDeleted")
            }
            unit.deletedAt = nil
            try await unit.update(on: db)
            try await Audit.record(.restore, unit, by: editor, on: db)
        }
    }

    private static func checkPlacement(kind: UnitKind, parentID: UUID?, unitID: UUID?, scope: UnitScope, user: User) throws {
        if let parentID {
            guard let parent = scope.tree.nodes[parentID], scope.contains(parentID) else {
                throw AppError.invalid("parentId", "error.unit.notHeld")
            }
            let ancestry = scope.tree.ancestry(of: parentID).map(\.uuidString)
            if let issue = UnitRules.checkPlacement(
                kind: kind, parentKind: parent.kind, unitID: unitID?.uuidString, parentAncestry: ancestry)
            {
                throw AppError.invalid(issue)
            }
        } else {
            // A new top-level federation is the admin's to create.
            guard user.role == .admin else { throw AppError.invalid("parentId", "error.required") }
            if let issue = UnitRules.checkPlacement(kind: kind, parentKind: nil, unitID: nil, parentAncestry: []) {
                throw AppError.invalid(issue)
            }
        }
    }
}

extension UnionUnit: ManagedRecord {
    package static let routeName = "units"

    package static func list(_ list: ListQuery, filter: UnitFilter, scope: UnitScope, request: Request) async throws -> ListPage<UnitOutput>
    {
        try await UnitService.list(list, kind: filter.kind, scope: scope, on: request.db)
    }

    package static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool, on db: any Database) async throws -> UnionUnit {
        try await UnitService.find(id, scope: scope, includingDeleted: includingDeleted, on: db)
    }

    package static func create(_ input: UnitInput, context: WriteContext, once: FormOnce?) async throws -> UnionUnit {
        try await UnitService.create(input, scope: context.scope, user: context.user, editor: context.editor, once: once, on: context.app)
    }

    package func update(with input: UnitInput, context: WriteContext) async throws {
        _ = try await UnitService.update(
            self, with: input, scope: context.scope, user: context.user, editor: context.editor, on: context.app)
    }

    package func delete(context: WriteContext) async throws {
        try await UnitService.delete(self, user: context.user, editor: context.editor, on: context.app)
    }

    package func restore(context: WriteContext) async throws {
        try await UnitService.restore(self, editor: context.editor, on: context.app)
    }

    /// The path is read from the tree as it is now: a unit just created or moved is in it.
    package func output(on request: Request) async throws -> UnitOutput {
        try UnitOutput(self, tree: try await UnitTree.load(on: request.db))
    }
}
