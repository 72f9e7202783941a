import Fluent
import UnionHallCore
import Vapor

/// The union tree in the browser: the tree (or a search), show, create, edit, delete and restore.
struct UnitPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("units")
        units.get(use: index)
        units.get("new", use: new)
        units.post(use: create)
        units.get(":id", use: show)
        units.get(":id", "edit", use: edit)
        units.post(":id", use: update)
    }

    struct Row: Encodable {
        var id: String
        var name: String
        var kindLabel: String
        var indent: Int
        var path: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager?
        var q: String
        var deleted: Bool
        var kinds: [SelectOption]
    }

    /// With no search the whole subtree shows as a tree; a search or filter shows a paged list.
    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let kind = try req.query.decode(UnitFilter.self).kind
        var rows: [Row]
        var pager: Pager?
        if (list.q ?? "").isEmpty, kind == nil, list.deleted != true, list.unitId == nil {
            rows = scope.tree.ordered(within: scope.unitIDs).map { node, depth in
                Row(id: node.id.uuidString, name: node.name, kindLabel: req.t("unitKind.\(node.kind.rawValue)"), indent: min(depth, 4), path: "")
            }
        } else {
            let page = try await UnitService.list(list, kind: kind, scope: scope, on: req.db)
            rows = page.items.map { Row(id: $0.id.uuidString, name: $0.name, kindLabel: req.t("unitKind.\($0.kind.rawValue)"), indent: 0, path: $0.path) }
            pager = Pager(metadata: page.metadata, request: req)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "units.title"), rows: rows, pager: pager, q: list.q ?? "", deleted: list.deleted == true,
            kinds: Pages.enumOptions(UnitKind.self, prefix: "unitKind", selected: kind?.rawValue, request: req))
        return try await Pages.render("units/index", context, on: req)
    }

    struct Child: Encodable {
        var id: String
        var name: String
        var kindLabel: String
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var unit: UnitOutput
        var kindLabel: String
        var parentID: String?
        var parentName: String
        var children: [Child]
        var memberCount: Int
        var organizationCount: Int
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let unit = try await UnitService.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let id = try unit.requireID()
        let subtree = Array(scope.tree.subtree(of: id))
        let members = try await Member.query(on: req.db).filter(\.$unitID ~~ subtree).filter(\.$deletedAt == nil).count()
        let organizations = try await Organization.query(on: req.db).filter(\.$unitID ~~ subtree).filter(\.$deletedAt == nil).count()
        let children = (scope.tree.children[id] ?? []).compactMap { scope.tree.nodes[$0] }.sorted { $0.name < $1.name }
        let history = try await AuditQueries.list(ListQuery(per: 10), filter: AuditFilter(entity: UnionUnit.auditEntity, entityId: id), scope: scope, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "units.show"), unit: try UnitOutput(unit, tree: scope.tree),
            kindLabel: req.t("unitKind.\(unit.kind.rawValue)"),
            parentID: unit.parentID.flatMap { scope.contains($0) ? $0.uuidString : nil }, parentName: scope.tree.name(of: unit.parentID),
            children: children.map { Child(id: $0.id.uuidString, name: $0.name, kindLabel: req.t("unitKind.\($0.kind.rawValue)")) },
            memberCount: members, organizationCount: organizations, deleted: unit.deletedAt != nil, history: Pages.history(history.items, on: req))
        return try await Pages.render("units/show", context, on: req)
    }

    struct FormData: Content {
        var name: String?
        var kind: String?
        var parentId: String?
        var version: String?
        var _once: String?

        init(_ unit: UnionUnit?) {
            name = unit?.name
            kind = unit?.kind.rawValue
            parentId = unit?.parentID?.uuidString
            version = unit.map { String($0.version) }
        }

        func input() throws -> UnitInput {
            var parentID: UUID?
            if let parentId, !parentId.isEmpty {
                guard let parsed = UUID(uuidString: parentId) else { throw AppError.invalid("parentId", "error.invalid") }
                parentID = parsed
            }
            return UnitInput(name: name ?? "", kind: kind.flatMap(UnitKind.init(rawValue:)), parentId: parentID, version: version.flatMap { Int($0) })
        }
    }

    struct FormContext: Encodable {
        var layout: Layout
        var form: FormData
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var kinds: [SelectOption]
        var parents: [SelectOption]
        var allowsTopLevel: Bool
    }

    @Sendable func new(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        var form = FormData(nil)
        form.parentId = (try? req.query.get(String.self, at: "parentId")) ?? user.unitID?.uuidString
        return try await renderForm(req, form: form, id: nil, scope: scope, user: user)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        let unit = try await UnitService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        return try await renderForm(req, form: FormData(unit), id: unit.id, scope: scope, user: user)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        let form = try req.content.decode(FormData.self)
        let once = FormOnce(form._once, pathPrefix: "/units/", at: req.now)
        return try await FormFlow.create(req, once: once, save: {
            let unit = try await UnitService.create(try form.input(), scope: scope, user: user, editor: try req.editor(), once: once, on: req.application)
            return "/units/\(try unit.requireID())"
        }, rerender: { error in
            try await renderForm(req, form: form, id: nil, scope: scope, user: user, error: error)
        })
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        let unit = try await UnitService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let id = try unit.requireID()
        let form = try req.content.decode(FormData.self)
        return try await FormFlow.update(req, location: "/units/\(id)", save: {
            _ = try await UnitService.update(unit, with: try form.input(), scope: scope, user: user, editor: try req.editor(), on: req.application)
        }, showNewer: { error in
            try await renderForm(req, form: FormData(try await UnitService.find(id, scope: scope, on: req.db)), id: id, scope: scope, user: user, error: error)
        }, rerender: { error in
            try await renderForm(req, form: form, id: id, scope: scope, user: user, error: error)
        })
    }

    private func renderForm(_ req: Request, form: FormData, id: UUID?, scope: UnitScope, user: User, error: AppError? = nil) async throws -> Response {
        // A unit cannot be placed under itself or its descendants, so those are not offered.
        let excluded = id.map { scope.tree.subtree(of: $0) } ?? []
        let context = FormContext(
            layout: Pages.layout(req, titleKey: id == nil ? "units.new" : "units.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.status == .conflict && error?.field == "version",
            kinds: Pages.enumOptions(UnitKind.self, prefix: "unitKind", selected: form.kind, request: req),
            parents: Pages.unitOptions(scope, selected: form.parentId.flatMap(UUID.init(uuidString:)), request: req).filter { option in
                !excluded.contains(where: { $0.uuidString == option.value })
            },
            allowsTopLevel: user.role == .admin)
        return try await Pages.render("units/form", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}
