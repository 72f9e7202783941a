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
    }

    @Sendable func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        var counts: [Figure] = []
        var unitPath: String?
        if user.role.managesRecords {
            let scope = try await req.scope()
            unitPath = user.unitID.map { scope.tree.path(of: $0) }
            // Counting indexed columns reads the indexes only, not a large register's rows.
            async let members = MemberCounts.total(in: scope.unitIDs, on: req.secondDB)
            let skilled = try await scope.apply(to: Member.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).filter(
                \.$skillLevel != nil
            ).count(\.$skillLevel)
            let organizations = try await scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
                .count()
            counts = [
                Figure(label: req.t("home.members"), count: try await members, href: "/members"),
                Figure(label: req.t("home.skilled"), count: skilled, href: "/members?skilled=true"),
                Figure(label: req.t("home.organizations"), count: organizations, href: "/organizations"),
                Figure(label: req.t("home.units"), count: scope.unitIDs?.count ?? scope.tree.nodes.count, href: "/units"),
            ]
        }
        let context = Context(
            layout: Pages.layout(req, titleKey: "home.title"), unitPath: unitPath, counts: counts, memberID: user.memberID?.uuidString)
        return try await Pages.render("home", context, on: req)
    }
}
