import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Dispute mediation in the browser: figures and the list (overdue cases stand out), a case's
/// page with its claimants (masked), sessions, steps, deadline, payments and confirmation; and a
/// worker's own requests. Intake and corrections are `RecordPages<DisputeForm>`.
struct DisputePages: RouteCollection {
    static let path = "/" + DisputeCase.routeName

    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped(.constant(DisputeCase.routeName))
        cases.get(use: index)
        cases.get(":id") { try await Self.renderShow($0, error: nil) }
        routes.workflowSteps(DisputeStep.self, of: DisputeCase.routeName) { step, req in
            try await Self.change(req) { row, context in
                let form = try req.content.decode(StepForm.self)
                try await DisputeService.step(
                    step, row,
                    input: DisputeStepInput(
                        version: form.version.flatMap { Int($0) }, date: form.date,
                        agreedFen: try FormValue.fen(form.agreed, field: "agreedFen"), reason: form.reason), context: context)
            }
        }
        cases.post(":id", "extend") { req in
            try await Self.change(req) { row, context in
                let form = try req.content.decode(StepForm.self)
                try await DisputeService.extend(
                    row,
                    input: DisputeExtensionInput(
                        version: form.version.flatMap { Int($0) }, newDeadline: form.date, bothConsent: form.bothConsent == "true"),
                    context: context)
            }
        }
        cases.post(":id", "sessions") { req in
            try await Self.change(req) { row, context in
                let form = try req.content.decode(StepForm.self)
                _ = try await DisputeService.addSession(
                    row, input: DisputeSessionInput(date: form.date, notes: form.reason), context: context)
            }
        }
        cases.post(":id", "payments") { req in
            try await Self.change(req) { row, context in
                let form = try req.content.decode(StepForm.self)
                _ = try await DisputeService.pay(
                    row, input: DisputePaymentInput(date: form.date, amountFen: try FormValue.fen(form.agreed, field: "amountFen")),
                    context: context)
            }
        }
        cases.post(":id", "confirm") { req in
            try await Self.change(req) { row, context in
                let form = try req.content.decode(StepForm.self)
                try await DisputeService.confirm(
                    row, input: DisputeConfirmationInput(date: form.date, number: form.reason), context: context)
            }
        }
        routes.get("me", "disputes") { try await Self.renderMine($0, error: nil, form: nil) }
        routes.post("me", "disputes") { req in
            let form = try req.content.decode(RequestForm.self)
            do {
                let row = try await DisputeRequests.file(
                    DisputeRequestInput(
                        type: form.type.flatMap(DisputeType.init(rawValue:)), employerName: form.employerName,
                        claimedFen: try FormValue.fen(form.claimed, field: "claimedFen"), summary: form.summary), request: req)
                return req.redirect(to: "/me/disputes/\(try row.requireID())?notice=created", redirectType: .normal)
            } catch let error as AppError where error.field != nil {
                return try await Self.renderMine(req, error: error, form: form)
            }
        }
        routes.get("me", "disputes", ":id") { req in
            let row = try await DisputeRequests.readable(try req.parameters.require("id"), request: req)
            let context = MineShow(
                layout: Pages.layout(req, titleKey: "dispute.mine"), row: try Self.row(try await row.output(on: req), on: req),
                events: try await DisputeAPIController.events(of: row, on: req.db).map { Self.event($0, on: req) })
            return try await Pages.render("disputes/mine-show", context, on: req)
        }
    }

    struct StepForm: Content {
        var version: String?
        var date: String?
        var agreed: String?
        var reason: String?
        var bothConsent: String?
    }

    struct RequestForm: Content {
        var type: String?
        var employerName: String?
        var claimed: String?
        var summary: String?
    }

    static func change(_ req: Request, _ body: @escaping (DisputeCase, WriteContext) async throws -> Void) async throws -> Response {
        try await DisputeCase.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }, body)
    }

    struct Row: Encodable {
        var d: DisputeOutput
        var channel: String
        var type: String
        var status: String
        var claimed: String
        var recovered: String
        var agreed: String
        var claimants: String
    }

    static func row(_ d: DisputeOutput, on req: Request) throws -> Row {
        Row(
            d: d, channel: req.t("disputeChannel.\(d.channel.rawValue)"), type: req.t("disputeType.\(d.type.rawValue)"),
            status: req.t("disputeStatus.\(d.status.rawValue)"),
            claimed: Fen(d.claimedFen).description, recovered: Fen(d.recoveredFen).description,
            agreed: d.agreedFen.map { Fen($0).description } ?? "",
            claimants: d.claimants.map(\.name).joined(separator: "、"))
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var channels: [Figure]
        var types: [Figure]
        var outcomes: [Figure]
        var charts: [BarChart]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var statuses: [SelectOption]
        var overdue: Bool
        var dueSoon: Bool
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(DisputeFilter.self)
        let stats = try await DisputeService.counts(scope: scope, list: list, today: req.today, on: req.db)
        let page = try await DisputeCase.list(list, filter: filter, scope: scope, request: req)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        func figures(_ counts: [KeyCount], _ prefix: String, _ parameter: String) -> [Figure] {
            counts.map {
                Figure(label: req.t("\(prefix).\($0.key)"), count: $0.count, href: "\(Self.path)?\(parameter)=\($0.key)&\(period)")
            }
        }
        let totals = [
            Figure(label: req.t("dispute.cases"), count: stats.cases, href: "\(Self.path)?\(period)"),
            Figure(label: req.t("dispute.claimed"), fen: stats.claimedFen, href: "\(Self.path)?\(period)"),
            Figure(label: req.t("dispute.recovered"), fen: stats.recoveredFen, href: "\(Self.path)?status=settled&\(period)"),
            Figure(label: req.t("dispute.overdue"), count: stats.overdue, href: "\(Self.path)?overdue=true"),
        ]
        let channels = figures(stats.byChannel, "disputeChannel", "channel")
        let types = figures(stats.byType, "disputeType", "type")
        let outcomes = figures(stats.byStatus, "disputeStatus", "status")
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "dispute.title"), totals: totals, channels: channels, types: types, outcomes: outcomes,
            charts: [
                BarChart(title: req.t("dispute.byChannel"), figures: channels), BarChart(title: req.t("dispute.byType"), figures: types),
                BarChart(title: req.t("dispute.byOutcome"), figures: outcomes),
                BarChart(title: req.t("dispute.amounts"), figures: Array(totals[1...2])),
            ],
            rows: try page.items.map { try Self.row($0, on: req) }, pager: Pager(metadata: page.metadata, request: req),
            from: list.from ?? "", to: list.to ?? "",
            statuses: Pages.enumOptions(DisputeStatus.self, prefix: "disputeStatus", selected: filter.status?.rawValue, request: req),
            overdue: filter.overdue == true, dueSoon: filter.dueSoon == true, deleted: list.deleted == true)
        return try await Pages.render("disputes/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var court: String
        var sessions: [DisputeSessionOutput]
        var payments: [Row.Payment]
        var steps: [String]
        var today: String
        var error: FormError?
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await DisputeCase.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await row.output(on: req)
        let court = try await row.courtID.asyncMap { try await Organization.find($0, on: req.db) }
        let steps = row.deletedAt != nil ? [] : DisputeStep.allCases.filter { (try? $0.apply(to: row.status).get()) != nil }.map(\.rawValue)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "dispute.one"), row: try Self.row(output, on: req), court: court??.name ?? "",
            sessions: try await DisputeAPIController.sessions(of: row, on: req.db),
            payments: try await DisputeAPIController.payments(of: row, on: req.db).map {
                Row.Payment(date: $0.date, amount: Fen($0.amountFen).description)
            },
            steps: steps, today: req.today.description, error: error.map { Pages.pageError($0, entity: "dispute", on: req) },
            deleted: row.deletedAt != nil,
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("disputes/show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct MineContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var error: FormError?
        var fields: [FormField]
    }

    static func renderMine(_ req: Request, error: AppError?, form: RequestForm?) async throws -> Response {
        let rows = try await DisputeService.outputs(try await DisputeRequests.mine(req), today: req.today, on: req.db)
        let form = form ?? RequestForm(type: DisputeType.wageArrears.rawValue)
        let fields = FormFields(req, error: error)
        let context = MineContext(
            layout: Pages.layout(req, titleKey: "dispute.mine"), rows: try rows.map { try Self.row($0, on: req) }, error: fields.error,
            fields: [
                fields.select(
                    "type", "dispute.type", Pages.enumOptions(DisputeType.self, prefix: "disputeType", selected: form.type, request: req)),
                fields.input("employerName", "dispute.employerName", form.employerName, required: true, ["maxlength": "200"]),
                fields.input(
                    "claimed", "dispute.claimedYuan", form.claimed, required: true, errors: ["claimedFen"], ["inputmode": "decimal"]),
                fields.textarea("summary", "dispute.summary", form.summary, required: true, ["rows": "4", "maxlength": "2000"]),
            ])
        return try await Pages.render("disputes/mine", context, status: fields.status, on: req)
    }

    struct MineShow: Encodable {
        var layout: Layout
        var row: Row
        var events: [EventLine]
    }

    struct EventLine: Encodable {
        var at: String
        var what: String
        var note: String
    }

    static func event(_ event: DisputeEventOutput, on req: Request) -> EventLine {
        EventLine(at: Pages.timestamp(event.at), what: req.t("disputeEvent.\(event.what)"), note: event.note)
    }
}

extension DisputePages.Row {
    struct Payment: Encodable {
        var date: String
        var amount: String
    }
}
