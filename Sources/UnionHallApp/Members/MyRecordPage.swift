import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A worker's own record (`/me`): what the union holds about them, in full, since it is theirs.
struct MyRecordPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", use: show)
    }

    struct Context: Encodable {
        var layout: Layout
        var member: MemberOutput?
        var genderLabel: String
        var unitPath: String
        var organization: String
        var skillLabel: String
        var problems: [SelectOption]
        var trade: String
        var openInTrade: [SelectOption]
        var innovationUnread: Int
        var membership: MembershipSection?
        var error: FormError?
    }

    @Sendable func show(req: Request) async throws -> Response { try await Self.render(req, error: nil) }

    static func render(_ req: Request, error: AppError?) async throws -> Response {
        let user = try req.requireUser()
        var context = Context(
            layout: Pages.layout(req, titleKey: "me.title"), member: nil, genderLabel: "", unitPath: "", organization: "", skillLabel: "",
            problems: [], trade: "", openInTrade: [], innovationUnread: 0, error: error.map { Pages.formError($0, on: req) })
        if let memberID = user.memberID, let member = try await Member.find(memberID, on: req.db), member.deletedAt == nil {
            let tree = try await UnitTree.load(on: req.db)
            let organization = try await member.organizationID.asyncMap { try await Organization.find($0, on: req.db) }
            context.member = try MemberOutput(member, reveal: true, seesAid: true)
            context.genderLabel = req.t("gender.\(member.gender.rawValue)")
            context.unitPath = tree.path(of: member.unitID)
            context.organization = organization??.name ?? ""
            context.skillLabel = member.skillLevel.map { req.t("skill.\($0)") } ?? ""
            context.innovationUnread = try await InnovationItem.query(on: req.db).filter(\.$authorID == memberID).filter(
                \.$authorUnread == true
            ).filter(\.$deletedAt == nil).count()
            context.membership = try await MembershipSection.make(member, tree: tree, worker: true, request: req)
        }
        // The worker follows the problems they raised.
        context.problems = try await TechProblem.query(on: req.db).filter(\.$raisedBy == user.requireID()).filter(\.$deletedAt == nil)
            .sort(\.$raisedDate, .descending).all().map { problem in
                SelectOption(
                    value: problem.raisedDate, label: "\(problem.title) · \(req.t("techProblemStatus.\(problem.status.rawValue)"))",
                    selected: problem.status == .solved)
            }
        // A craftsman sees the open problems of their trade across their city, to offer help.
        if let memberID = user.memberID, let member = try await Member.find(memberID, on: req.db), let trade = member.trade {
            let tree = try await UnitTree.load(on: req.db)
            let city = tree.ancestry(of: member.unitID).last ?? member.unitID
            let open = try await TechProblem.query(on: req.db).filter(\.$deletedAt == nil).filter(\.$trade == trade)
                .filter(\.$status ~~ TechProblemStatus.allCases.filter(\.isOpen)).filter(\.$unitID ~~ Array(tree.subtree(of: city)))
                .sort(\.$raisedDate, .descending).limit(20).all()
            let names = try await TechProblemService.outputs(open, on: req.db)
            context.trade = trade
            context.openInTrade = names.map {
                SelectOption(value: $0.raisedDate, label: "\($0.title) · \($0.organizationName)", selected: false)
            }
        }
        return try await Pages.render("me", context, status: error?.status ?? .ok, on: req)
    }
}
