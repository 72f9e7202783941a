import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import UnionHallPlatform
import Vapor

/// Database, migrations, views and routes. `DATABASE_URL` (postgres://…) selects PostgreSQL;
/// otherwise SQLite at `UNIONHALL_DB` (default `./unionhall.sqlite`).
public func configure(_ app: Application, database: DatabaseChoice = .fromEnvironment()) async throws {
    try ResourceHome.apply(to: app)
    app.current = try AppEnvironment.live(app.environment)
    // The suite sends thousands of requests: their access lines would bury what a failing test says.
    if app.environment == .testing { app.logger.logLevel = max(app.logger.logLevel, .warning) }
    try await DatabaseSetup.configure(app, database)
    app.features = Features.all
    app.statisticsRefreshes = StatisticsRefreshes(
        logger: app.logger, inlineMillis: Environment.get("UNIONHALL_STATISTICS_INLINE_MS").flatMap { Int($0) }.map { max(0, $0) } ?? 250)
    app.migrations.add(app.features.flatMap(\.migrations))

    app.views.use(.leaf)
    app.leaf.tags["t"] = LocalizeTag()
    app.leaf.tags["options"] = OptionsTag()
    app.localizer = try Localizer(directory: app.directory.resourcesDirectory + "Localization")
    app.routes.defaultMaxBodySize = "1mb"
    ContentConfiguration.global.use(decoder: BoundedJSONDecoder(), for: .json)
    ContentConfiguration.global.use(encoder: StreamingJSONEncoder(), for: .json)
    app.passwords.use(.bcrypt(cost: app.current.bcryptCost))
    // Made once at start-up, off any request: the hash an unknown username is checked against.
    app.passwordGate = PasswordGate(unknownUserHash: try app.password.hash(Sessions.newSecret()))

    var everyRequest: [any AsyncMiddleware] = [RequestTelemetryMiddleware(telemetry: app.telemetry)]
    if Telemetry.tracesExported { everyRequest.append(TracingMiddleware()) }
    everyRequest += [AppErrorMiddleware(), SecurityHeadersMiddleware(), PublicFiles(directory: app.directory.publicDirectory)]
    if let kept = app.keptCounts { everyRequest.append(KeptCountsMiddleware(cache: kept)) }
    app.middleware = Middlewares()
    app.middleware.use(MiddlewareChain(everyRequest))
    try routes(app)

    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
}

extension AppEnvironment {
    static func live(_ environment: Environment) throws -> AppEnvironment {
        var current = AppEnvironment()
        current.secureCookies = Environment.get("UNIONHALL_SECURE_COOKIES") == "1"
        current.trustsForwardedFor = Environment.get("UNIONHALL_TRUSTED_PROXY") == "1"
        // Tests hash many passwords; the lowest cost keeps them fast and still exercises Bcrypt.
        current.bcryptCost = environment == .testing ? 4 : 12
        current.filesDirectory =
            Environment.get("UNIONHALL_FILES")
            ?? (environment == .testing
                ? FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-test-files").path : "files")
        return current
    }
}
