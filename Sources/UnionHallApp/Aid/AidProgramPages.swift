import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Aid programmes in the browser: the list, a programme's page with its budget, payment batches
/// and the bank's lists, the public notice, and the programme's form.
struct AidProgramPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("aid-programs") { req in
            let context = try await AidAccess.require(req)
            let rows = try AidProgram.outputs(try await AidPrograms.reachable(by: context, on: req.db), on: req)
            return try await Pages.render(
                "aid/programs", ListContext(layout: Pages.layout(req, titleKey: "aid.programs"), rows: rows.map { Self.row($0) }), on: req)
        }
        routes.get("aid-programs", ":id") { try await Self.renderShow($0, error: nil) }
        routes.post("aid-programs", ":id", "batches") { req in
            let form = try req.content.decode(BatchForm.self)
            let (row, context) = try await AidAPIController.program(req)
            return try await Pages.act(
                req, redirect: "/aid-programs/\(try row.requireID())",
                change: {
                    _ = try await AidPayments.pay(row, input: AidBatchInput(applicationIds: nil, paidDate: form.paidDate), context: context)
                }, rerender: { try await Self.renderShow(req, error: $0) })
        }
        routes.get("aid-programs", ":id", "batches", ":batchId", "bank-list") { req in
            let (row, context) = try await AidAPIController.program(req)
            try AidPayments.requirePayer(of: row, context)
            return try await AidPayments.bankList(
                try await AidAPIController.batch(req, of: row, scope: context.scope), format: AidAPIController.format(req), request: req)
        }
    }

    struct BatchForm: Content {
        var paidDate: String?
    }

    struct Row: Encodable {
        var p: AidProgramOutput
        var budget: String
        var approved: String
        var paid: String
        var remaining: String
    }

    static func row(_ p: AidProgramOutput) -> Row {
        Row(
            p: p, budget: Fen(p.budgetFen).description, approved: Fen(p.approvedFen).description, paid: Fen(p.paidFen).description,
            remaining: Fen(p.remainingFen).description)
    }

    struct ListContext: Encodable {
        var layout: Layout
        var rows: [Row]
    }

    struct Amount: Encodable {
        var stage: String
        var amount: String
    }

    struct BatchRow: Encodable {
        var b: AidBatchOutput
        var total: String
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var title: String
        var amounts: [Amount]
        var charts: [BarChart]
        var payable: Int
        var payableTotal: String
        var batches: [BatchRow]
        var today: String
        var error: FormError?
        var editable: Bool
        var pays: Bool
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (program, context) = try await AidAPIController.program(req)
        let id = try program.requireID()
        let payable = try await context.scope.apply(to: AidApplication.query(on: req.db), unitKey: \.$unitID)
            .filter(\.$programID == id).filter(\.$status == .approved).filter(\.$deletedAt == nil).all(\.$amountFen)
        let output = try await program.output(on: req)
        let href = "/aid-applications?programId=\(id)"
        let page = ShowContext(
            layout: Pages.layout(req, titleKey: "aid.program"), row: Self.row(output), title: AidPrograms.title(program),
            amounts: SchoolStage.allCases.filter { program.amount(for: $0) > 0 }.map {
                Amount(stage: req.t("schoolStage.\($0.rawValue)"), amount: Fen(program.amount(for: $0)).description)
            },
            charts: [
                AidPages.budgetChart(
                    budgetFen: program.budgetFen, approvedFen: program.approvedFen, paidFen: program.paidFen, budgetHref: href,
                    listHref: href, on: req)
            ],
            payable: payable.count, payableTotal: Fen(try payable.total()).description,
            batches: try await AidPayments.batches(of: program, scope: context.scope, on: req.db).map {
                BatchRow(b: try AidPayments.output($0), total: Fen($0.totalFen).description)
            },
            today: req.today.description, error: error.map { Pages.pageError($0, entity: "aidProgram", on: req) },
            editable: context.scope.contains(program.unitID),
            pays: AidPayments.isPayer(of: program, context))
        return try await Pages.render("aid/program", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}

/// The public notice (公示) of a programme's awards: names masked, open without signing in.
struct AidNoticePage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("aid-notice", ":id") { req in
            let program = try await AidAPIController.noticed(req)
            let lines = try await AidPayments.notice(program, on: req.db)
            return try await Pages.render(
                "aid/notice",
                Context(
                    layout: Pages.layout(req, titleKey: "aid.notice"), program: AidPrograms.title(program),
                    lines: lines.map {
                        Line(l: $0, stage: req.t("schoolStage.\($0.stage.rawValue)"), amount: Fen($0.amountFen).description)
                    },
                    total: Fen(try lines.map(\.amountFen).total()).description), on: req)
        }
    }

    struct Line: Encodable {
        var l: AidNoticeLine
        var stage: String
        var amount: String
    }

    struct Context: Encodable {
        var layout: Layout
        var program: String
        var lines: [Line]
        var total: String
    }
}

