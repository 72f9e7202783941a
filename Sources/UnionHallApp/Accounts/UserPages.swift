import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Accounts in the browser, for the admin: list and create.
struct UserPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get(use: index)
        users.get("new", use: new)
        users.post(use: create)
        users.get(":id", "edit", use: edit)
        users.post(":id", use: update)
    }

    struct Row: Encodable {
        var id: String
        var username: String
        var displayName: String
        var roleLabel: String
        var unit: String
        var active: Bool
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
    }

    @Sendable func index(req: Request) async throws -> Response {
        _ = try req.requireRole(.admin)
        let page = try await AccountAPIController().list(req: req)
        let tree = try await req.scope().tree
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, username: $0.username, displayName: $0.displayName, roleLabel: req.t("role.\($0.role.rawValue)"),
                unit: tree.name(of: $0.unitId), active: $0.active)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "users.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: (try? req.query.get(String.self, at: "q")) ?? "")
        return try await Pages.render("users/index", context, on: req)
    }

    struct FormData: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var unitId: String?
        var _once: String?
    }

    @Sendable func new(req: Request) async throws -> Response {
        _ = try req.requireRole(.admin)
        return try await renderForm(req, form: FormData(role: Role.officer.rawValue))
    }

    @Sendable func create(req: Request) async throws -> Response {
        _ = try req.requireRole(.admin)
        let form = try req.content.decode(FormData.self)
        let once = FormOnce(form._once, pathPrefix: "/users?created=", at: req.now)
        return try await FormFlow.create(
            req, once: once,
            save: {
                let input = UserInput(
                    username: form.username, password: form.password, displayName: form.displayName,
                    role: form.role.flatMap(Role.init(rawValue:)), unitId: form.unitId.flatMap(UUID.init(uuidString:)))
                _ = try await AccountService.create(input, once: once, on: req)
                return "/users"
            },
            rerender: { error in
                var typed = form
                typed.password = nil
                return try await renderForm(req, form: typed, error: error)
            })
    }

    // MARK: Editing an account

    struct EditForm: Content {
        var displayName: String?
        var role: String?
        var unitId: String?
        var active: String?
        var handlesAid: String?
        var password: String?
        var version: String?
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let user = try await AccountAPIController.find(req)
        let form = EditForm(
            displayName: user.displayName, role: user.role.rawValue, unitId: user.unitID?.uuidString,
            active: user.active ? "on" : nil, handlesAid: user.handlesAid ? "on" : nil, version: String(user.version))
        return try await renderEdit(req, user: user, form: form)
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try await AccountAPIController.find(req)
        let form = try req.content.decode(EditForm.self)
        return try await FormFlow.update(
            req, location: "/users",
            save: {
                let input = UserUpdate(
                    displayName: form.displayName, role: form.role.flatMap(Role.init(rawValue:)),
                    unitId: try FormValue.uuid(form.unitId, field: "unitId"), active: form.active != nil,
                    handlesAid: form.handlesAid != nil,
                    password: form.password, version: form.version.flatMap { Int($0) })
                _ = try await AccountService.update(user, with: input, on: req)
            },
            showNewer: { error in
                let newer = try await AccountAPIController.find(req)
                return try await renderEdit(
                    req, user: newer,
                    form: EditForm(
                        displayName: newer.displayName, role: newer.role.rawValue,
                        unitId: newer.unitID?.uuidString, active: newer.active ? "on" : nil, handlesAid: newer.handlesAid ? "on" : nil,
                        version: String(newer.version)), error: error)
            },
            rerender: { error in
                var typed = form
                typed.password = nil
                return try await renderEdit(req, user: user, form: typed, error: error)
            })
    }

    private func renderEdit(_ req: Request, user: User, form: EditForm, error: AppError? = nil) async throws -> Response {
        let scope = try await req.scope()
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: "users.edit", path: "/users", id: try user.requireID(), version: form.version, once: nil, cancel: "/users",
            notes: [user.username],
            fields: [
                fields.input("displayName", "field.displayName", form.displayName, ["maxlength": "30"]),
                fields.select("role", "field.role", Pages.enumOptions(Role.self, prefix: "role", selected: form.role, request: req)),
                fields.select(
                    "unitId", "field.unitId", Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
                    empty: "form.none"),
                fields.checks(
                    "active", nil,
                    [
                        (name: "active", label: "users.activeHint", checked: form.active != nil),
                        (name: "handlesAid", label: "users.handlesAidHint", checked: form.handlesAid != nil),
                    ], errors: ["handlesAid"]),
                fields.input(
                    "password", "users.newPassword", nil, type: "password", hint: "users.passwordHint", ["autocomplete": "new-password"]),
            ])
    }

    private func renderForm(_ req: Request, form: FormData, error: AppError? = nil) async throws -> Response {
        let scope = try await req.scope()
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: "users.new", path: "/users", id: nil, version: nil, once: form._once,
            fields: [
                fields.input(
                    "username", "field.username", form.username, required: true, hint: "users.usernameHint",
                    ["maxlength": "32", "autocomplete": "off"]),
                fields.input("displayName", "field.displayName", form.displayName, ["maxlength": "30"]),
                fields.input("password", "field.password", nil, type: "password", required: true, ["autocomplete": "new-password"]),
                fields.select(
                    "role", "field.role", Pages.enumOptions(Role.self, prefix: "role", selected: form.role, request: req), required: true),
                fields.select(
                    "unitId", "field.unitId", Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
                    empty: "form.none"),
            ])
    }
}

extension UserPages.FormData {
    init(role: String) {
        self.role = role
    }
}
