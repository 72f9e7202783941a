import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 安康杯 in the browser: campaigns with their participants and the accident rates that matter,
/// and the accident records behind them.
struct SafetyPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("safety-campaigns") { req in
            let (_, scope) = try await req.requireManager()
            let list = try req.query.decode(ListQuery.self)
            let page = try await SafetyCampaign.list(list, filter: try req.query.decode(CampaignFilter.self), scope: scope, request: req)
            return try await Pages.render(
                "safety/campaigns",
                CampaignsContext(
                    layout: Pages.layout(req, titleKey: "safety.title"),
                    rows: page.items.map { CampaignRow(c: $0, cap: Fen($0.rewardCapFen).description) },
                    pager: Pager(metadata: page.metadata, request: req)), on: req)
        }
        routes.get("safety-campaigns", ":id") { try await Self.renderCampaign($0, error: nil) }
        routes.post("safety-campaigns", ":id", "participants") { req in
            let form = try req.content.decode(JoinForm.self)
            return try await SafetyCampaign.changeFromPage(req, rerender: { try await Self.renderCampaign(req, error: $0) }) {
                row, context in
                try await SafetyRecords.join(
                    ParticipantInput(
                        employerId: try FormValue.uuid(form.employerId, field: "employerId"),
                        headcount: try FormValue.integer(form.headcount, field: "headcount")), campaign: row, context: context)
            }
        }
        routes.get("accident-records") { req in
            let (_, scope) = try await req.requireManager()
            let list = try req.query.decode(ListQuery.self)
            let page = try await AccidentRecord.list(list, filter: try req.query.decode(AccidentFilter.self), scope: scope, request: req)
            return try await Pages.render(
                "safety/accidents",
                AccidentsContext(
                    layout: Pages.layout(req, titleKey: "safety.accidents"),
                    rows: page.items.map { AccidentRow(a: $0, rate: Self.perMille($0.ratePerThousand)) },
                    pager: Pager(metadata: page.metadata, request: req)), on: req)
        }
        routes.get("accident-records", ":id") { req in
            let (_, scope) = try await req.requireManager()
            let row = try await AccidentRecord.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
            return req.redirect(to: "/accident-records/\(try row.requireID())/edit", redirectType: .normal)
        }
    }

    struct JoinForm: Content {
        var employerId: String?
        var headcount: String?
    }

    static func perMille(_ value: Int?) -> String { value.map { String(format: "%.3f‰", Double($0) / 1_000) } ?? "—" }
    static func percent(_ value: Int?) -> String { value.map { String(format: "%+.1f%%", Double($0) / 10) } ?? "—" }

    struct CampaignRow: Encodable {
        var c: CampaignOutput
        var cap: String
    }

    struct CampaignsContext: Encodable {
        var layout: Layout
        var rows: [CampaignRow]
        var pager: Pager
    }

    struct AccidentRow: Encodable {
        var a: AccidentOutput
        var rate: String
    }

    struct AccidentsContext: Encodable {
        var layout: Layout
        var rows: [AccidentRow]
        var pager: Pager
    }

    struct RateRow: Encodable {
        var label: String
        var employers: Int
        var previous: String
        var current: String
        var change: String
        var falling: Bool
    }

    struct CampaignContext: Encodable {
        var layout: Layout
        var row: CampaignRow
        var participants: [ParticipantOutput]
        var rates: [RateRow]
        var charts: [BarChart]
        var employers: [SelectOption]
        var error: FormError?
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    static func renderCampaign(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await SafetyCampaign.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let rates = try await SafetyRecords.rates(of: row, scope: scope, on: req.db)
        func rate(_ key: String, _ group: CampaignRates.Group) -> RateRow {
            RateRow(
                label: req.t(key), employers: group.employers, previous: perMille(group.previousRate), current: perMille(group.rate),
                change: percent(group.change),
                falling: (group.change ?? 0) < 0)
        }
        let context = CampaignContext(
            layout: Pages.layout(req, titleKey: "safety.campaign"),
            row: CampaignRow(c: try await row.output(on: req), cap: Fen(row.rewardCapFen).description),
            participants: try await SafetyRecords.participants(of: row, on: req.db),
            rates: [rate("safety.participants", rates.participants), rate("safety.others", rates.others)],
            charts: [
                BarChart(
                    title: req.t("safety.rateChart"),
                    [
                        (
                            req.t("safety.participants") + " \(rates.year - 1)", Int64(rates.participants.previousRate ?? 0),
                            perMille(rates.participants.previousRate), "/accident-records?year=\(rates.year - 1)"
                        ),
                        (
                            req.t("safety.participants") + " \(rates.year)", Int64(rates.participants.rate ?? 0),
                            perMille(rates.participants.rate), "/accident-records?year=\(rates.year)"
                        ),
                        (
                            req.t("safety.others") + " \(rates.year - 1)", Int64(rates.others.previousRate ?? 0),
                            perMille(rates.others.previousRate), "/accident-records?year=\(rates.year - 1)"
                        ),
                        (
                            req.t("safety.others") + " \(rates.year)", Int64(rates.others.rate ?? 0), perMille(rates.others.rate),
                            "/accident-records?year=\(rates.year)"
                        ),
                    ])
            ],
            employers: try await PageOptions.organizations([.employer, .cooperative], scope: scope, selected: nil, on: req.db),
            error: error.map { Pages.pageError($0, entity: "safetyCampaign", on: req) }, deleted: row.deletedAt != nil,
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("safety/campaign", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}

struct CampaignForm: RecordForm {
    var unitId: String?
    var year: String?
    var name: String?
    var rewardCap: String?
    var version: String?
    var _once: String?

    init(_ row: SafetyCampaign?) {
        unitId = row?.unitID.uuidString
        year = row.map { String($0.year) }
        name = row?.name
        rewardCap = row.map { Fen($0.rewardCapFen).plainYuan }
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> CampaignForm {
        var form = CampaignForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.year = String(request.today.year)
        form.rewardCap = "5000.00"
        return form
    }

    func input(editing existing: SafetyCampaign?, on request: Request) async throws -> CampaignInput {
        CampaignInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), year: try FormValue.integer(year, field: "year"), name: name ?? "",
            rewardCapFen: try FormValue.fen(rewardCap, field: "rewardCapFen"), version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: CampaignForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "safety.newCampaign" : "safety.editCampaign", path: "/safety-campaigns", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "200"]),
                fields.input("year", "competition.year", form.year, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input(
                    "rewardCap", "safety.rewardCapYuan", form.rewardCap, required: true, errors: ["rewardCapFen"],
                    ["inputmode": "decimal"]),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
            ])
    }
}

