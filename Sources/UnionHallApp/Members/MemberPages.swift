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
            trades: Trades.all.map { SelectOption(value: $0, label: $0, selected: $0 == filter.trade) },
            skillLevels: Self.skillOptions(selected: filter.skillLevel, request: req),
            sorts: ["name", "-createdAt", "skillLevel"].map {
                SelectOption(value: $0, label: req.t("sort.\($0)"), selected: $0 == (list.sort ?? "name"))
            },
            migrant: filter.migrant == true, hardship: filter.hardship == true, skilled: filter.skilled == true)
        return try await Pages.render("members/index", context, on: req)
    }

    // MARK: Show

    struct ShowContext: Encodable {
        var layout: Layout
        var member: MemberOutput
        var genderLabel: String
        var unitPath: String
        var organization: String
        var skillLabel: String
        var revealed: Bool
        var deleted: Bool
        var honors: [HonorPages.Row]
        var mentorships: [MentorshipPages.Row]
        var studios: [SelectOption]
        var outreach: [SelectOption]
        var career: CareerSection
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await renderShow(req, reveal: false)
    }

    @Sendable func reveal(req: Request) async throws -> Response {
        try await renderShow(req, reveal: true)
    }

    private func renderShow(_ req: Request, reveal: Bool) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let member = try await Member.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
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
            revealed: reveal, deleted: member.deletedAt != nil, honors: honors, mentorships: mentorships, studios: studios,
            outreach: outreach,
            career: try await CareerSection.make(member, request: req),
            history: try await Pages.recentHistory(of: member, scope: scope, on: req))
        return try await Pages.render("members/show", context, on: req)
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
