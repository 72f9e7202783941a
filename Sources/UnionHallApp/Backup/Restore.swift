import Fluent
import FluentSQLiteDriver
import SQLKit
import UnionHallPlatform
import Vapor

/// `unionhall restore FILE`: puts a backup in place of the database, checked whole before anything
/// is replaced — its SHA-256 against the digest beside it, the copy's own integrity, and that it
/// was made by this version of UnionHall or an earlier one (an earlier one is migrated on the next
/// start). What it replaces is kept, not dropped: `<file>.before-restore-<time>` for SQLite,
/// database `<name>_before_restore_<time>` on PostgreSQL. Stop every instance first.
enum Restore {
    enum Failure: Error, CustomStringConvertible {
        case missing(String), digest, unknownFormat, newer(Set<String>), engine(String), check(String)

        var description: String {
            switch self {
            case .missing(let path): "\(path) does not exist."
            case .digest: "The file does not match the SHA-256 written beside it: it was changed or cut short. Nothing was replaced."
            case .unknownFormat: "This is neither a SQLite backup nor a PostgreSQL dump. Nothing was replaced."
            case .newer(let names):
                "The backup was made by a newer UnionHall (migrations \(names.sorted().joined(separator: ", "))). Nothing was replaced."
            case .engine(let detail): detail
            case .check(let detail): "The backup failed its check: \(detail). Nothing was replaced."
            }
        }
    }

    enum Format { case sqlite, postgresDump }

    static func format(of path: String) throws -> Format {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Failure.missing(path) }
        defer { try? handle.close() }
        let head = (try handle.read(upToCount: 16)) ?? Data()
        if head.starts(with: Data("SQLite format 3\u{0}".utf8)) { return .sqlite }
        if head.starts(with: Data("PGDMP".utf8)) { return .postgresDump }
        throw Failure.unknownFormat
    }

    static func run(_ path: String, into choice: DatabaseChoice, app: Application) async throws -> String {
        let format = try await Offload.run(app) { try Self.format(of: path) }
        let digest = try await Offload.run(app) { try BackupDigest.matches(path) }
        if digest == false { throw Failure.digest }
        let known = Set(app.features.flatMap(\.migrations).map(\.name))
        let note = digest == nil ? " (no SHA-256 beside it to check against)" : " (SHA-256 matches)"
        switch (format, choice) {
        case (.sqlite, .sqlite(let target)):
            return try await sqlite(path, into: target, known: known, app: app) + note
        case (.postgresDump, .postgres(let url)):
            return try await Offload.run(app) { try postgres(path, into: url, known: known) } + note
        case (.sqlite, .postgres):
            throw Failure.engine("This is a SQLite backup and DATABASE_URL names PostgreSQL. Nothing was replaced.")
        case (.postgresDump, .sqlite):
            throw Failure.engine("This is a PostgreSQL dump; set DATABASE_URL to the server it goes to. Nothing was replaced.")
        }
    }

    static func stamp(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false).timeSeparator(.omitted)
        )
        .replacingOccurrences(of: "T", with: "_")
    }

    private static func sqlite(_ path: String, into target: String, known: Set<String>, app: Application) async throws -> String {
        guard target != ":memory:" else { throw Failure.engine("An in-memory database cannot be restored into.") }
        let check = try await SQLiteCheck.run(path, on: app)
        guard check.result == "ok" else { throw Failure.check(check.result) }
        let newer = check.migrations.subtracting(known)
        guard newer.isEmpty else { throw Failure.newer(newer) }
        let manager = FileManager.default
        let staged = target + ".restoring"
        try? manager.removeItem(atPath: staged)
        try manager.copyItem(atPath: path, toPath: staged)
        var kept = ""
        if manager.fileExists(atPath: target) {
            // SQLite writes the live file's kept copy itself, with what its journal still holds.
            kept = target + ".before-restore-" + stamp(Date())
            let id = DatabaseID(string: "live-\(UUID().uuidString)")
            app.databases.use(.sqlite(.init(storage: .file(path: target))), as: id, isDefault: false)
            guard let live = app.db(id) as? any SQLDatabase else { throw Failure.engine("The live database could not be opened.") }
            try await live.raw("VACUUM INTO \(literal: kept)").run()
            for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: target + suffix) }
        }
        try manager.moveItem(atPath: staged, toPath: target)
        let previous = kept.isEmpty ? "" : " The database it replaced is kept as \(kept)."
        return "Restored \(path) into \(target): integrity ok, \(check.members) members.\(previous)"
    }

    private static func postgres(_ path: String, into url: String, known: Set<String>) throws -> String {
        let live = PostgresTools.databaseName(url: url)
        let now = stamp(Date()).lowercased()
        let scratch = "\(live.prefix(30))_restore_\(now)"
        let kept = "\(live.prefix(30))_before_restore_\(now)"
        func quoted(_ name: String) -> String { PostgresTools.identifier(name) }
        let contents = try PostgresTools.run("pg_restore", ["--list", path], url: url)
        guard contents.contains("TABLE DATA public members") else { throw Failure.check("no member rows in the dump") }
        try PostgresTools.sql("CREATE DATABASE \(quoted(scratch))", url: url)
        do {
            _ = try PostgresTools.run(
                "pg_restore", ["--no-owner", "--exit-on-error", "--dbname", scratch, path], url: url, database: scratch)
            let names = Set(try PostgresTools.sql("SELECT name FROM _fluent_migrations", url: url, database: scratch))
            guard !names.isEmpty else { throw Failure.check("no migrations recorded") }
            let newer = names.subtracting(known)
            guard newer.isEmpty else { throw Failure.newer(newer) }
            let members = try PostgresTools.sql("SELECT COUNT(*) FROM members", url: url, database: scratch).first ?? "0"
            let literal = "'" + live.replacingOccurrences(of: "'", with: "''") + "'"
            let replacing = !(try PostgresTools.sql("SELECT 1 FROM pg_database WHERE datname = \(literal)", url: url)).isEmpty
            if replacing {
                do {
                    try PostgresTools.sql("ALTER DATABASE \(quoted(live)) RENAME TO \(quoted(kept))", url: url)
                } catch {
                    throw Failure.engine(
                        "\(live) could not be set aside — stop every instance using it first. Nothing was replaced. (\(error))")
                }
            }
            try PostgresTools.sql("ALTER DATABASE \(quoted(scratch)) RENAME TO \(quoted(live))", url: url)
            let previous = replacing ? " The database it replaced is kept as \(kept)." : ""
            return "Restored \(path) into database \(live): archive restored whole, \(members) members.\(previous)"
        } catch {
            _ = try? PostgresTools.sql("DROP DATABASE IF EXISTS \(quoted(scratch))", url: url)
            throw error
        }
    }

}
