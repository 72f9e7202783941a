import Foundation
import Vapor

/// `pg_dump`, `pg_restore` and `psql` from PostgreSQL's client package, given the connection in
/// `PG*` variables (never the password on a command line, where `ps` would show it).
enum PostgresTools {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The connection of a `postgres://user:password@host:port/database?sslmode=…` URL, optionally to another database.
    static func environment(url: String, database: String? = nil) throws -> [String: String] {
        guard let parts = URLComponents(string: url), let host = parts.host else { throw Failure(description: "DATABASE_URL is not a URL") }
        var variables = ProcessInfo.processInfo.environment
        variables["PGHOST"] = host
        variables["PGPORT"] = parts.port.map(String.init) ?? "5432"
        variables["PGUSER"] = parts.user ?? ""
        variables["PGPASSWORD"] = parts.password ?? ""
        variables["PGDATABASE"] = database ?? databaseName(url: url)
        if let mode = parts.queryItems?.first(where: { ["sslmode", "tlsmode"].contains($0.name.lowercased()) })?.value {
            variables["PGSSLMODE"] = mode
        }
        return variables
    }

    static func databaseName(url: String) -> String {
        String((URLComponents(string: url)?.path ?? "").drop { $0 == "/" })
    }

    /// Runs a client tool to its end and answers its standard output; a non-zero exit is a failure with its error output.
    static func run(_ tool: String, _ arguments: [String], url: String, database: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.environment = try environment(url: url, database: database)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw Failure(description: "\(tool) could not be started (install PostgreSQL's client): \(error)")
        }
        // Read both before waiting, so a full pipe cannot stall the tool.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complained = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(tool) failed: \(String(decoding: complained, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    /// One SQL statement through `psql` (stopping at an error), its rows as lines of text; by default on
    /// the maintenance database `postgres`, where databases are made, renamed and dropped.
    @discardableResult
    static func sql(_ statement: String, url: String, database: String = "postgres") throws -> [String] {
        try run("psql", ["-At", "-v", "ON_ERROR_STOP=1", "-c", statement], url: url, database: database)
            .split(separator: "\n").map(String.init)
    }

    /// `"name"` quoted as an SQL identifier.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
