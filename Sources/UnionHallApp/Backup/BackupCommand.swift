import Fluent
import FluentSQLiteDriver
import SQLKit
import UnionHallPlatform
import Vapor

/// `unionhall backup FILE`: a consistent copy of the live SQLite database, made by SQLite itself
/// (`VACUUM INTO`, which reads one snapshot while the app keeps writing), then integrity-checked.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the copy (must not exist)")
        var file: String
    }

    var help: String { "Writes a consistent, checked copy of the SQLite database." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let result = try await Backup.write(to: signature.file, from: context.application)
        context.console.print(result)
    }
}

enum Backup {
    enum Failure: Error, CustomStringConvertible {
        case notSQLite, exists(String), integrity(String)

        var description: String {
            switch self {
            case .notSQLite: "Backup copies the SQLite database; for PostgreSQL use pg_dump."
            case .exists(let path): "\(path) already exists; choose a new file."
            case .integrity(let result): "The copy failed its integrity check: \(result)"
            }
        }
    }

    static func write(to path: String, from app: Application) async throws -> String {
        guard let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" else { throw Failure.notSQLite }
        guard !FileManager.default.fileExists(atPath: path) else { throw Failure.exists(path) }
        try await sql.raw("VACUUM INTO \(literal: path)").run()
        let copyID = DatabaseID(string: "backup-\(UUID().uuidString)")
        app.databases.use(.sqlite(.init(storage: .file(path: path))), as: copyID, isDefault: false)
        guard let copy = app.db(copyID) as? any SQLDatabase else { throw Failure.notSQLite }
        let rows = try await copy.raw("PRAGMA integrity_check").all()
        let result = try rows.first?.decode(column: "integrity_check", as: String.self) ?? "no result"
        let members = try await copy.raw("SELECT COUNT(*) AS n FROM members").first()?.decode(column: "n", as: Int.self) ?? 0
        guard result == "ok" else { throw Failure.integrity(result) }
        return "Backup written to \(path): integrity ok, \(members) members."
    }
}