struct AccidentForm: RecordForm {
    var employerId: String?
    var year: String?
    var headcount: String?
    var injured: String?
    var deaths: String?
    var lostDays: String?
    var version: String?
    var _once: String?

    init(_ row: AccidentRecord?) {
        employerId = row?.employerID.uuidString
        year = row.map { String($0.year) }
        headcount = row.map { String($0.headcount) }
        injured = row.map { String($0.injured) }
        deaths = row.map { String($0.deaths) }
        lostDays = row.map { String($0.lostDays) }
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> AccidentForm {
        var form = AccidentForm(nil)
        form.year = String(request.today.year - 1)
        form.deaths = "0"
        return form
    }

    func input(editing existing: AccidentRecord?, on request: Request) async throws -> AccidentInput {
        AccidentInput(
            employerId: try FormValue.uuid(employerId, field: "employerId"), year: try FormValue.integer(year, field: "year"),
            headcount: try FormValue.integer(headcount, field: "headcount"), injured: try FormValue.integer(injured, field: "injured"),
            deaths: try FormValue.integer(deaths, field: "deaths"), lostDays: try FormValue.integer(lostDays, field: "lostDays"),
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: AccidentForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "safety.newAccident" : "safety.editAccident", path: "/accident-records", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.select(
                    "employerId", "training.employer",
                    try await PageOptions.organizations(
                        [.employer, .cooperative], scope: context.scope, selected: form.employerId, on: req.db),
                    empty: "form.choose", required: true),
                fields.input("year", "competition.year", form.year, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input("headcount", "safety.headcount", form.headcount, required: true, ["inputmode": "numeric"]),
                fields.input("injured", "safety.injured", form.injured, required: true, ["inputmode": "numeric"]),
                fields.input("deaths", "safety.deaths", form.deaths, required: true, ["inputmode": "numeric"]),
                fields.input("lostDays", "safety.lostDays", form.lostDays, required: true, ["inputmode": "numeric"]),
            ])
    }
}
