import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Campaigns in the browser: the list with each one's figures, and a campaign's page with the
/// activities and problems it groups. Forms, delete and restore are `RecordPages<OutreachCampaignForm>`.
struct CampaignPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let campaigns = routes.grouped(.constant(OutreachCampaign.routeName))
        campaigns.get(use: index)
        campaigns.get(":id", use: show)
    }

    struct Row: Encodable {
        var c: OutreachCampaignOutput
        var kindLabel: String
        var benefit: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var kinds: [SelectOption]
        var from: String
        var to: String
        var deleted: Bool
    }

    static func row(_ c: OutreachCampaignOutput, on req: Request) -> Row {
        Row(c: c, kindLabel: req.t(c.kind.labelKey), benefit: Fen(c.figures.benefitFen).description)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(OutreachCampaignFilter.self)
        let page = try await OutreachCampaign.list(list, filter: filter, scope: scope, request: req)
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "campaign.title"), rows: page.items.map { Self.row($0, on: req) },
            pager: Pager(metadata: page.metadata, request: req),
            kinds: Pages.enumOptions(CampaignKind.self, prefix: CampaignKind.catalogue, selected: filter.kind?.rawValue, request: req),
            from: list.from ?? "", to: list.to ?? "", deleted: list.deleted == true)
        return try await Pages.render("campaigns/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var row: Row
        var figures: [Figure]
        var activities: [OutreachOutput]
        var problems: [TechProblemOutput]
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let campaign = try await OutreachCampaign.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await campaign.output(on: req)
        let id = output.id
        // The records it groups that the officer may read: their own subtree's.
        let activities = try await OutreachService.list(
            ListQuery(per: ListQuery.maxPer), filter: OutreachFilter(outreachCampaignId: id), scope: scope, on: req.db)
        let problems = try await TechProblemService.list(
            ListQuery(per: ListQuery.maxPer), filter: TechProblemFilter(outreachCampaignId: id), scope: scope, on: req.db)
        let f = output.figures
        let held = "/outreach-activities?outreachCampaignId=\(id)&status=held"
        let raised = "/tech-problems?outreachCampaignId=\(id)"
        let figures = [
            Figure(label: req.t("campaign.activitiesHeld"), count: f.activitiesHeld, href: held),
            Figure(label: req.t("campaign.personTimes"), count: f.personTimes, href: held),
            Figure(label: req.t("campaign.problemsRaised"), count: f.problemsRaised, href: raised),
            Figure(label: req.t("campaign.problemsSolved"), count: f.problemsSolved, href: raised + "&status=solved"),
            Figure(label: req.t("campaign.benefit"), fen: f.benefitFen, href: raised + "&status=solved"),
        ]
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "campaign.one"), row: Self.row(output, on: req), figures: figures,
            activities: activities.items, problems: problems.items, deleted: campaign.deletedAt != nil,
            history: try await Pages.recentHistory(of: campaign, scope: scope, on: req))
        return try await Pages.render("campaigns/show", context, on: req)
    }
}

struct OutreachCampaignForm: RecordForm {
    typealias Record = OutreachCampaign
    var unitId: String?
    var name: String?
    var kind: String?
    var startDate: String?
    var endDate: String?
    var description: String?
    var version: String?
    var _once: String?

    init(_ row: OutreachCampaign?) {
        unitId = row?.unitID.uuidString
        name = row?.name
        kind = row?.kind.rawValue
        startDate = row?.startDate
        endDate = row?.endDate
        description = row?.description
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> OutreachCampaignForm {
        var form = OutreachCampaignForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.kind = CampaignKind.supportEnterprises.rawValue
        form.startDate = request.today.description
        return form
    }

    func input(editing existing: OutreachCampaign?, on request: Request) async throws -> OutreachCampaignInput {
        OutreachCampaignInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), name: name ?? "", kind: kind.flatMap(CampaignKind.init(rawValue:)),
            startDate: startDate ?? "", endDate: endDate ?? "", description: description ?? "", version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: OutreachCampaignForm, id: UUID?, context: WriteContext, error: AppError?) async throws
        -> Response
    {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "campaign.new" : "campaign.edit", path: "/\(OutreachCampaign.routeName)", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": String(CampaignRules.maxNameLength)]),
                fields.select(
                    "kind", "field.kind",
                    Pages.enumOptions(CampaignKind.self, prefix: CampaignKind.catalogue, selected: form.kind, request: req),
                    required: true),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("startDate", "campaign.startDate", form.startDate, type: "date", required: true),
                fields.input("endDate", "campaign.endDate", form.endDate, type: "date", hint: "campaign.endHint"),
                fields.textarea("description", "campaign.description", form.description, ["rows": "3", "maxlength": "2000"]),
            ])
    }
}
