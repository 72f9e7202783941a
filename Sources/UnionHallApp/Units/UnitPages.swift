import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The union tree in the browser: the tree (or a search) and show; the forms, delete and
/// restore are `RecordPages<UnitForm>`.
struct UnitPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let units = routes.grouped("units")
        units.get(use: index)
        units.get(":id", use: show)
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
                Row(
                    id: node.id.uuidString, name: node.name, kindLabel: req.t("unitKind.\(node.kind.rawValue)"), indent: min(depth, 4),
                    path: "")
            }
        } else {
            let page = try await UnitService.list(list, kind: kind, scope: scope, on: req.db)
            rows = page.items.map {
                Row(id: $0.id.uuidString, name: $0.name, kindLabel: req.t("unitKind.\($0.kind.rawValue)"), indent: 0, path: $0.path)
            }
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
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "units.show"), unit: try UnitOutput(unit, tree: scope.tree),
            kindLabel: req.t("unitKind.\(unit.kind.rawValue)"),
            parentID: unit.parentID.flatMap { scope.contains($0) ? $0.uuidString : nil }, parentName: scope.tree.name(of: unit.parentID),
            children: children.map { Child(id: $0.id.uuidString, name: $0.name, kindLabel: req.t("unitKind.\($0.kind.rawValue)")) },
            memberCount: members, organizationCount: organizations, deleted: unit.deletedAt != nil,
            history: try await Pages.recentHistory(of: unit, scope: scope, on: req))
        return try await Pages.render("units/show", context, on: req)
    }
}
