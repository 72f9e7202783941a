import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 劳模四进 in the browser: the period's figures by kind (each a link to its activities), the list,
/// and an activity's page where it is recorded as held or cancelled.
struct OutreachPages: RouteCollection {
    static let path = "/" + OutreachActivity.routeName

    func boot(routes: any RoutesBuilder) throws {
        let activities = routes.grouped(.constant(OutreachActivity.routeName))
        activities.get(use: index)
        activities.get(":id", use: show)
        routes.workflowSteps(OutreachStep.self, of: OutreachActivity.routeName) { try await Self.perform($0, req: $1) }
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var kindLabel: String
        var statusLabel: String
        var date: String
        var leaders: String
        var personTimes: Int
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var kinds: [SelectOption]
        var statuses: [SelectOption]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(OutreachFilter.self)
        let counts = try await OutreachService.counts(scope: scope, list: list, on: req.db)
        let page = try await OutreachService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")"
        var figures = OutreachKind.allCases.map { kind in
            Figure(
                label: req.t("outreachKind.\(kind.rawValue)"), count: counts.heldByKind[kind.rawValue] ?? 0,
                detail: req.t("outreach.personTimesOf", [String(counts.personTimesByKind[kind.rawValue] ?? 0)]),
                href: "\(Self.path)?status=held&kind=\(kind.rawValue)&\(period)")
        }
        figures.append(
            Figure(label: req.t("outreach.endorsers"), count: counts.endorsers, href: "\(Self.path)?status=held&kind=endorsement&\(period)")
        )
        figures.append(Figure(label: req.t("outreach.planned"), count: counts.planned, href: "\(Self.path)?status=planned"))
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, title: $0.title, kindLabel: req.t("outreachKind.\($0.kind.rawValue)"),
                statusLabel: req.t("outreachStatus.\($0.status.rawValue)"),
                date: $0.heldDate ?? $0.plannedDate, leaders: $0.leaderNames.joined(separator: "、"), personTimes: $0.personTimes)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "outreach.title"), figures: figures, rows: rows,
            pager: Pager(metadata: page.metadata, request: req),
            from: list.from ?? "", to: list.to ?? "",
            kinds: Pages.enumOptions(OutreachKind.self, prefix: "outreachKind", selected: filter.kind?.rawValue, request: req),
            statuses: Pages.enumOptions(OutreachStatus.self, prefix: "outreachStatus", selected: filter.status?.rawValue, request: req))
        return try await Pages.render("outreach/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var activity: OutreachOutput
        var kindLabel: String
        var statusLabel: String
        var partner: String
        var studio: String
        var leaders: [SelectOption]
        var planned: Bool
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
        let activity = try await OutreachActivity.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await activity.output(on: req)
        let partner = try await activity.partnerID.asyncMap { try await Organization.find($0, on: req.db) }
        let studio = try await activity.studioID.asyncMap { try await Studio.find($0, on: req.db) }
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "outreach.show"), activity: output,
            kindLabel: req.t("outreachKind.\(activity.kind.rawValue)"), statusLabel: req.t("outreachStatus.\(activity.status.rawValue)"),
            partner: partner??.name ?? "", studio: studio??.name ?? "",
            leaders: zip(output.leaderIds, output.leaderNames).map { SelectOption(value: $0.uuidString, label: $1, selected: false) },
            planned: activity.status == .planned && activity.deletedAt == nil, today: req.today.description,
            error: error.map { Pages.formError($0, on: req) }, deleted: activity.deletedAt != nil,
            history: try await Pages.recentHistory(of: activity, scope: scope, on: req))
        return try await Pages.render("outreach/show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct StepForm: Content {
        var version: String?
        var date: String?
        var personTimes: String?
        var reason: String?
    }

    static func perform(_ step: OutreachStep, req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        return try await OutreachActivity.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }) { activity, context in
            let personTimes = try FormValue.integer(form.personTimes, field: "personTimes")
            let input = OutreachStepInput(
                version: form.version.flatMap { Int($0) }, date: form.date, personTimes: personTimes, reason: form.reason)
            try await OutreachService.step(step, activity, input: input, context: context)
        }
    }
}
