import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Hazards in the browser: the officer's list with its figures and a report's page with its
/// steps; the worker's phone page to report one with a photo and follow it.
struct HazardPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("hazard-reports", use: index)
        // Reports are entered by workers, so there is no officer's form to bring the export link along.
        ListExport.route(HazardReport.self, on: routes.grouped("hazard-reports"))
        routes.get("hazard-reports", ":id") { try await Self.renderShow($0, error: nil) }
        routes.get("hazard-reports", ":id", "photo") { try await HazardAPIController.photo($0, rectified: false) }
        routes.workflowSteps(HazardStep.self, of: HazardReport.routeName) { step, req in
            let form = try req.content.decode(StepForm.self)
            return try await HazardReport.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { row, context in
                try await HazardService.step(
                    step, row,
                    input: HazardStepInput(
                        version: form.version.flatMap { Int($0) }, date: form.date, rectifyBy: form.rectifyBy,
                        amountFen: try FormValue.fen(form.amount, field: "amountFen"), reason: form.reason), context: context)
            }
        }
        routes.get("me", "hazards") { try await Self.renderMine($0, error: nil, form: nil) }
        routes.upload("me", "hazards", maxSize: HazardService.photoBodyLimit) { req in
            let form = try req.content.decode(ReportForm.self)
            let member = try await req.requireMember()
            do {
                let once = FormOnce(form._once, pathPrefix: "/me/hazards", at: req.now)
                let row = try await HazardService.report(
                    HazardInput(
                        place: form.place, description: form.description, severity: form.severity.flatMap(HazardSeverity.init(rawValue:))),
                    reporter: member, today: req.today, editor: try req.editor(), app: req.application, once: once)
                if let file = form.file, file.data.readableBytes > 0 {
                    do {
                        try await HazardService.attach(file, to: row, rectified: false, request: req)
                    } catch let error as AppError where error.field != nil {
                        return try await Self.renderMine(
                            req, error: AppError.invalid("file", error.key, error.arguments), form: nil, saved: true)
                    }
                }
                return req.redirect(to: "/me/hazards?notice=created", redirectType: .normal)
            } catch let error as AppError where error.field != nil {
                return try await Self.renderMine(req, error: error, form: form)
            }
        }
    }

    struct StepForm: Content {
        var version: String?
        var date: String?
        var rectifyBy: String?
        var amount: String?
        var reason: String?
    }

    struct ReportForm: Content {
        var place: String?
        var description: String?
        var severity: String?
        var file: File?
        var _once: String?
    }

    struct Row: Encodable {
        var h: HazardOutput
        var severity: String
        var status: String
        var reward: String
    }

    static func row(_ h: HazardOutput, on req: Request) -> Row {
        Row(
            h: h, severity: req.t("hazardSeverity.\(h.severity.rawValue)"), status: req.t("hazardStatus.\(h.status.rawValue)"),
            reward: h.rewardFen.map { Fen($0).description } ?? "")
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var statuses: [Figure]
        var charts: [BarChart]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var statusOptions: [SelectOption]
        var overdue: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let stats = try await HazardService.statistics(scope: scope, list: list, on: req.db)
        let filter = try req.query.decode(HazardFilter.self)
        let page = try await HazardReport.list(list, filter: filter, scope: scope, request: req)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let statuses = stats.byStatus.map {
            Figure(label: req.t("hazardStatus.\($0.key)"), count: $0.count, href: "/hazard-reports?status=\($0.key)&\(period)")
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "hazard.title"),
            totals: [
                Figure(label: req.t("hazard.reports"), count: stats.reports, href: "/hazard-reports?\(period)"),
                Figure(label: req.t("hazardStatus.rewarded"), count: stats.rewarded, href: "/hazard-reports?status=rewarded&\(period)"),
                Figure(
                    label: req.t("hazard.rewardsPaid"), value: Fen(stats.rewardsFen).description,
                    href: "/hazard-reports?status=rewarded&\(period)"),
            ],
            statuses: statuses, charts: [BarChart(title: req.t("hazard.byStatus"), figures: statuses)],
            rows: page.items.map { Self.row($0, on: req) }, pager: Pager(metadata: page.metadata, request: req), from: list.from ?? "",
            to: list.to ?? "",
            statusOptions: Pages.enumOptions(HazardStatus.self, prefix: "hazardStatus", selected: filter.status?.rawValue, request: req),
            overdue: filter.overdue == true)
        return try await Pages.render("safety/hazards", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var steps: [String]
        var today: String
        var error: FormError?
        var history: [Pages.HistoryRow]
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await HazardReport.find(try req.parameters.require("id"), scope: scope, includingDeleted: false, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "hazard.one"), row: Self.row(try await row.output(on: req), on: req),
            steps: HazardStep.allCases.filter { (try? $0.apply(to: row.status).get()) != nil }.map(\.rawValue),
            today: req.today.description,
            error: error.map { Pages.pageError($0, entity: "hazard", on: req) },
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("safety/hazard", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct Mine: Encodable {
        var row: Row
        var events: [AidPages.EventRow]
    }

    struct MineContext: Encodable {
        var layout: Layout
        var rows: [Mine]
        var once: String
        var error: FormError?
        var fields: [FormField]
        var saved: Bool
    }

    static func renderMine(_ req: Request, error: AppError?, form: ReportForm?, saved: Bool = false) async throws -> Response {
        let member = try await req.requireMember()
        let reports = try await HazardReport.query(on: req.db).filter(\.$reporterID == member.requireID()).filter(\.$deletedAt == nil)
            .sort(\.$reportedDate, .descending).all()
        let events = try await HazardService.events(of: reports, on: req.db)
        let mine = try await HazardService.outputs(reports, on: req.db).map { output in
            Mine(
                row: Self.row(output, on: req),
                events: (events[output.id] ?? []).map {
                    AidPages.EventRow(at: Pages.timestamp($0.at), what: req.t("hazardStatus.\($0.status.rawValue)"), note: "")
                })
        }
        let fields = FormFields(req, error: error)
        let context = MineContext(
            layout: Pages.layout(req, titleKey: "hazard.mine"), rows: mine, once: form?._once ?? Pages.once(), error: fields.error,
            fields: [
                fields.input("place", "hazard.place", form?.place, required: true, ["maxlength": "200"]),
                fields.textarea(
                    "description", "hazard.description", form?.description, required: true, ["rows": "3", "maxlength": "2000"]),
                fields.select(
                    "severity", "hazard.severity",
                    Pages.enumOptions(
                        HazardSeverity.self, prefix: "hazardSeverity", selected: form?.severity ?? HazardSeverity.general.rawValue,
                        request: req)),
                fields.input("file", "hazard.photo", nil, type: "file", ["accept": "image/jpeg,image/png", "capture": "environment"]),
            ], saved: saved)
        return try await Pages.render("safety/mine", context, status: fields.status, on: req)
    }
}
