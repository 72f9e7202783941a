import UnionHallPlatform
import Vapor

/// Page routes run with the browser session and CSRF checks; API routes with bearer tokens. Each
/// feature adds its own routes to these groups.
func routes(_ app: Application) throws {
    HealthRoutes.add(to: app)
    MetricsRoute.add(to: app)

    let publicPages = app.grouped(SessionCookieAuthenticator())
    let publicAPI = app.grouped("api", "v1").grouped(BearerTokenAuthenticator())
    let groups = FeatureRoutes(
        publicPages: publicPages,
        pages: publicPages.grouped(RequirePageUser(), RequireOwnPassword(), CSRFMiddleware()),
        publicAPI: publicAPI,
        api: publicAPI.grouped(RequireAPIUser(), RequireOwnPassword()))
    for feature in app.features {
        try groups.add(feature)
    }
}
