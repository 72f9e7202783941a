import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Aid applications in the browser for the officers who handle aid: the list with its figures and
/// charts, an application's page with its approvals and history, and the officer's form.
struct AidPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("aid-applications", use: index)
        routes.get("aid-applications", ":id") { try await Self.renderShow($0, error: nil) }
        routes.workflowSteps(AidStep.self, of: AidApplication.routeName) { step, req in
            let form = try req.content.decode(StepForm.self)
            return try await AidApplication.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { row, context in
                try await AidApplications.step(
                    step, row, input: AidStepInput(version: form.version.flatMap { Int($0) }, reason: form.reason), context: context)
            }
        }
    }

    struct StepForm: Content {
        var version: String?
        var date: String?
        var reason: String?
    }

    struct EventRow: Encodable {
        var at: String
        var what: String
        var note: String
    }

    static func events(_ events: [AidEventOutput], on req: Request) -> [EventRow] {
        events.map { EventRow(at: Pages.timestamp($0.at), what: req.t("aidEvent.\($0.what)"), note: $0.note) }
    }

    struct Row: Encodable {
        var a: AidApplicationOutput
        var stage: String
        var status: String
        var amount: String
    }

    /// `stage` reads the school stage of a scholarship, the kind of relief otherwise.
    static func row(_ a: AidApplicationOutput, on req: Request) -> Row {
        Row(
            a: a, stage: a.stage.map { req.t("schoolStage.\($0.rawValue)") } ?? req.t("aidKind.\(a.kind.rawValue)"),
            status: req.t("aidStatus.\(a.status.rawValue)"), amount: Fen(a.amountFen).description)
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var statuses: [Figure]
        var stages: [Figure]
        var relief: [Figure]
        var charts: [BarChart]
        var rows: [Row]
        var pager: Pager
        var statusOptions: [SelectOption]
        var kindOptions: [SelectOption]
        var programs: [SelectOption]
        var q: String
        var from: String
        var to: String
    }

    @Sendable func index(req: Request) async throws -> Response {
        let context = try await AidAccess.require(req)
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(AidFilter.self)
        let stats = try await AidApplications.statistics(scope: context.scope, list: list, today: req.today, on: req.db)
        let applications = try await AidApplication.list(list, filter: filter, scope: context.scope, request: req)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let statuses = stats.byStatus.map {
            Figure(
                label: req.t("aidStatus.\($0.key)"), count: $0.count, href: "/aid-applications?kind=scholarship&status=\($0.key)&\(period)")
        }
        let stages = stats.byStage.map {
            Figure(
                label: req.t("schoolStage.\($0.key)"), count: $0.count, detail: Fen($0.amountFen).description,
                href: "/aid-applications?stage=\($0.key)&funded=true&\(period)")
        }
        let relief = stats.byKind.filter { AidKind(rawValue: $0.key)?.isRelief == true }.map {
            Figure(
                label: req.t("aid.householdsFunded", [req.t("aidKind.\($0.key)")]), count: $0.funded,
                detail: req.t("aid.paidOf", [Fen($0.paidFen).description, Fen($0.budgetFen).description]),
                href: "/aid-applications?kind=\($0.key)&funded=true&\(period)")
        }
        let programs = try await AidPrograms.reachable(by: context, on: req.db)
        let page = IndexContext(
            layout: Pages.layout(req, titleKey: "aid.title"),
            totals: [
                Figure(label: req.t("aid.applications"), count: stats.applications, href: "/aid-applications?\(period)"),
                Figure(label: req.t("aid.children"), count: stats.children, href: "/aid-applications?funded=true&\(period)"),
                Figure(label: req.t("aid.approvedAmount"), fen: stats.approvedFen, href: "/aid-applications?funded=true&\(period)"),
                Figure(
                    label: req.t("aid.paidAmount"), value: Fen(stats.paidFen).description,
                    detail: req.t("aid.ofBudget", [Fen(stats.budgetFen).description]),
                    href: "/aid-applications?status=paid&\(period)"),
                Figure(label: req.t("hardship.files"), count: stats.files, href: "/hardship-files"),
            ],
            statuses: statuses, stages: stages, relief: relief,
            charts: [
                BarChart(title: req.t("aid.byStatus"), figures: statuses),
                BarChart(
                    title: req.t("aid.amountByStage"),
                    figures: stats.byStage.map {
                        Figure(
                            label: req.t("schoolStage.\($0.key)"), fen: $0.amountFen,
                            href: "/aid-applications?stage=\($0.key)&funded=true&\(period)")
                    }),
                Self.budgetChart(
                    budgetFen: stats.budgetFen, approvedFen: stats.approvedFen, paidFen: stats.paidFen, budgetHref: "/aid-programs",
                    listHref: "/aid-applications?\(period)", on: req),
            ],
            rows: applications.items.map { Self.row($0, on: req) }, pager: Pager(metadata: applications.metadata, request: req),
            statusOptions: Pages.enumOptions(AidStatus.self, prefix: "aidStatus", selected: filter.status?.rawValue, request: req),
            kindOptions: Pages.enumOptions(AidKind.self, prefix: "aidKind", selected: filter.kind?.rawValue, request: req),
            programs: AidPrograms.options(programs, selected: filter.programId),
            q: list.q ?? "", from: list.from ?? "", to: list.to ?? "")
        return try await Pages.render("aid/applications", page, on: req)
    }

    /// Budget, approved and paid side by side; the latter two link to their applications.
    static func budgetChart(budgetFen: Int64, approvedFen: Int64, paidFen: Int64, budgetHref: String, listHref: String, on req: Request)
        -> BarChart
    {
        BarChart(
            title: req.t("aid.budgetUse"),
            figures: [
                Figure(label: req.t("aid.budget"), fen: budgetFen, href: budgetHref),
                Figure(label: req.t("aid.approvedAmount"), fen: approvedFen, href: listHref + "&funded=true"),
                Figure(label: req.t("aid.paidAmount"), fen: paidFen, href: listHref + "&status=paid"),
            ])
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var program: String
        var basis: String
        var medicalExpenses: String?
        var steps: [String]
        var error: FormError?
        var events: [EventRow]
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let context = try await AidAccess.require(req)
        let row = try await AidApplication.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db)
        try await AidAccess.recordView(req, entityID: row.id, shown: 1, query: nil)
        let program = try await AidProgram.find(row.programID, on: req.db)
        let page = ShowContext(
            layout: Pages.layout(req, titleKey: "aid.one"), row: Self.row(try await row.output(on: req), on: req),
            program: program.map(AidPrograms.title) ?? "",
            basis: req.t(row.hardshipFileID != nil ? "aid.basisFile" : "aid.basisPriority"),
            medicalExpenses: row.medicalExpensesFen.map { Fen($0).description },
            steps: AidStep.allCases.filter { (try? $0.apply(to: row.status).get()) != nil }.map(\.rawValue),
            error: error.map { Pages.pageError($0, entity: "aidApplication", on: req) },
            events: Self.events(try await AidAccess.events(of: try row.requireID(), on: req.db), on: req))
        return try await Pages.render("aid/application", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}

