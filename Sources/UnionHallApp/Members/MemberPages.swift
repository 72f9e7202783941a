import Fluent
import UnionHallCore
import Vapor

/// The member register in the browser: list with search and filters, show, create, edit,
/// delete and restore, and revealing an ID number or phone (audited).
struct MemberPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let members = routes.grouped("members")
        members.get(use: index)
        members.get("new", use: new)
        members.post(use: create)
        members.get(":id", use: show)
        members.get(":id", "edit", use: edit)
        members.post(":id", use: update)
        members.post(":id", "reveal", use: reveal)
    }

    // MARK: List

    struct Row: Encodable {
        var id: String
        var name: String
        var genderLabel: String
        var idNumber: String
        var mobile: String
        var unit: String
        var trade: String
        var skillLabel: String
        var flags: [String]
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
        var deleted: Bool
        var units: [SelectOption]
        var trades: [SelectOption]
        var skillLevels: [SelectOption]
        var sorts: [SelectOption]
        var migrant: Bool
        var hardship: Bool
        var skilled: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(MemberFilter.self)
        let page = try await MemberQueries.search(list, filter: filter, scope: scope, on: req.db, countOn: req.secondDB)
        let rows = page.items.map { member in
            Row(id: member.id.uuidString, name: member.name, genderLabel: req.t("gender.\(member.gender.rawValue)"),
                idNumber: member.idNumber, mobile: member.mobile ?? "", unit: scope.tree.name(of: member.unitId),
                trade: member.trade ?? "", skillLabel: member.skillLevel.map { req.t("skill.\($0)") } ?? "",
                flags: (member.migrant ? [req.t("member.migrant")] : []) + (member.hardship ? [req.t("member.hardship")] : []))
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "members.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", deleted: list.deleted == true,
            units: Pages.unitOptions(scope, selected: list.unitId, request: req),
            trades: Trades.all.map { SelectOption(value: $0, label: $0, selected: $0 == filter.trade) },
            skillLevels: Self.skillOptions(selected: filter.skillLevel, request: req),
            sorts: ["name", "-createdAt", "skillLevel"].map { SelectOption(value: $0, label: req.t("sort.\($0)"), selected: $0 == (list.sort ?? "name")) },
            migrant: filter.migrant == true, hardship: filter.hardship == true, skilled: filter.skilled == true)
        return try await Pages.render("members/index", context, on: req)
    }

    // MARK: Show

    struct ShowContext: Encodable {
        var layout: Layout
        var member: MemberOutput
        var genderLabel: String
        var unitPath: String
        var organization: String
        var skillLabel: String
        var revealed: Bool
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, reveal: false)
    }

    @Sendable func reveal(req: Request) async throws -> Response {
        try await renderShow(req, reveal: true)
    }

    private func renderShow(_ req: Request, reveal: Bool) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        if reveal { try await MemberService.reveal(member, editor: try req.editor(), on: req.application) }
        let organization = try await member.organizationID.asyncMap { try await Organization.find($0, on: req.db) }
        let history = try await AuditQueries.list(ListQuery(per: 10), filter: AuditFilter(entity: Member.auditEntity, entityId: member.id), scope: scope, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "members.show"), member: try MemberOutput(member, reveal: reveal),
            genderLabel: req.t("gender.\(member.gender.rawValue)"), unitPath: scope.tree.path(of: member.unitID),
            organization: organization??.name ?? "", skillLabel: member.skillLevel.map { req.t("skill.\($0)") } ?? "",
            revealed: reveal, deleted: member.deletedAt != nil, history: Pages.history(history.items, on: req))
        return try await Pages.render("members/show", context, on: req)
    }

    // MARK: Create and edit

    /// The form's fields as typed, so a rejected form comes back exactly as the user left it.
    struct FormData: Content {
        var name: String?
        var gender: String?
        var idNumber: String?
        var mobile: String?
        var unitId: String?
        var organizationId: String?
        var trade: String?
        var skillLevel: String?
        var migrant: String?
        var hardship: String?
        var version: String?
        var _once: String?

        init(_ member: Member?) {
            name = member?.name
            gender = member?.gender.rawValue
            // Personal data starts masked in the edit form too; left as it is, it stays unchanged.
            idNumber = member.map { Masking.idNumber($0.idNumber) }
            mobile = member?.mobile.map(Masking.mobile)
            unitId = member?.unitID.uuidString
            organizationId = member?.organizationID?.uuidString
            trade = member?.trade
            skillLevel = member?.skillLevel.map(String.init)
            migrant = member?.migrant == true ? "on" : nil
            hardship = member?.hardship == true ? "on" : nil
            version = member.map { String($0.version) }
        }

        /// Converts to the API's input; an unparsable number or ID names its field.
        func input() throws -> MemberInput {
            func uuid(_ text: String?, _ field: String) throws -> UUID? {
                guard let text, !text.isEmpty else { return nil }
                guard let id = UUID(uuidString: text) else { throw AppError.invalid(field, "error.invalid") }
                return id
            }
            var level: Int?
            if let skillLevel, !skillLevel.isEmpty {
                guard let parsed = Int(skillLevel) else { throw AppError.invalid("skillLevel", "error.skillLevel.invalid") }
                level = parsed
            }
            return MemberInput(
                name: name ?? "", gender: gender.flatMap(Gender.init(rawValue:)), idNumber: idNumber ?? "", mobile: mobile ?? "",
                unitId: try uuid(unitId, "unitId"), organizationId: try uuid(organizationId, "organizationId"), trade: trade ?? "",
                skillLevel: level, migrant: migrant != nil, hardship: hardship != nil, version: version.flatMap { Int($0) })
        }
    }

    struct FormContext: Encodable {
        var layout: Layout
        var form: FormData
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var units: [SelectOption]
        var organizations: [SelectOption]
        var genders: [SelectOption]
        var skillLevels: [SelectOption]
        var trades: [SelectOption]
        var tradeList: [String]
    }

    @Sendable func new(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        var form = FormData(nil)
        form.unitId = (try? req.query.get(String.self, at: "unitId")) ?? user.unitID?.uuidString
        return try await renderForm(req, form: form, id: nil, scope: scope)
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(try req.parameters.require("id"), scope: scope, on: req.db)
        return try await renderForm(req, form: FormData(member), id: member.id, scope: scope)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let form = try req.content.decode(FormData.self)
        let once = FormOnce(form._once, pathPrefix: "/members/", at: req.now)
        return try await FormFlow.create(req, once: once, save: {
            let member = try await MemberService.create(try form.input(), scope: scope, editor: try req.editor(), once: once, on: req.application)
            return "/members/\(try member.requireID())"
        }, rerender: { error in
            try await renderForm(req, form: form, id: nil, scope: scope, error: error)
        })
    }

    @Sendable func update(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let member = try await MemberQueries.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let id = try member.requireID()
        let form = try req.content.decode(FormData.self)
        return try await FormFlow.update(req, location: "/members/\(id)", save: {
            var input = try form.input()
            // Masked values left as shown mean "unchanged".
            if input.idNumber == Masking.idNumber(member.idNumber) { input.idNumber = nil }
            if let mobile = member.mobile, input.mobile == Masking.mobile(mobile) { input.mobile = nil }
            _ = try await MemberService.update(member, with: input, replace: true, scope: scope, editor: try req.editor(), on: req.application)
        }, showNewer: { error in
            try await renderForm(req, form: FormData(try await MemberQueries.find(id, scope: scope, on: req.db)), id: id, scope: scope, error: error)
        }, rerender: { error in
            try await renderForm(req, form: form, id: id, scope: scope, error: error)
        })
    }

    private func renderForm(_ req: Request, form: FormData, id: UUID?, scope: UnitScope, error: AppError? = nil) async throws -> Response {
        let organizations = try await scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID)
            .filter(\.$deletedAt == nil).sort(\.$name).all()
        let context = FormContext(
            layout: Pages.layout(req, titleKey: id == nil ? "members.new" : "members.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.status == .conflict && error?.field == "version",
            units: Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
            organizations: organizations.compactMap { org in
                org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == form.organizationId) }
            },
            genders: Pages.enumOptions(Gender.self, prefix: "gender", selected: form.gender, request: req),
            skillLevels: Self.skillOptions(selected: form.skillLevel.flatMap { Int($0) }, request: req),
            trades: Trades.all.map { SelectOption(value: $0, label: $0, selected: $0 == form.trade) },
            tradeList: Trades.all)
        return try await Pages.render("members/form", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    static func skillOptions(selected: Int?, request: Request) -> [SelectOption] {
        SkillLevel.allCases.map { SelectOption(value: String($0.rawValue), label: request.t("skill.\($0.rawValue)"), selected: $0.rawValue == selected) }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