struct AidProgramForm: RecordForm {
    typealias Record = AidProgram
    var unitId: String?
    var year: String?
    var name: String?
    var budget: String?
    var priorityIndustrial: String?
    var seniorHigh: String?
    var vocational: String?
    var juniorCollege: String?
    var university: String?
    var postgraduate: String?
    var noticeFrom: String?
    var noticeUntil: String?
    var version: String?
    var _once: String?

    init(_ row: AidProgram?) {
        unitId = row?.unitID.uuidString
        year = row.map { String($0.year) }
        name = row?.name
        budget = row.map { Fen($0.budgetFen).plainYuan }
        priorityIndustrial = row?.priorityIndustrial == true ? "on" : nil
        seniorHigh = row.map { Fen($0.seniorHighFen).plainYuan }
        vocational = row.map { Fen($0.vocationalFen).plainYuan }
        juniorCollege = row.map { Fen($0.juniorCollegeFen).plainYuan }
        university = row.map { Fen($0.universityFen).plainYuan }
        postgraduate = row.map { Fen($0.postgraduateFen).plainYuan }
        noticeFrom = row?.noticeFrom
        noticeUntil = row?.noticeUntil
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> AidProgramForm {
        var form = AidProgramForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.year = String(request.today.year)
        form.name = "金秋助学"
        form.university = "3000.00"
        return form
    }

    func input(editing existing: AidProgram?, on request: Request) async throws -> AidProgramInput {
        var amounts: [String: Int64] = [:]
        for (stage, text) in [
            (SchoolStage.seniorHigh, seniorHigh), (.vocational, vocational), (.juniorCollege, juniorCollege), (.university, university),
            (.postgraduate, postgraduate),
        ] {
            amounts[stage.rawValue] = try FormValue.fen(text, field: "amountsFen.\(stage.rawValue)") ?? 0
        }
        return AidProgramInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), year: try FormValue.integer(year, field: "year"), name: name ?? "",
            budgetFen: try FormValue.fen(budget, field: "budgetFen"), priorityIndustrial: priorityIndustrial != nil, amountsFen: amounts,
            noticeFrom: noticeFrom ?? "", noticeUntil: noticeUntil ?? "", version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: AidProgramForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        try AidAccess.handles(context)
        let fields = FormFields(req, error: error)
        let stages: [(SchoolStage, String?)] = [
            (.seniorHigh, form.seniorHigh), (.vocational, form.vocational), (.juniorCollege, form.juniorCollege),
            (.university, form.university), (.postgraduate, form.postgraduate),
        ]
        return try await fields.page(
            titleKey: id == nil ? "aid.newProgram" : "aid.editProgram", path: "/aid-programs", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("year", "competition.year", form.year, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "200"]),
                fields.input("budget", "aid.budgetYuan", form.budget, required: true, errors: ["budgetFen"], ["inputmode": "decimal"]),
                fields.inline(
                    "amountsFen", "aid.amountsYuan", stages.map { (name: $0.0.rawValue, label: $0.0.labelKey, value: $0.1) },
                    errors: stages.map { "amountsFen.\($0.0.rawValue)" }, ["inputmode": "decimal", "size": "8"]),
                fields.inline(
                    "noticeFrom", "aid.noticePeriod",
                    [
                        (name: "noticeFrom", label: "aid.noticeFrom", value: form.noticeFrom),
                        (name: "noticeUntil", label: "aid.noticeUntil", value: form.noticeUntil),
                    ],
                    hint: "aid.noticePeriodHint", errors: ["noticeUntil"], ["type": "date"]),
                fields.checks(
                    "priorityIndustrial", nil,
                    [(name: "priorityIndustrial", label: "aid.priorityIndustrialHint", checked: form.priorityIndustrial != nil)]),
            ])
    }
}
