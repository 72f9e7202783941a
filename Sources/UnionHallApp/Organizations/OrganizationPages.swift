import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Organizations in the browser: list and show; the forms, delete and restore are
/// `RecordPages<OrganizationForm>`.
struct OrganizationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organizations = routes.grouped("organizations")
        organizations.get(use: index)
        organizations.get(":id", use: show)
    }

    struct Row: Encodable {
        var id: String
        var name: String
        var kindLabel: String
        var creditCode: String
        var unit: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
        var deleted: Bool
        var kinds: [SelectOption]
        var sectors: [SelectOption]
        var units: [SelectOption]
        var sorts: [SelectOption]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(OrganizationFilter.self)
        let kind = filter.kind
        let page = try await OrganizationService.list(list, filter: filter, scope: scope, on: req.db)
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, name: $0.name, kindLabel: req.t("orgKind.\($0.kind.rawValue)"), creditCode: $0.creditCode ?? "",
                unit: scope.tree.name(of: $0.unitId))
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "organizations.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", deleted: list.deleted == true,
            kinds: Pages.enumOptions(OrganizationKind.self, prefix: "orgKind", selected: kind?.rawValue, request: req),
            sectors: Pages.enumOptions(
                IndustrySector.self, prefix: IndustrySector.catalogue, selected: filter.sector?.rawValue, request: req),
            units: Pages.unitOptions(scope, selected: list.unitId, request: req),
            sorts: ["name", "kind", "-createdAt"].map {
                SelectOption(value: $0, label: req.t("sort.\($0)"), selected: $0 == (list.sort ?? "name"))
            })
        return try await Pages.render("organizations/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var organization: OrganizationOutput
        var kindLabel: String
        var unitPath: String
        var memberCount: Int
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let organization = try await Organization.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let id = try organization.requireID()
        let members = try await Member.query(on: req.db).filter(\.$organizationID == id).filter(\.$deletedAt == nil).count()
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "organizations.show"), organization: try OrganizationOutput(organization),
            kindLabel: req.t("orgKind.\(organization.kind.rawValue)"), unitPath: scope.tree.path(of: organization.unitID),
            memberCount: members, deleted: organization.deletedAt != nil,
            history: try await Pages.recentHistory(of: organization, scope: scope, on: req))
        return try await Pages.render("organizations/show", context, on: req)
    }
}
