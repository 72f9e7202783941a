import Fluent
import SQLKit
import UnionHallPlatform
import Vapor

/// `unionhall backup FILE`: a consistent copy of the live database while the app keeps serving.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the copy (must not exist)")
        var file: String
    }

    var help: String { "Writes a consistent, checked copy of the database (SQLite file or PostgreSQL dump) and its SHA-256." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let result = try await Backup.write(to: signature.file, from: context.application)
        context.console.print(result)
    }
}

/// SQLite copies itself (`VACUUM INTO` reads one snapshot); PostgreSQL is dumped by `pg_dump`,
/// which reads one snapshot too, in its custom format. Either copy is checked as written, and its
/// SHA-256 is kept beside it (`FILE.sha256`), which `unionhall restore` checks before anything else.
enum Backup {
    enum Failure: Error, CustomStringConvertible {
        case exists(String), integrity(String)

        var description: String {
            switch self {
            case .exists(let path): "\(path) already exists; choose a new file."
            case .integrity(let result): "The copy failed its integrity check: \(result)"
            }
        }
    }

    static func write(to path: String, from app: Application) async throws -> String {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        let sql = try app.db.sql()
        let report: String
        if sql.dialect.name == "postgresql", let url = Environment.get("DATABASE_URL") {
            report = try await Offload.run(app) {
                _ = try PostgresTools.run("pg_dump", ["--format=custom", "--no-owner", "--file", path], url: url)
                // The archive's table of contents reads back whole: the dump was not cut short.
                let contents = try PostgresTools.run("pg_restore", ["--list", path], url: url)
                guard contents.contains("TABLE DATA public members") else { throw Failure.integrity("no member rows in the dump") }
                return "Backup written to \(path): PostgreSQL dump, archive readable."
            }
        } else {
            try await sql.raw("VACUUM INTO \(literal: path)").run()
            let check = try await SQLiteCheck.run(path, on: app)
            guard check.result == "ok" else { throw Failure.integrity(check.result) }
            report = "Backup written to \(path): integrity ok, \(check.members) members."
        }
        let digest = try await Offload.run(app) { try BackupDigest.write(for: path) }
        return report + " SHA-256 \(digest) in \(path).sha256."
    }
}

/// `PRAGMA integrity_check` and a count of members, on a copy opened as its own database.
enum SQLiteCheck {
    struct Result {
        let result: String
        let members: Int
        let migrations: Set<String>
    }

    static func run(_ path: String, on app: Application) async throws -> Result {
        let id = DatabaseID(string: "check-\(UUID().uuidString)")
        app.databases.use(.sqlite(.init(storage: .file(path: path))), as: id, isDefault: false)
        guard let copy = app.db(id) as? any SQLDatabase else { throw Backup.Failure.integrity("not a database") }
        do {
            let rows = try await copy.raw("PRAGMA integrity_check").all()
            let result = try rows.first?.decode(column: "integrity_check", as: String.self) ?? "no result"
            guard result == "ok" else { return Result(result: result, members: 0, migrations: []) }
            let members = try await copy.raw("SELECT COUNT(*) AS n FROM members").first()?.decode(column: "n", as: Int.self) ?? 0
            let migrations = try await copy.raw("SELECT name FROM _fluent_migrations").all().map {
                try $0.decode(column: "name", as: String.self)
            }
            return Result(result: result, members: members, migrations: Set(migrations))
        } catch let error as any DatabaseError {
            return Result(result: String(describing: error), members: 0, migrations: [])
        }
    }
}
