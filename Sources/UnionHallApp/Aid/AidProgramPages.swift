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
                "aid/programs", ListContext(layout: Pages.layout(req, titleKey: "aid.programs"), rows: rows.map { Self.row($0, on: req) }),
                on: req)
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
        var kind: String
        var budget: String
        var approved: String
        var paid: String
        var remaining: String
    }

    static func row(_ p: AidProgramOutput, on req: Request) -> Row {
        Row(
            p: p, kind: req.t("aidKind.\(p.kind.rawValue)"), budget: Fen(p.budgetFen).description, approved: Fen(p.approvedFen).description,
            paid: Fen(p.paidFen).description,
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
            layout: Pages.layout(req, titleKey: "aid.program"), row: Self.row(output, on: req), title: AidPrograms.title(program),
            amounts: program.amountLines.filter { $0.fen > 0 }.map {
                Amount(stage: req.t($0.labelKey), amount: Fen($0.fen).description)
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
                    children: !program.kind.isRelief,
                    lines: lines.map {
                        Line(
                            l: $0, stage: $0.stage.map { req.t($0.labelKey) } ?? req.t(program.kind.labelKey),
                            amount: Fen($0.amountFen).description)
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
        /// A scholarship's notice names the (masked) child and the stage; relief's the kind of aid.
        var children: Bool
        var lines: [Line]
        var total: String
    }
}

struct AidProgramForm: RecordForm {
    typealias Record = AidProgram
    var unitId: String?
    var year: String?
    var kind: String?
    var name: String?
    var budget: String?
    var priorityIndustrial: String?
    var seniorHigh: String?
    var vocational: String?
    var juniorCollege: String?
    var university: String?
    var postgraduate: String?
    var deep: String?
    var relative: String?
    var accident: String?
    var noticeFrom: String?
    var noticeUntil: String?
    var version: String?
    var _once: String?

    init(_ row: AidProgram?) {
        unitId = row?.unitID.uuidString
        year = row.map { String($0.year) }
        kind = row?.kind.rawValue
        name = row?.name
        budget = row.map { Fen($0.budgetFen).plainYuan }
        priorityIndustrial = row?.priorityIndustrial == true ? "on" : nil
        seniorHigh = row.map { Fen($0.seniorHighFen).plainYuan }
        vocational = row.map { Fen($0.vocationalFen).plainYuan }
        juniorCollege = row.map { Fen($0.juniorCollegeFen).plainYuan }
        university = row.map { Fen($0.universityFen).plainYuan }
        postgraduate = row.map { Fen($0.postgraduateFen).plainYuan }
        deep = row.map { Fen($0.deepFen).plainYuan }
        relative = row.map { Fen($0.relativeFen).plainYuan }
        accident = row.map { Fen($0.accidentFen).plainYuan }
        noticeFrom = row?.noticeFrom
        noticeUntil = row?.noticeUntil
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> AidProgramForm {
        var form = AidProgramForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.year = String(request.today.year)
        let kind = request.query[String.self, at: "kind"].flatMap(AidKind.init(rawValue:)) ?? .scholarship
        form.kind = kind.rawValue
        form.name = request.t("aidKind.\(kind.rawValue)")
        if !kind.isRelief { form.university = "3000.00" }
        return form
    }

    /// The amounts the programme's kind asks for: by school stage, or by hardship level.
    func amountTexts(relief: Bool) -> [(key: String, label: String, text: String?)] {
        if relief {
            return [(HardshipLevel.deep, deep), (.relative, relative), (.accident, accident)].map {
                (key: $0.0.rawValue, label: $0.0.labelKey, text: $0.1)
            }
        }
        return [
            (SchoolStage.seniorHigh, seniorHigh), (.vocational, vocational), (.juniorCollege, juniorCollege), (.university, university),
            (.postgraduate, postgraduate),
        ].map { (key: $0.0.rawValue, label: $0.0.labelKey, text: $0.1) }
    }

    func input(editing existing: AidProgram?, on request: Request) async throws -> AidProgramInput {
        var amounts: [String: Int64] = [:]
        // An edit posts no kind: the programme keeps its own.
        let relief = (existing?.kind ?? kind.flatMap(AidKind.init(rawValue:)))?.isRelief == true
        for (key, _, text) in amountTexts(relief: relief) { amounts[key] = try FormValue.fen(text, field: "amountsFen.\(key)") ?? 0 }
        return AidProgramInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), year: try FormValue.integer(year, field: "year"),
            kind: existing == nil ? kind.flatMap(AidKind.init(rawValue:)) : nil, name: name ?? "",
            budgetFen: try FormValue.fen(budget, field: "budgetFen"), priorityIndustrial: priorityIndustrial != nil, amountsFen: amounts,
            noticeFrom: noticeFrom ?? "", noticeUntil: noticeUntil ?? "", version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: AidProgramForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        try AidAccess.handles(context)
        let fields = FormFields(req, error: error)
        var kind = AidKind(rawValue: form.kind ?? "") ?? .scholarship
        if let id, let existing = try await AidProgram.find(id, on: req.db) { kind = existing.kind }
        let relief = kind.isRelief
        let amounts = form.amountTexts(relief: relief)
        var kindField: [FormField] = []
        if id == nil {
            kindField = [
                fields.select(
                    "kind", "aid.kind", Pages.enumOptions(AidKind.self, prefix: "aidKind", selected: form.kind, request: req),
                    required: true,
                    hint: "aid.kindHint", ["data-reload": "kind"])
            ]
        }
        var rules = [
            fields.inline(
                "noticeFrom", "aid.noticePeriod",
                [
                    (name: "noticeFrom", label: "aid.noticeFrom", value: form.noticeFrom),
                    (name: "noticeUntil", label: "aid.noticeUntil", value: form.noticeUntil),
                ],
                hint: "aid.noticePeriodHint", errors: ["noticeUntil"], ["type": "date"])
        ]
        if !relief {
            rules.append(
                fields.checks(
                    "priorityIndustrial", nil,
                    [(name: "priorityIndustrial", label: "aid.priorityIndustrialHint", checked: form.priorityIndustrial != nil)]))
        }
        return try await fields.page(
            titleKey: id == nil ? "aid.newProgram" : "aid.editProgram", path: "/aid-programs", id: id, version: form.version,
            once: form._once,
            fields: kindField + [
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("year", "competition.year", form.year, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "200"]),
                fields.input("budget", "aid.budgetYuan", form.budget, required: true, errors: ["budgetFen"], ["inputmode": "decimal"]),
                fields.inline(
                    "amountsFen", relief ? "aid.levelAmountsYuan" : "aid.amountsYuan",
                    amounts.map { (name: $0.key, label: $0.label, value: $0.text) }, hint: relief ? "aid.levelAmountsHint" : nil,
                    errors: ["amountsFen"] + amounts.map { "amountsFen.\($0.key)" }, ["inputmode": "decimal", "size": "8"]),
            ] + rules)
    }
}
