import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// `POST /api/v1/members/import?unitId=` and its template; the page at `/members/import`.
struct MemberImportAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("members", "template") { req async throws -> Response in
            _ = try await req.requireManager()
            return try MemberImport.template(req)
        }
        routes.upload("members", "import", maxSize: InnovationAPIController.importBodyLimit) { req async throws -> Response in
            let context = try await req.writeContext()
            let target = try req.query.decode(MemberImport.Target.self)
            return try await ImportUpload.respond(req) {
                try await MemberImport.run(try await ImportUpload.source(req), target: target, context: context) { req.t($0, $1) }
            }
        }
    }
}

struct MemberImportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("members", "import") { req async throws -> Response in
            let context = try await req.writeContext()
            return try await Self.page(context, req: req, unit: nil).render(req, error: nil, failure: nil)
        }
        routes.get("members", "template") { req async throws -> Response in
            _ = try await req.writeContext()
            return try MemberImport.template(req)
        }
        routes.upload("members", "import", maxSize: InnovationAPIController.importBodyLimit) { req async throws -> Response in
            let context = try await req.writeContext()
            let form = try MultipartForm.read(req).fields
            let target = MemberImport.Target(
                unitId: try FormValue.uuid(form["unitId"], field: "unitId"),
                organizationId: try FormValue.uuid(form["organizationId"], field: "organizationId"))
            return try await Self.page(context, req: req, unit: target.unitId).upload(req, done: "/members") {
                try await MemberImport.run(try await ImportUpload.source(req), target: target, context: context) { req.t($0, $1) }
            }
        }
    }

    static func page(_ context: WriteContext, req: Request, unit: UUID?) -> ImportPage {
        var page = ImportPage(
            titleKey: "members.import", hintKey: "members.importHint", columns: MemberImport.Column.allCases.map(\.header),
            action: "/members/import", template: "/members/template", back: "/members")
        let units = Pages.unitOptions(context.scope, selected: unit, request: req)
        page.fields = { form in [form.select("unitId", "members.importUnion", units, empty: "form.choose", required: true)] }
        return page
    }
}
