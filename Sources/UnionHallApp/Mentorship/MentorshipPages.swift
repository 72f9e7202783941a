import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The mentorship module in the browser: its figures for a period, the list behind each, an
/// agreement's printable page with the next workflow steps. Forms, delete and restore are
/// `RecordPages<MentorshipForm>`.
struct MentorshipPages: RouteCollection {
    static let path = "/" + MentorshipAgreement.routeName

    func boot(routes: any RoutesBuilder) throws {
        let agreements = routes.grouped(.constant(MentorshipAgreement.routeName))
        agreements.get(use: index)
        agreements.get(":id", use: show)
        routes.workflowSteps(MentorshipStep.self, of: MentorshipAgreement.routeName) { try await Self.perform($0, req: $1) }
    }

    struct Row: Encodable {
        var id: String
        var mentor: String
        var apprentice: String
        var statusLabel: String
        var term: String
        var signedDate: String
        var unit: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var statuses: [SelectOption]
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(MentorshipFilter.self)
        let counts = try await MentorshipService.counts(scope: scope, list: list, on: req.db)
        let page = try await MentorshipService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")"
        let figures = [
            Figure(label: req.t("mentorship.signed"), count: counts.signed, href: "\(Self.path)?\(period)"),
            Figure(
                label: req.t("mentorship.completed"), count: counts.completed,
                href: "\(Self.path)?status=completed&on=completed&\(period)"),
            Figure(
                label: req.t("mentorship.apprenticesTrained"), count: counts.apprenticesTrained,
                href: "\(Self.path)?status=completed&on=completed&\(period)"),
            Figure(label: req.t("mentorship.active"), count: counts.active, href: "\(Self.path)?status=inProgress"),
        ]
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "mentorship.title"), figures: figures,
            rows: page.items.map { Self.row($0, tree: scope.tree, on: req) }, pager: Pager(metadata: page.metadata, request: req),
            from: list.from ?? "", to: list.to ?? "",
            statuses: Pages.enumOptions(MentorshipStatus.self, prefix: "mentorshipStatus", selected: filter.status?.rawValue, request: req),
            deleted: list.deleted == true)
        return try await Pages.render("mentorship/index", context, on: req)
    }

    static func row(_ agreement: MentorshipOutput, tree: UnitTree, on req: Request) -> Row {
        Row(
            id: agreement.id.uuidString, mentor: agreement.mentorName, apprentice: agreement.apprenticeName,
            statusLabel: req.t("mentorshipStatus.\(agreement.status.rawValue)"), term: "\(agreement.startDate) – \(agreement.endDate)",
            signedDate: agreement.signedDate ?? "", unit: tree.name(of: agreement.unitId))
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var agreement: MentorshipOutput
        var statusLabel: String
        var organization: String
        var mentorLabel: String
        var apprenticeLabel: String
        var levelBefore: String
        var levelAfter: String
        var steps: [String]
        var today: String
        var skillLevels: [SelectOption]
        var error: FormError?
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    private static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let agreement = try await MentorshipAgreement.find(
            try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await agreement.output(on: req)
        let organization = try await agreement.organizationID.asyncMap { try await Organization.find($0, on: req.db) }
        let steps =
            agreement.deletedAt != nil
            ? [] : MentorshipStep.allCases.filter { (try? $0.apply(to: agreement.status).get()) != nil }.map(\.rawValue)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "mentorship.show"), agreement: output,
            statusLabel: req.t("mentorshipStatus.\(agreement.status.rawValue)"), organization: organization??.name ?? "",
            mentorLabel: req.t("mentorship.mentor"), apprenticeLabel: req.t("mentorship.apprentice"),
            levelBefore: agreement.levelBefore.map { req.t("skill.\($0)") } ?? "",
            levelAfter: agreement.levelAfter.map { req.t("skill.\($0)") } ?? "",
            steps: steps, today: req.today.description, skillLevels: MemberPages.skillOptions(selected: nil, request: req),
            error: error.map { Pages.formError($0, on: req) }, deleted: agreement.deletedAt != nil,
            history: try await Pages.recentHistory(of: agreement, scope: scope, on: req))
        return try await Pages.render("mentorship/show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct StepForm: Content {
        var version: String?
        var date: String?
        var levelAfter: String?
        var reason: String?
    }

    /// A step from the agreement's page; a refused step comes back on the page with its reason.
    @Sendable static func perform(_ step: MentorshipStep, req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        return try await MentorshipAgreement.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }) { agreement, context in
            let input = MentorshipStepInput(
                version: form.version.flatMap { Int($0) }, date: form.date, levelAfter: form.levelAfter.flatMap { Int($0) },
                reason: form.reason)
            try await MentorshipService.step(step, agreement, input: input, context: context)
        }
    }
}
