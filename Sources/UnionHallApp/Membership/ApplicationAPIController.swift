import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// `/api/v1/membership-applications` without a token: applying, and following an application.
struct ApplicationPublicAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applications = routes.grouped(.constant(MembershipApplication.routeName))
        applications.post { req async throws -> Response in
            try await ApplicationService.submit(try req.content.decode(ApplicationInput.self), request: req)
                .encodeResponse(status: .created, for: req)
        }
        applications.get("status") { req async throws -> ApplicationProgress in
            let query = try req.query.decode(ApplicationStatusQuery.self)
            return try await ApplicationService.progress(number: query.number, code: query.code, request: req)
        }
    }
}

/// The officers' side: the applications for their subtree, one application, and the export. The
/// answers (`approve`, `reject`) are the workflow's routes.
struct ApplicationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let records = RecordAPIController<MembershipApplication>()
        let applications = routes.grouped(.constant(MembershipApplication.routeName))
        applications.get(use: records.list)
        ListExport.route(MembershipApplication.self, on: applications)
        applications.get(":id", use: records.show)
    }
}
