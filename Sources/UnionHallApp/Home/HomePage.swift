import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The start page: what the user's subtree holds, each count a link to its list.
struct HomePage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: show)
    }

    struct Context: Encodable {
        var layout: Layout
        var unitPath: String?
        var counts: [Figure]
        var memberID: String?
        var dashboard: Dashboard?
        var charts: [BarChart]
        var units: [SelectOption]
        var error: FormError?
        /// A worker's own matters in progress.
        var mine: [Dashboard.Waiting]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var counts: [Figure] = []
        var unitPath: String?
        var dashboard: Dashboard?
        var units: [SelectOption] = []
        var refusal: FormError?
        if user.role.managesRecords {
            let scope = try await req.scope()
            unitPath = user.unitID.map { scope.tree.path(of: $0) }
            // Members from the kept counts per unit; the skilled from this year's kept statistics (on the
            // register at the year's end is on it today): a large register's rows are not counted per visit.
            async let members = MemberCounts.total(in: scope.unitIDs, on: req.secondDB)
            let thisYear = try await StatisticsSnapshots.document(PeriodQuery(), scope: scope, on: req)
            let skilled = Int(thisYear.modules["members"]?.current.value(at: "skilled")?.integer ?? 0)
            let organizations = try await scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
                .count()
            counts = [
                Figure(label: req.t("home.members"), count: try await members, href: "/members"),
                Figure(label: req.t("home.skilled"), count: skilled, href: "/members?skilled=true"),
                Figure(label: req.t("home.organizations"), count: organizations, href: "/organizations"),
                Figure(label: req.t("home.units"), count: scope.unitIDs?.count ?? scope.tree.nodes.count, href: "/units"),
            ]
            do {
                // A unit that is not an id is refused like one that is not theirs, naming the field.
                guard let period = try? req.query.decode(PeriodQuery.self) else { throw AppError.invalid("unitId", "error.invalid") }
                units = Pages.unitOptions(scope, selected: period.unitId, request: req)
                dashboard = try await Dashboard.build(period, user: user, scope: scope, on: req)
            } catch let error as AppError where error.status == .unprocessableEntity || error.status == .notFound {
                units = Pages.unitOptions(scope, selected: nil, request: req)
                // A period typed wrong, or a unit not theirs: say so, and show this year.
                refusal = Pages.formError(error, on: req)
                dashboard = try await Dashboard.build(PeriodQuery(), user: user, scope: scope, on: req)
            }
        }
        let mine = user.memberID == nil ? [] : try await Dashboard.ownMatters(of: user, on: req)
        let context = Context(
            layout: Pages.layout(req, titleKey: "home.title"), unitPath: unitPath, counts: counts, memberID: user.memberID?.uuidString,
            dashboard: dashboard, charts: dashboard?.charts ?? [], units: units, error: refusal, mine: mine)
        return try await Pages.render("home", context, on: req)
    }
}
