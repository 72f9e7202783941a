import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Hardship files in the browser: the register with its figures by level and standing, a file's
/// page with its steps and history, and the form.
struct HardshipPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("hardship-files", use: index)
        routes.get("hardship-files", ":id") { try await Self.renderShow($0, error: nil) }
        routes.workflowSteps(HardshipStep.self, of: HardshipFile.routeName) { step, req in
            let form = try req.content.decode(AidPages.StepForm.self)
            return try await HardshipFile.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { row, context in
                try await HardshipService.step(
                    step, row, input: HardshipStepInput(version: form.version.flatMap { Int($0) }, date: form.date, reason: form.reason),
                    context: context)
            }
        }
    }

    struct Row: Encodable {
        var f: HardshipFileOutput
        var level: String
        var status: String
        var income: String
    }

    static func row(_ f: HardshipFileOutput, on req: Request) -> Row {
        Row(
            f: f, level: req.t("hardshipLevel.\(f.level.rawValue)"), status: req.t("hardshipStatus.\(f.status.rawValue)"),
            income: Fen(f.incomePerHeadFen).description)
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var levels: [Figure]
        var statuses: [Figure]
        var charts: [BarChart]
        var rows: [Row]
        var pager: Pager
        var statusOptions: [SelectOption]
        var from: String
        var to: String
        var lapsingSoon: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let context = try await AidAccess.require(req)
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(HardshipFilter.self)
        let sql = try req.db.sql()
        let counts = try await HardshipService.counts(units: try context.scope.unitIDs(within: list.unitId), today: req.today, on: sql)
        let files = try await HardshipFile.list(list, filter: filter, scope: context.scope, request: req)
        let scope = list.unitId.map { "&unitId=\($0)" } ?? ""
        let levels = counts.byLevel.map {
            Figure(label: req.t("hardshipLevel.\($0.key)"), count: $0.count, href: "/hardship-files?level=\($0.key)\(scope)")
        }
        let statuses = counts.byStatus.map {
            Figure(label: req.t("hardshipStatus.\($0.key)"), count: $0.count, href: "/hardship-files?status=\($0.key)\(scope)")
        }
        let page = IndexContext(
            layout: Pages.layout(req, titleKey: "hardship.title"),
            totals: [Figure(label: req.t("hardship.files"), count: counts.total, href: "/hardship-files?\(scope.dropFirst())")],
            levels: levels, statuses: statuses,
            charts: [
                BarChart(title: req.t("hardship.byLevel"), figures: levels), BarChart(title: req.t("hardship.byStatus"), figures: statuses),
            ],
            rows: files.items.map { Self.row($0, on: req) }, pager: Pager(metadata: files.metadata, request: req),
            statusOptions: Pages.enumOptions(
                HardshipStatus.self, prefix: "hardshipStatus", selected: filter.status?.rawValue, request: req),
            from: list.from ?? "", to: list.to ?? "", lapsingSoon: filter.lapsingSoon == true)
        return try await Pages.render("aid/hardship-files", page, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var steps: [String]
        var today: String
        var error: FormError?
        var events: [AidPages.EventRow]
        var deleted: Bool
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let context = try await AidAccess.require(req)
        let row = try await HardshipFile.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: true, on: req.db)
        let standing = row.standing(today: req.today)
        let page = ShowContext(
            layout: Pages.layout(req, titleKey: "hardship.one"), row: Self.row(try await row.output(on: req), on: req),
            steps: row.deletedAt != nil ? [] : HardshipStep.allCases.filter { (try? $0.apply(to: standing).get()) != nil }.map(\.rawValue),
            today: req.today.description, error: error.map { Pages.pageError($0, entity: "hardshipFile", on: req) },
            events: AidPages.events(try await AidAccess.events(of: try row.requireID(), on: req.db), on: req), deleted: row.deletedAt != nil
        )
        return try await Pages.render("aid/hardship-file", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}

struct HardshipForm: RecordForm {
    typealias Record = HardshipFile
    var memberIdNumber: String?
    var memberName: String?
    var level: String?
    var cause: String?
    var householdSize: String?
    var incomePerHead: String?
    var version: String?
    var _once: String?

    init(_ row: HardshipFile?) {
        level = row?.level.rawValue
        cause = row?.cause
        householdSize = row.map { String($0.householdSize) }
        incomePerHead = row.map { Fen($0.incomePerHeadFen).plainYuan }
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> HardshipForm {
        var form = HardshipForm(nil)
        form.level = HardshipLevel.relative.rawValue
        return form
    }

    func input(editing existing: HardshipFile?, on request: Request) async throws -> HardshipFileInput {
        var memberID: UUID?
        if existing == nil, let number = memberIdNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            memberID = try await MemberLookup.byIDNumber(number, field: "memberId", within: try await request.scope(), on: request.db)
        }
        return HardshipFileInput(
            memberId: memberID, level: level.flatMap(HardshipLevel.init(rawValue:)), cause: cause ?? "",
            householdSize: try FormValue.integer(householdSize, field: "householdSize"),
            incomePerHeadFen: try FormValue.fen(incomePerHead, field: "incomePerHeadFen"), version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: HardshipForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        try AidAccess.handles(context)
        let fields = FormFields(req, error: error)
        let worker = fields.input(
            "memberIdNumber", "hardship.workerIdNumber", form.memberIdNumber, required: true, errors: ["memberId"],
            ["maxlength": "18", "autocomplete": "off"])
        return try await fields.page(
            titleKey: id == nil ? "hardship.new" : "hardship.edit", path: "/hardship-files", id: id, version: form.version,
            once: form._once,
            fields: (id == nil ? [worker] : []) + [
                fields.select(
                    "level", "hardship.level",
                    Pages.enumOptions(HardshipLevel.self, prefix: "hardshipLevel", selected: form.level, request: req), required: true),
                fields.textarea("cause", "hardship.cause", form.cause, required: true, ["rows": "3", "maxlength": "500"]),
                fields.input("householdSize", "hardship.household", form.householdSize, required: true, ["inputmode": "numeric"]),
                fields.input(
                    "incomePerHead", "hardship.incomePerHeadYuan", form.incomePerHead, required: true, errors: ["incomePerHeadFen"],
                    ["inputmode": "decimal"]),
            ])
    }
}
