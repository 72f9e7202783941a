import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import NIOSSL
import UnionHallPlatform
import Vapor

/// Database, migrations, views and routes. `DATABASE_URL` (postgres://…) selects PostgreSQL;
/// otherwise SQLite at `UNIONHALL_DB` (default `./unionhall.sqlite`).
public func configure(_ app: Application, database: DatabaseChoice = .fromEnvironment()) async throws {
    app.current = try AppEnvironment.live(app.environment)
    try await configureDatabase(app, database)
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
    app.passwords.use(.bcrypt(cost: app.current.bcryptCost))
    // Made once at start-up, off any request: the hash an unknown username is checked against.
    app.passwordGate = PasswordGate(unknownUserHash: try app.password.hash(Sessions.newSecret()))

    app.middleware = Middlewares()
    app.middleware.use(AppErrorMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    try routes(app)

    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BackupCommand(), as: "backup")
}

/// Which database the app runs on.
public enum DatabaseChoice: Sendable {
    case postgres(url: String)
    case sqlite(path: String)

    public static let defaultSQLitePath = "unionhall.sqlite"

    public static func fromEnvironment() -> DatabaseChoice {
        if let url = Environment.get("DATABASE_URL"), url.hasPrefix("postgres") { return .postgres(url: url) }
        return .sqlite(path: Environment.get("UNIONHALL_DB") ?? defaultSQLitePath)
    }
}

private func configureDatabase(_ app: Application, _ choice: DatabaseChoice) async throws {
    switch choice {
    case .postgres(let url):
        let config = try postgresConfiguration(url: url)
        app.databases.use(.postgres(configuration: config), as: .psql)
        app.databases.use(.postgres(configuration: config), as: .figures, isDefault: false)
        app.writeGate = WriteGate(serialises: false)
    case .sqlite(let path):
        let storage: SQLiteConfiguration.Storage = path == ":memory:" ? .memory : .file(path: path)
        app.databases.use(.sqlite(SQLiteConfiguration(storage: storage)), as: .sqlite)
        app.writeGate = WriteGate(serialises: true)
        if case .file = storage {
            // Its own connections (SQLite has one per event loop): counting a city's year must not
            // hold up the requests queued behind it. An in-memory database cannot be opened twice.
            app.databases.use(.sqlite(SQLiteConfiguration(storage: storage)), as: .figures, isDefault: false)
        }
        if case .file = storage, let sql = app.db as? any SQLDatabase {
            // WAL lets readers run beside the one writer; it is a property of the file, set once.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
        }
    }
}

/// TLS as the URL's `sslmode` (or `tlsmode`, `ssl`, `tls`) says; without one, none on loopback and
/// required, with the server's certificate verified, to any other host.
func postgresConfiguration(url: String) throws -> SQLPostgresConfiguration {
    var config = try SQLPostgresConfiguration(url: url)
    let components = URLComponents(string: url)
    let named = components?.queryItems?.contains { ["sslmode", "tlsmode", "ssl", "tls"].contains($0.name.lowercased()) } ?? false
    if !named {
        let host = (components?.host ?? "").lowercased()
        let loopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]" || host.isEmpty
        config.coreConfiguration.tls = loopback ? .disable : .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
    }
    return config
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
