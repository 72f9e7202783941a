import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Technical problems in the browser: the period's figures and the list (open ones filterable by
/// trade, so a craftsman sees what fits them), a problem's page with its next steps, and the form a
/// worker uses to raise one for their own employer.
struct TechProblemPages: RouteCollection {
    static let path = "/" + TechProblem.routeName

    func boot(routes: any RoutesBuilder) throws {
        let problems = routes.grouped(.constant(TechProblem.routeName))
        problems.get(use: index)
        problems.get(":id", use: show)
        routes.workflowSteps(TechProblemStep.self, of: TechProblem.routeName) { try await Self.perform($0, req: $1) }
        routes.get("me", "tech-problems", "new", use: workerForm)
        routes.post("me", "tech-problems", use: workerRaise)
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var organization: String
        var trade: String
        var statusLabel: String
        var raisedDate: String
        var matched: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var statuses: [SelectOption]
        var trades: [SelectOption]
        var open: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(TechProblemFilter.self)
        let counts = try await TechProblemService.counts(scope: scope, list: list, on: req.db)
        let page = try await TechProblemService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")"
        let figures = [
            Figure(label: req.t("techProblems.raised"), value: String(counts.raised), href: "\(Self.path)?\(period)"),
            Figure(
                label: req.t("techProblems.solved"), value: String(counts.solved), href: "\(Self.path)?status=solved&on=solved&\(period)"),
            Figure(
                label: req.t("techProblems.benefit"), value: Fen(counts.benefitFen).description,
                href: "\(Self.path)?status=solved&on=solved&\(period)"),
            Figure(label: req.t("techProblems.open"), value: String(counts.open), href: "\(Self.path)?open=true"),
        ]
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, title: $0.title, organization: $0.organizationName, trade: $0.trade ?? "",
                statusLabel: req.t("techProblemStatus.\($0.status.rawValue)"), raisedDate: $0.raisedDate,
                matched: $0.matchedMemberName ?? "")
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "techProblems.title"), figures: figures, rows: rows,
            pager: Pager(metadata: page.metadata, request: req),
            from: list.from ?? "", to: list.to ?? "",
            statuses: Pages.enumOptions(
                TechProblemStatus.self, prefix: "techProblemStatus", selected: filter.status?.rawValue, request: req),
            trades: try await TradeBook.load(on: req.db).filterOptions(selected: filter.trade), open: filter.open == true)
        return try await Pages.render("techProblems/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var problem: TechProblemOutput
        var statusLabel: String
        var studio: String
        var benefit: String
        var steps: [String]
        var studios: [SelectOption]
        var today: String
        var error: FormError?
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let problem = try await TechProblem.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await problem.output(on: req)
        let studios = try await scope.apply(to: Studio.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name)
            .all()
        let steps =
            problem.deletedAt != nil
            ? [] : TechProblemStep.allCases.filter { (try? $0.apply(to: problem.status).get()) != nil }.map(\.rawValue)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "techProblems.show"), problem: output,
            statusLabel: req.t("techProblemStatus.\(problem.status.rawValue)"),
            studio: studios.first { $0.id == problem.matchedStudioID }?.name ?? "", benefit: Fen(problem.benefitFen).description,
            steps: steps,
            studios: studios.compactMap { studio in
                studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: false) }
            },
            today: req.today.description, error: error.map { Pages.formError($0, on: req) }, deleted: problem.deletedAt != nil,
            history: try await Pages.recentHistory(of: problem, scope: scope, on: req))
        return try await Pages.render("techProblems/show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct StepForm: Content {
        var version: String?
        var idNumber: String?
        var studioId: String?
        var solution: String?
        var benefit: String?
        var date: String?
        var reason: String?
    }

    static func perform(_ step: TechProblemStep, req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        return try await TechProblem.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }) { problem, context in
            var memberID: UUID?
            if let number = form.idNumber, !number.isEmpty {
                memberID = try await MemberLookup.byIDNumber(number, field: "memberId", on: req)
            }
            let benefit = try FormValue.fen(form.benefit, field: "benefitFen")
            let input = TechProblemStepInput(
                version: form.version.flatMap { Int($0) }, memberId: memberID,
                studioId: try FormValue.uuid(form.studioId, field: "studioId"),
                solution: form.solution, benefitFen: benefit, date: form.date, reason: form.reason)
            try await TechProblemService.step(step, problem, input: input, context: context)
        }
    }

    // MARK: A worker raising a problem

    @Sendable func workerForm(req: Request) async throws -> Response {
        _ = try req.requireRole(.member)
        var form = TechProblemForm(nil)
        form.raisedDate = req.today.description
        return try await TechProblemForm.page(
            req, form: form, id: nil, organizations: [], error: nil, action: "/me/tech-problems", worker: true)
    }

    @Sendable func workerRaise(req: Request) async throws -> Response {
        let form = try req.content.decode(TechProblemForm.self)
        let once = FormOnce(form._once, pathPrefix: "/me?problem=", at: req.now)
        return try await FormFlow.create(
            req, once: once,
            save: {
                _ = try await TechProblemService.createForWorker(try await form.input(editing: nil, on: req), once: once, request: req)
                return "/me"
            },
            rerender: { error in
                try await TechProblemForm.page(
                    req, form: form, id: nil, organizations: [], error: error, action: "/me/tech-problems", worker: true)
            })
    }
}
