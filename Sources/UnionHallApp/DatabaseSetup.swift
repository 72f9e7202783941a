import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import UnionHallPlatform
import Vapor

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

/// Connections, pools and the per-database settings both engines need.
enum DatabaseSetup {
    /// Connections each event loop may hold (`UNIONHALL_DB_CONNECTIONS`, 1…32; default 4 on PostgreSQL
    /// so a slow query does not hold up the requests behind it, 1 on SQLite, whose writes queue anyway).
    static let connectionsPerLoop: Int = {
        let configured = Environment.get("UNIONHALL_DB_CONNECTIONS").flatMap(Int.init).map { min(max($0, 1), 32) }
        return configured ?? (Environment.get("DATABASE_URL")?.hasPrefix("postgres") == true ? 4 : 1)
    }()

    /// How this instance's connections are named in `pg_stat_activity`: host and process.
    static let applicationName = "unionhall-\(ProcessInfo.processInfo.hostName.prefix(30))-\(ProcessInfo.processInfo.processIdentifier)"

    static func configure(_ app: Application, _ choice: DatabaseChoice) async throws {
        app.unitTrees = UnitTreeCache()
        switch choice {
        case .postgres(let url):
            var config = try postgresConfiguration(url: url)
            config.coreConfiguration.options.additionalStartupParameters.append(("application_name", applicationName))
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: connectionsPerLoop), as: .psql)
            app.databases.middleware.use(UnitTreeVersioning(), on: .psql)
            app.databases.use(.postgres(configuration: config), as: .figures, isDefault: false)
            app.current.filesInDatabase = Environment.get("UNIONHALL_FILE_STORE") != "directory"
            app.writeGate = WriteGate(serialises: false)
            app.keptCounts = ChangeStampedCache(stamp: ReadSnapshotStamp())
        case .sqlite(let path):
            let storage: SQLiteConfiguration.Storage = path == ":memory:" ? .memory : .file(path: path)
            // An in-memory database is one connection's own: a second would open an empty one.
            let connections = path == ":memory:" ? 1 : connectionsPerLoop
            app.databases.use(.sqlite(SQLiteConfiguration(storage: storage), maxConnectionsPerEventLoop: connections), as: .sqlite)
            app.databases.middleware.use(UnitTreeVersioning(), on: .sqlite)
            app.writeGate = WriteGate(serialises: true)
            if case .file = storage {
                // Its own connections (SQLite has one per event loop): counting a city's year must not
                // hold up the requests queued behind it. An in-memory database cannot be opened twice.
                app.databases.use(.sqlite(SQLiteConfiguration(storage: storage)), as: .figures, isDefault: false)
            }
            if case .file = storage, let sql = app.db as? any SQLDatabase {
                // WAL lets readers run beside the one writer; it is a property of the file, set once.
                try await sql.raw("PRAGMA journal_mode=WAL").run()
                try await tuneSQLiteConnections(app)
                let stamp = SQLiteChangeStamp(databasePath: path)
                app.sessionRows = ChangeStampedCache(stamp: stamp)
                app.keptCounts = ChangeStampedCache(stamp: stamp)
            }
        }
    }

    /// TLS as the URL's `sslmode` (or `tlsmode`, `ssl`, `tls`) says; without one, none on loopback and
    /// required, with the server's certificate verified, to any other host.
    static func postgresConfiguration(url: String) throws -> SQLPostgresConfiguration {
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

    /// What SQLite keeps per connection, set on each event loop's connection (one a loop by default):
    /// synchronous commits at checkpoints only (safe in WAL), and pages read through a memory map and
    /// a larger cache rather than a system call and a copy each — a search over a large register
    /// reads thousands of pages.
    static func tuneSQLiteConnections(_ app: Application) async throws {
        for loop in app.eventLoopGroup.makeIterator() {
            for id in [DatabaseID.sqlite, .figures] where app.databases.configuration(for: id) != nil {
                guard let sql = app.databases.database(id, logger: app.logger, on: loop) as? any SQLDatabase else { continue }
                try await sql.raw("PRAGMA synchronous=NORMAL").run()
                try await sql.raw("PRAGMA mmap_size=\(unsafeRaw: String(sqliteMapBytes))").run()
                try await sql.raw("PRAGMA cache_size=-32768").run()
            }
        }
    }

    static let sqliteMapBytes = 1 << 30
}
