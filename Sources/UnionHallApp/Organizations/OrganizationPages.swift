import Fluent
import UnionHallCore
import Vapor

/// Organizations in the browser: list, show, create, edit, delete and restore.
struct OrganizationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let organizations = routes.grouped("organizations")
        organizations.get(use: index)
        organizations.get("new", use: new)
        organizations.post(use: create)
        organizations.get(":id", use: show)
        organizations.get(":id", "edit", use: edit)
        organizations.post(":id", use: update)
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
        var units: [SelectOption]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let kind = try req.query.decode(OrganizationFilter.self).kind
        let page = try await OrganizationService.list(list, kind: kind, scope: scope, on: req.db)
        let rows = page.items.map {
            Row(id: $0.id.uuidString, name: $0.name, kindLabel: req.t("orgKind.\($0.kind.rawValue)"), creditCode: $0.creditCode ?? "", unit: scope.tree.name(of: $0.unitId))
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "organizations.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", deleted: list.deleted == true,
            kinds: Pages.enumOptions(OrganizationKind.self, prefix: "orgKind", selected: kind?.rawValue, request: req),
            units: Pages.unitOptions(scope, selected: list.unitId, request: req))
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
        let organization = try await OrganizationService.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let id = try organization.requireID()
        let members = try await Member.query(on: req.db).filter(\.$organizationID == id).filter(\.$deletedAt == nil).count()
        let history = try await AuditQueries.list(ListQuery(per: 10), filter: AuditFilter(entity: Organization.auditEntity, entityId: id), scope: scope, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "organizations.show"), organization: try OrganizationOutput(organization),
            kindLabel: req.t("orgKind.\(organization.kind.rawValue)"), unitPath: scope.tree.path(of: organization.unitID),
            memberCount: members, deleted: organization.deletedAt != nil, history: Pages.history(history.items, on: req))
        return try await Pages.render("organizations/show", context, on: req)
    }

    struct FormData: Content {
        var name: String?
        var kind: String?
        var creditCode: String?
        var unitId: String?
        var version: String?
        var _once: String?

        init(_ organization: Organization?) {
            name = organization?.name
            kind = organization?.kind.rawValue
            creditCode = organization?.creditCode
            unitId = organization?.unitID.uuidString
            version = organization.map { String($0.version) }
        }

        func input() throws -> OrganizationInput {
            var unitID: UUID?
            if let unitId, !unitId.isEmpty {
                guard let parsed = UUID(uuidString: unitId) else { throw AppError.invalid("unitId", "error.invalid") }
                unitID = parsed
            }
            return OrganizationInput(name: name ?? "", kind: kind.flatMap(OrganizationKind.init(rawValue:)), creditCode: creditCode ?? "", unitId: unitID, version: version.flatMap { Int($0) })
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
        var units: [SelectOption]
    }

    @Sendable func new(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        var form = FormData(nil)
        form.unitId = user.unitID?.uuidString
        form.kind = OrganizationKind.employer.rawValue
        return try await renderForm(req, form: form, id: nil, scope: scope)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let organization = try await OrganizationService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        return try await renderForm(req, form: FormData(organization), id: organization.id, scope: scope)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let form = try req.content.decode(FormData.self)
        let once = FormOnce(form._once, pathPrefix: "/organizations/", at: req.now)
        return try await FormFlow.create(req, once: once, save: {
            let organization = try await OrganizationService.create(try form.input(), scope: scope, editor: try req.editor(), once: once, on: req.application)
            return "/organizations/\(try organization.requireID())"
        }, rerender: { error in
            try await renderForm(req, form: form, id: nil, scope: scope, error: error)
        })
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let organization = try await OrganizationService.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let id = try organization.requireID()
        let form = try req.content.decode(FormData.self)
        return try await FormFlow.update(req, location: "/organizations/\(id)", save: {
            _ = try await OrganizationService.update(organization, with: try form.input(), scope: scope, editor: try req.editor(), on: req.application)
        }, showNewer: { error in
            try await renderForm(req, form: FormData(try await OrganizationService.find(id, scope: scope, on: req.db)), id: id, scope: scope, error: error)
        }, rerender: { error in
            try await renderForm(req, form: form, id: id, scope: scope, error: error)
        })
    }

    private func renderForm(_ req: Request, form: FormData, id: UUID?, scope: UnitScope, error: AppError? = nil) async throws -> Response {
        let context = FormContext(
            layout: Pages.layout(req, titleKey: id == nil ? "organizations.new" : "organizations.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.status == .conflict && error?.field == "version",
            kinds: Pages.enumOptions(OrganizationKind.self, prefix: "orgKind", selected: form.kind, request: req),
            units: Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req))
        return try await Pages.render("organizations/form", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}
