import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Team safety inspections in the browser: the list with the 安康杯 figures, an inspection's page
/// with its steps and findings, and the plan's form. Findings are also `POST /api/v1/safety-inspections/{id}/findings`.
struct InspectionPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let inspections = routes.grouped(.constant(SafetyInspection.routeName))
        inspections.get(use: index)
        inspections.get(":id") { try await Self.renderShow($0, error: nil) }
        inspections.post(":id", "findings") { req in
            let form = try req.content.decode(FindingForm.self)
            return try await SafetyInspection.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { row, context in
                _ = try await Inspections.addFinding(
                    FindingInput(place: form.place, description: form.description, severity: form.severity.flatMap(HazardSeverity.init)),
                    to: row, context: context)
            }
        }
        routes.workflowSteps(InspectionStep.self, of: SafetyInspection.routeName) { step, req in
            let form = try req.content.decode(StepForm.self)
            return try await SafetyInspection.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { row, context in
                try await Inspections.step(
                    step, row, input: InspectionStepInput(version: form.version.flatMap { Int($0) }, date: form.date, reason: form.reason),
                    context: context)
            }
        }
    }

    struct FindingForm: Content {
        var place: String?
        var description: String?
        var severity: String?
    }

    struct StepForm: Content {
        var version: String?
        var date: String?
        var reason: String?
    }

    struct Row: Encodable {
        var i: InspectionOutput
        var status: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var statuses: [SelectOption]
        var from: String
        var to: String
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(InspectionFilter.self)
        let page = try await SafetyInspection.list(list, filter: filter, scope: scope, request: req)
        let today = req.today
        // The figures of the period asked for, or of this year so far.
        let from = list.from.flatMap(CivilDate.init) ?? CivilDate(year: today.year, month: 1, day: 1)!
        let to = list.to.flatMap(CivilDate.init) ?? today
        let figures = try await Inspections.statistics(
            FigureQuery(scope: scope, from: from, to: to, unitId: list.unitId, today: today, db: req.db))
        let period = "from=\(from)&to=\(to)"
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "inspection.title"),
            figures: [
                Figure(label: req.t("inspection.planned"), count: figures.planned, href: "/safety-inspections?\(period)"),
                Figure(label: req.t("inspection.held"), count: figures.held, href: "/safety-inspections?status=held&\(period)"),
                Figure(
                    label: req.t("inspection.teamsInspected"), value: "\(figures.teamsInspected) / \(figures.teams)",
                    href: "/safety-inspections?status=held&\(period)"),
                Figure(label: req.t("inspection.findings"), count: figures.findings, href: "/safety-inspections?status=held&\(period)"),
            ],
            rows: page.items.map { Row(i: $0, status: req.t($0.status.labelKey)) }, pager: Pager(metadata: page.metadata, request: req),
            statuses: Pages.enumOptions(
                InspectionStatus.self, prefix: InspectionStatus.catalogue, selected: filter.status?.rawValue, request: req),
            from: list.from ?? "", to: list.to ?? "")
        return try await Pages.render("safety/inspections", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var steps: [String]
        var findings: [HazardOutput]
        var severities: [SelectOption]
        var today: String
        var error: FormError?
        var history: [Pages.HistoryRow]
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await SafetyInspection.find(try req.parameters.require("id"), scope: scope, includingDeleted: false, on: req.db)
        let output = try await row.output(on: req)
        let findings = try await HazardService.outputs(
            try await HazardReport.query(on: req.db).filter(\.$inspectionID == row.requireID()).filter(\.$deletedAt == nil)
                .sort(\.$reportedDate).all(), on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "inspection.one"), row: Row(i: output, status: req.t(output.status.labelKey)),
            steps: InspectionStep.allCases.filter { (try? $0.apply(to: row.status).get()) != nil }.map(\.rawValue),
            findings: findings,
            severities: Pages.enumOptions(
                HazardSeverity.self, prefix: HazardSeverity.catalogue, selected: Pages.typed("severity", of: "findings", on: req),
                request: req),
            today: req.today.description, error: error.map { Pages.pageError($0, entity: "safetyInspection", on: req) },
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("safety/inspection", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}

struct InspectionForm: RecordForm {
    typealias Record = SafetyInspection
    var unitId: String?
    var inspectorIdNumber: String?
    var inspectorId: String?
    var plannedDate: String?
    var note: String?
    var version: String?
    var _once: String?

    init(_ row: SafetyInspection?) {
        unitId = row?.unitID.uuidString
        inspectorId = row?.inspectorID.uuidString
        plannedDate = row?.plannedDate
        note = row?.note
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> InspectionForm {
        var form = InspectionForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.plannedDate = request.today.description
        return form
    }

    func input(editing existing: SafetyInspection?, on request: Request) async throws -> InspectionInput {
        var inspector = try FormValue.uuid(inspectorId, field: "inspectorId")
        if let number = inspectorIdNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            inspector = try await MemberLookup.byIDNumber(number, field: "inspectorId", on: request)
        }
        return InspectionInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), inspectorId: inspector, plannedDate: plannedDate ?? "", note: note ?? "",
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: InspectionForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let inspectorName =
            try await form.inspectorId.flatMap(UUID.init(uuidString:)).asyncMap {
                try await MentorshipService.memberNames([$0], on: req.db)[$0]
            } ?? nil
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "inspection.new" : "inspection.edit", path: "/\(SafetyInspection.routeName)", id: id,
            version: form.version, once: form._once, hidden: ["inspectorId": inspectorName == nil ? nil : form.inspectorId],
            fields: [
                fields.select(
                    "unitId", "inspection.team",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req), required: true),
                fields.input(
                    "inspectorIdNumber", "inspection.inspector", nil, required: inspectorName == nil, note: inspectorName,
                    errors: ["inspectorId"],
                    ["maxlength": "18", "class": "mono", "autocomplete": "off", "placeholder": req.t("mentorship.byID")]),
                fields.input("plannedDate", "inspection.plannedDate", form.plannedDate, type: "date", required: true),
                fields.textarea("note", "inspection.note", form.note, ["rows": "3", "maxlength": "1000"]),
            ])
    }
}
