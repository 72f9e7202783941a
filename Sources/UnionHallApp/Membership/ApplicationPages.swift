import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Applying to join in the browser (我要入会, 进度查询), without signing in.
struct JoinPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("join", use: form)
        routes.chained(CSRFMiddleware()).post("join", use: submit)
        routes.get("join", "status", use: status)
    }

    struct Form: Content {
        var name: String?
        var idNumber: String?
        var mobile: String?
        var unitId: String?
        var organizationId: String?
        var platform: String?
        var employment: String?
        var trade: String?
    }

    struct Context: Encodable {
        var layout: Layout
        var form: Form
        var units: [SelectOption]
        var organizations: [SelectOption]
        var trades: [SelectOption]
        var error: FormError?
        var receipt: ApplicationReceipt?
    }

    @Sendable func form(req: Request) async throws -> Response {
        let cookie = try await Sessions.startAnonymous(req)
        var form = (try? req.query.decode(Form.self)) ?? Form()
        form.employment = form.employment ?? "regular"
        let response = try await render(req, form: form, error: nil)
        Sessions.setCookie(cookie, on: response, request: req)
        return response
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        do {
            let platformWorker = form.employment == "platform"
            // The radio says platform: a missing name is asked for on its own field, not as a missing employer.
            if platformWorker, (form.platform ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw AppError.invalid("platform", "error.required")
            }
            let input = ApplicationInput(
                name: form.name, idNumber: form.idNumber, mobile: form.mobile, unitId: try FormValue.uuid(form.unitId, field: "unitId"),
                organizationId: platformWorker ? nil : try FormValue.uuid(form.organizationId, field: "organizationId"),
                platform: platformWorker ? form.platform : nil, dispatched: form.employment == "dispatched", trade: form.trade)
            let receipt = try await ApplicationService.submit(input, request: req)
            return try await render(req, form: Form(), error: nil, receipt: receipt, status: .created)
        } catch let error as AppError {
            return try await render(req, form: form, error: error)
        }
    }

    private func render(_ req: Request, form: Form, error: AppError?, receipt: ApplicationReceipt? = nil, status: HTTPStatus? = nil)
        async throws -> Response
    {
        let tree = try await req.unitTree()
        let unitID = form.unitId.flatMap(UUID.init(uuidString:))
        let organizations =
            try await unitID.asyncMap { unit in
                try await Organization.query(on: req.db).filter(\.$unitID ~~ tree.subtree(of: unit)).filter(\.$deletedAt == nil)
                    .sort(\.$name).limit(500).all()
            } ?? []
        let trades = try await TradeBook.load(on: req.db).current
        let context = Context(
            layout: Pages.layout(req, titleKey: "join.title"), form: form,
            units: tree.ordered(within: nil).filter { $0.node.kind != .team }.map {
                SelectOption(value: $0.node.id.uuidString, label: tree.path(of: $0.node.id), selected: $0.node.id == unitID)
            },
            organizations: organizations.compactMap { org in
                org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == form.organizationId) }
            },
            trades: trades.map { SelectOption(value: $0, label: $0, selected: $0 == form.trade) },
            error: error.map { Pages.formError($0, on: req) }, receipt: receipt)
        return try await Pages.render("membership/join", context, status: status ?? error?.status ?? .ok, on: req)
    }

    struct StatusContext: Encodable {
        var layout: Layout
        var number: String
        var progress: ApplicationProgress?
        var statusLabel: String
        var error: String?
    }

    @Sendable func status(req: Request) async throws -> Response {
        let query = try req.query.decode(ApplicationStatusQuery.self)
        var context = StatusContext(
            layout: Pages.layout(req, titleKey: "join.status"), number: query.number ?? "", statusLabel: "")
        var status = HTTPStatus.ok
        if query.number != nil || query.code != nil {
            do {
                let progress = try await ApplicationService.progress(number: query.number, code: query.code, request: req)
                context.progress = progress
                context.statusLabel = req.t("applicationStatus.\(progress.status.rawValue)")
            } catch let error as AppError {
                context.error = req.t(error.status == .notFound ? "join.notFound" : error.key, error.arguments)
                status = error.status
            }
        }
        return try await Pages.render("membership/status", context, status: status, on: req)
    }
}

/// The officers' list of applications for their subtree, one application, and answering it.
struct ApplicationPages: RouteCollection {
    static let path = "/" + MembershipApplication.routeName

    func boot(routes: any RoutesBuilder) throws {
        let applications = routes.grouped(.constant(MembershipApplication.routeName))
        applications.get(use: index)
        ListExport.route(MembershipApplication.self, on: applications)
        applications.get(":id", use: show)
        routes.workflowSteps(ApplicationStep.self, of: MembershipApplication.routeName) { try await Self.perform($0, req: $1) }
    }

    struct Row: Encodable {
        var id: String
        var number: String
        var name: String
        var unit: String
        var employer: String
        var statusLabel: String
        var submittedDate: String
        var daysLeft: String
        var overdue: Bool
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
        var statuses: [SelectOption]
        var overdue: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(ApplicationFilter.self)
        let page = try await ApplicationService.list(list, filter: filter, scope: scope, on: req.db)
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, number: $0.number, name: $0.name, unit: scope.tree.name(of: $0.unitId),
                employer: $0.organizationName ?? $0.platform ?? "", statusLabel: req.t("applicationStatus.\($0.status.rawValue)"),
                submittedDate: $0.submittedDate, daysLeft: $0.daysLeft.map { req.t("applications.daysLeft", [String($0)]) } ?? "",
                overdue: $0.overdue)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "applications.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "",
            statuses: Pages.enumOptions(
                ApplicationStatus.self, prefix: ApplicationStatus.catalogue, selected: filter.status?.rawValue, request: req),
            overdue: filter.overdue == true)
        return try await Pages.render("membership/applications", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var application: ApplicationOutput
        var unitPath: String
        var statusLabel: String
        var formLabel: String
        var steps: [String]
        var today: String
        var error: FormError?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await MembershipApplication.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let output = try await row.output(on: req)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "applications.show"), application: output, unitPath: scope.tree.path(of: row.unitID),
            statusLabel: req.t("applicationStatus.\(row.status.rawValue)"), formLabel: req.name(of: row.employmentForm),
            steps: row.status.isOpen ? ApplicationStep.allCases.map(\.rawValue) : [], today: req.today.description,
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("membership/application", context, status: error?.status ?? .ok, on: req)
    }

    struct StepForm: Content {
        var version: String?
        var reason: String?
        var joinDate: String?
    }

    static func perform(_ step: ApplicationStep, req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        return try await MembershipApplication.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }) { row, context in
            let input = ApplicationStepInput(version: form.version.flatMap { Int($0) }, reason: form.reason, joinDate: form.joinDate)
            try await ApplicationService.step(step, row, input: input, context: context)
        }
    }
}
