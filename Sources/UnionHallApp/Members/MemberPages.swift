import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The member register in the browser: list with search and filters, show, and revealing an ID
/// number or phone (audited). The forms, delete and restore are `RecordPages<MemberForm>`.
struct MemberPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let members = routes.grouped("members")
        members.get(use: index)
        members.get(":id", use: show)
        members.post(":id", "reveal", use: reveal)
        routes.workflowSteps(MembershipStep.self, of: Member.routeName) { try await Self.perform($0, req: $1) }
    }

    // MARK: List

    struct Row: Encodable {
        var id: String
        var name: String
        var genderLabel: String
        var idNumber: String
        var mobile: String
        var unit: String
        var trade: String
        var skillLabel: String
        var flags: [String]
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
        var deleted: Bool
        var units: [SelectOption]
        var trades: [SelectOption]
        var skillLevels: [SelectOption]
        var sorts: [SelectOption]
        var migrant: Bool
        var hardship: Bool
        var skilled: Bool
        var statuses: [SelectOption]
        var forms: [SelectOption]
        var figures: [Figure]
        var year: Int
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(MemberFilter.self)
        let page = try await MemberQueries.search(list, filter: filter, scope: scope, on: req.db, countOn: req.secondDB)
        let rows = page.items.map { member in
            Row(
                id: member.id.uuidString, name: member.name, genderLabel: req.t("gender.\(member.gender.rawValue)"),
                idNumber: member.idNumber, mobile: member.mobile ?? "", unit: scope.tree.name(of: member.unitId),
                trade: member.trade ?? "", skillLabel: member.skillLevel.map { req.t("skill.\($0)") } ?? "",
                flags: (member.migrant ? [req.t("member.migrant")] : []) + (member.hardship == true ? [req.t("member.hardship")] : []))
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "members.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", deleted: list.deleted == true,
            units: Pages.unitOptions(scope, selected: list.unitId, request: req),
            trades: try await TradeBook.load(on: req.db).filterOptions(selected: filter.trade),
            skillLevels: Self.skillOptions(selected: filter.skillLevel, request: req),
            sorts: ["name", "-createdAt", "skillLevel", "-joinDate"].map {
                SelectOption(value: $0, label: req.t("sort.\($0)"), selected: $0 == (list.sort ?? "name"))
            },
            migrant: filter.migrant == true, hardship: filter.hardship == true, skilled: filter.skilled == true,
            statuses: (["active", "former", "all"] + MembershipStatus.allCases.filter { !$0.isActive }.map(\.rawValue)).map {
                SelectOption(value: $0, label: req.t("membershipFilter.\($0)"), selected: $0 == (filter.membershipStatus ?? "active"))
            },
            forms: Pages.enumOptions(
                EmploymentForm.self, prefix: EmploymentForm.catalogue, selected: filter.employmentForm?.rawValue, request: req),
            figures: try await Self.figures(scope: scope, unitId: list.unitId, request: req), year: req.today.year)
        return try await Pages.render("members/index", context, on: req)
    }

    /// This year's membership figures for the list's subtree, each a link to the members behind it.
    static func figures(scope: UnitScope, unitId: UUID?, request: Request) async throws -> [Figure] {
        // This year's kept statistics document: a million-member register is not counted again on every visit.
        let document = try await StatisticsSnapshots.document(PeriodQuery(unitId: unitId), scope: scope, on: request)
        guard let module = document.modules["members"]?.current else { return [] }
        let figures = try JSONDecoder().decode(MemberStatistics.self, from: try JSONEncoder().encode(module))
        let unit = unitId.map { "&unitId=\($0)" } ?? ""
        return [
            Figure(label: request.t("statistics.members.members"), value: String(figures.members), href: "/members?\(unit)"),
            Figure(label: request.t("statistics.members.joined"), value: String(figures.joined), href: "/members?sort=-joinDate\(unit)"),
            Figure(
                label: request.t("statistics.members.platformJoined"), value: String(figures.platformJoined),
                href: "/members?employmentForm=platform&sort=-joinDate\(unit)"),
            Figure(
                label: request.t("statistics.members.transferredIn"), value: String(figures.transferredIn),
                href: "/member-transfers?direction=in&status=accepted"),
            Figure(
                label: request.t("statistics.members.transferredOut"), value: String(figures.transferredOut),
                href: "/member-transfers?direction=out&status=accepted"),
            Figure(
                label: request.t("statistics.members.left"), value: String(figures.left), href: "/members?membershipStatus=former\(unit)"),
            Figure(
                label: request.t("statistics.members.joinRate"),
                value: figures.headcount > 0 ? String(format: "%.1f%%", figures.joinRate * 100) : "—",
                detail: figures.headcount > 0
                    ? "\(figures.employedMembers) / \(figures.headcount)" : request.t("statistics.members.noHeadcount"),
                href: "/organizations"),
        ]
    }

    // MARK: Show

    struct ShowContext: Encodable {
        var layout: Layout
        var member: MemberOutput
        var genderLabel: String
        var unitPath: String
        var organization: String
        var skillLabel: String
        var titleLabel: String
        var revealed: Bool
        var deleted: Bool
        var honors: [HonorPages.Row]
        var mentorships: [MentorshipPages.Row]
        var studios: [SelectOption]
        var outreach: [SelectOption]
        var career: CareerSection
        var history: [Pages.HistoryRow]
        var membership: MembershipSection
        var error: FormError?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.render(req, id: try req.parameters.require("id"), reveal: false, error: nil)
    }

    @Sendable func reveal(req: Request) async throws -> Response {
        try await Self.render(req, id: try req.parameters.require("id"), reveal: true, error: nil)
    }

    /// A leave or rejoin from the member's page; a refusal shows the page again with it.
    static func perform(_ step: MembershipStep, req: Request) async throws -> Response {
        let input = try req.content.decode(StepForm.self)
        return try await Member.changeFromPage(
            req, rerender: { try await render(req, id: try req.parameters.require("id"), reveal: false, error: $0) }
        ) { member, context in
            try await Membership.step(
                step, member,
                input: Membership.StepInput(
                    kind: input.kind.flatMap(LeaveKind.init(rawValue:)), date: input.date, note: input.note,
                    unitId: try FormValue.uuid(input.unitId, field: "unitId"), version: input.version.flatMap { Int($0) }),
                context: context)
        }
    }

    struct StepForm: Content {
        var kind: String?
        var date: String?
        var note: String?
        var unitId: String?
        var version: String?
    }

    static func render(_ req: Request, id: UUID, reveal: Bool, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let member = try await Member.find(id, scope: scope, includingDeleted: true, on: req.db)
        if reveal { try await MemberService.reveal(member, editor: try req.editor(), on: req.application) }
        let organization = try await member.organizationID.asyncMap { try await Organization.find($0, on: req.db) }
        let memberID = try member.requireID()
        let agreements = try await MentorshipAgreement.query(on: req.db).filter(\.$deletedAt == nil)
            .group(.or) { $0.filter(\.$mentorID == memberID).filter(\.$apprenticeID == memberID) }
            .sort(\.$startDate, .descending).all()
        let names = try await MentorshipService.memberNames(agreements.flatMap { [$0.mentorID, $0.apprenticeID] }, on: req.db)
        let mentorships = try agreements.map { MentorshipPages.row(try MentorshipOutput($0, names: names), tree: scope.tree, on: req) }
        let studioIDs = try await StudioMember.query(on: req.db).filter(\.$memberID == memberID).all(\.$studioID)
        let studios = try await Studio.query(on: req.db).filter(\.$id ~~ studioIDs).filter(\.$deletedAt == nil).sort(\.$name).all()
            .compactMap { studio in
                studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: studio.leadID == memberID) }
            }
        let led = try await OutreachLeader.query(on: req.db).filter(\.$memberID == memberID).all(\.$activityID)
        let outreach = try await OutreachActivity.query(on: req.db).filter(\.$id ~~ led).filter(\.$deletedAt == nil)
            .sort(\.$plannedDate, .descending).limit(20).all().compactMap { activity in
                activity.id.map {
                    SelectOption(
                        value: $0.uuidString,
                        label: "\(activity.heldDate ?? activity.plannedDate) \(activity.title) · "
                            + req.t("outreachStatus.\(activity.status.rawValue)"),
                        selected: false)
                }
            }
        let honors = try await HonorService.honors(of: memberID, on: req.db).map {
            HonorPages.row(try HonorOutput($0, member: member), tree: scope.tree, on: req)
        }
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "members.show"),
            member: try MemberOutput(member, reveal: reveal, seesAid: try await req.scope().seesAid),
            genderLabel: req.t("gender.\(member.gender.rawValue)"), unitPath: scope.tree.path(of: member.unitID),
            organization: organization??.name ?? "", skillLabel: member.skillLevel.map { req.t("skill.\($0)") } ?? "",
            titleLabel: member.title.map { req.t($0.labelKey) } ?? "",
            revealed: reveal, deleted: member.deletedAt != nil, honors: honors, mentorships: mentorships, studios: studios,
            outreach: outreach,
            career: try await CareerSection.make(member, request: req),
            history: try await Pages.recentHistory(of: member, scope: scope, on: req),
            membership: try await MembershipSection.make(member, tree: scope.tree, worker: false, request: req),
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("members/show", context, status: error?.status ?? .ok, on: req)
    }

    static func skillOptions(selected: Int?, request: Request) -> [SelectOption] {
        SkillLevel.allCases.map {
            SelectOption(value: String($0.rawValue), label: request.t("skill.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