/// An officer's entry of an application for a worker of their subtree, named by ID number: a
/// child's scholarship, or relief for the worker's household, as the chosen programme gives.
struct AidApplicationForm: RecordForm {
    typealias Record = AidApplication
    var programId: String?
    var memberIdNumber: String?
    var priorityGroup: String?
    var childName: String?
    var childIdNumber: String?
    var school: String?
    var stage: String?
    var admissionYear: String?
    var situation: String?
    var medicalExpenses: String?
    var payeeAccount: String?
    var version: String?
    var _once: String?

    init(_ row: AidApplication?) {
        programId = row?.programID.uuidString
        school = row?.school
        stage = row?.stage?.rawValue
        admissionYear = row?.admissionYear.map { String($0) }
        situation = row?.situation
        childName = row?.childName
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> AidApplicationForm {
        var form = AidApplicationForm(nil)
        form.stage = SchoolStage.university.rawValue
        form.admissionYear = String(request.today.year)
        form.programId = request.query[String.self, at: "programId"]
        return form
    }

    func input(editing existing: AidApplication?, on request: Request) async throws -> AidApplicationInput {
        var memberID: UUID?
        if existing == nil, let number = memberIdNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            memberID = try await MemberLookup.byIDNumber(number, field: "memberId", within: try await request.scope(), on: request.db)
        }
        return AidApplicationInput(
            programId: try FormValue.uuid(programId, field: "programId"), memberId: memberID, priorityGroup: priorityGroup != nil,
            childName: childName, childIdNumber: childIdNumber, school: school, stage: stage.flatMap(SchoolStage.init(rawValue:)),
            admissionYear: try FormValue.integer(admissionYear, field: "admissionYear"), situation: situation,
            medicalExpensesFen: try FormValue.fen(medicalExpenses, field: "medicalExpensesFen"),
            payeeAccount: payeeAccount?.isEmpty == false ? payeeAccount : nil,
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: AidApplicationForm, id: UUID?, context: WriteContext, error: AppError?) async throws
        -> Response
    {
        try AidAccess.handles(context)
        let programs = try await AidPrograms.reachable(by: context, on: req.db)
        let chosen = programs.first { $0.id?.uuidString == form.programId } ?? programs.first
        var kind = chosen?.kind ?? .scholarship
        if let id, let existing = try await AidApplication.find(id, on: req.db) { kind = existing.kind }
        let fields = FormFields(req, error: error)
        let identity = [
            fields.select(
                "programId", "aid.program", AidPrograms.options(programs, selected: chosen?.id), required: true,
                hint: "aid.programHint", ["data-reload": "programId"]),
            fields.input(
                "memberIdNumber", "hardship.workerIdNumber", form.memberIdNumber, required: true, errors: ["memberId"],
                ["maxlength": "18", "autocomplete": "off"]),
        ]
        let child = [
            fields.input("childName", "aid.childName", form.childName, required: true, ["maxlength": "50"]),
            fields.input(
                "childIdNumber", "aid.childIdNumber", form.childIdNumber, required: true, ["maxlength": "18", "autocomplete": "off"]),
            fields.select(
                "stage", "aid.stage", Pages.enumOptions(SchoolStage.self, prefix: "schoolStage", selected: form.stage, request: req),
                required: true),
            fields.input(
                "admissionYear", "aid.admissionYear", form.admissionYear, required: true, ["inputmode": "numeric", "maxlength": "4"]),
            fields.checks(
                "priorityGroup", nil, [(name: "priorityGroup", label: "aid.priorityHint", checked: form.priorityGroup != nil)],
                errors: ["hardshipFileId"]),
        ]
        let account = fields.input(
            "payeeAccount", "aid.payeeAccount", form.payeeAccount, ["inputmode": "numeric", "maxlength": "30", "autocomplete": "off"])
        let situation = fields.textarea(
            "situation", "aid.situation", form.situation, required: true, hint: "aid.situationHint", errors: ["hardshipFileId"],
            ["rows": "3", "maxlength": "1000"])
        let expenses = fields.input(
            "medicalExpenses", "aid.medicalExpensesYuan", form.medicalExpenses, required: true, hint: "aid.medicalExpensesHint",
            errors: ["medicalExpensesFen"], ["inputmode": "decimal"])
        let all: [FormField]
        switch (kind.isRelief, id == nil) {
        case (true, true): all = identity + [situation] + (kind == .medicalAid ? [expenses] : []) + [account]
        case (true, false): all = [situation, account]
        case (false, true):
            all = identity + child + [fields.input("school", "aid.school", form.school, required: true, ["maxlength": "100"]), account]
        case (false, false): all = [fields.input("school", "aid.school", form.school, required: true, ["maxlength": "100"]), account]
        }
        return try await fields.page(
            titleKey: id == nil ? "aid.new" : "aid.edit", path: "/aid-applications", id: id, version: form.version, once: form._once,
            notes: id == nil ? [] : [form.childName].compactMap { $0 }, fields: all)
    }
}
