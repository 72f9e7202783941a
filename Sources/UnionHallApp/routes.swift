import UnionHallPlatform
import Vapor

/// Page routes run with the browser session and CSRF checks; API routes with bearer tokens. Each
/// feature adds its own routes to these groups.
func routes(_ app: Application) throws {
    HealthRoutes.add(to: app)
    MetricsRoute.add(to: app)

    // Each group's middlewares in one chain, the signed-in groups repeating the sign-in's.
    let session = SessionCookieAuthenticator()
    let bearer = BearerTokenAuthenticator()
    let api = app.grouped("api", "v1")
    let groups = FeatureRoutes(
        publicPages: app.chained(session),
        pages: app.chained(session, RequirePageUser(), RequireOwnPassword(), CSRFMiddleware()),
        publicAPI: api.chained(bearer),
        api: api.chained(bearer, RequireAPIUser(), RequireOwnPassword()))
    for feature in app.features {
        try groups.add(feature)
    }
}
