import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

struct DuplicatesQuery: Content {
    var unitId: UUID?
}

/// `GET /api/v1/members/duplicates` and `POST /api/v1/members/{id}/merge`.
struct DuplicateAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("members", "duplicates") { req async throws -> [MemberMerge.Group] in
            let (_, scope) = try await req.requireManager()
            return try await MemberMerge.duplicates(scope: scope, unitId: try req.query.decode(DuplicatesQuery.self).unitId, on: req.db)
        }
        routes.post("members", ":id", "merge") { req async throws -> MemberOutput in
            let context = try await req.writeContext()
            let member = try await Member.find(try req.parameters.require("id"), scope: context.scope, on: req.db)
            try await MemberMerge.merge(into: member, input: try req.content.decode(MemberMerge.Input.self), context: context)
            return try await member.output(on: req)
        }
    }
}

/// The likely duplicates page, and merging from it.
struct DuplicatePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("members", "duplicates") { try await Self.render($0, error: nil) }
        routes.post("members", ":id", "merge") { req async throws -> Response in
            struct Form: Content {
                var duplicateId: String?
                var version: String?
            }
            let form = try req.content.decode(Form.self)
            return try await Member.changeFromPage(req, rerender: { try await Self.render(req, error: $0) }) { member, context in
                let input = MemberMerge.Input(
                    duplicateId: try FormValue.uuid(form.duplicateId, field: "duplicateId"), version: form.version.flatMap { Int($0) })
                try await MemberMerge.merge(into: member, input: input, context: context)
            }
        }
    }

    struct Context: Encodable {
        struct Group: Encodable {
            var reason: String
            var members: [MemberOutput]
            var units: [String]
        }

        var layout: Layout
        var groups: [Group]
        var error: FormError?
    }

    static func render(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let groups = try await MemberMerge.duplicates(scope: scope, unitId: try req.query.decode(DuplicatesQuery.self).unitId, on: req.db)
        let context = Context(
            layout: Pages.layout(req, titleKey: "duplicates.title"),
            groups: groups.map { group in
                Context.Group(
                    reason: req.t("duplicates.\(group.reason.rawValue)"), members: group.members,
                    units: group.members.map { scope.tree.path(of: $0.unitId) })
            }, error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("membership/duplicates", context, status: error?.status ?? .ok, on: req)
    }
}
