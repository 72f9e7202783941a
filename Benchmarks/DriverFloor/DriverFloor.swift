import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import SQLiteNIO

/// How fast the database drivers the server is built on run a request's statements, with no HTTP and
/// no application code: the most any handler on them can reach. `Benchmarks/throughput.py --floor`
/// runs it beside the raw SQL. It opens the connections the server opens (one a core on SQLite, with
/// its pragmas; four a core on PostgreSQL, statements sent unnamed with their values bound), and
/// `--concurrency` tasks run the statements one after another, in a loop, for `--seconds`.
///
///     echo '[{"sql": "SELECT …", "params": ["…"]}]' | driver-floor --sqlite FILE --seconds 8
///     … | driver-floor --postgres postgres://user:password@host/db
/// It prints the rounds a second (every statement once is a round).
@main
struct DriverFloor {
    struct Statement: Decodable {
        let sql: String
        let params: [String]
    }

    static func main() async throws {
        var options: [String: String] = [:]
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let name = arguments.next() {
            guard name.hasPrefix("--"), let value = arguments.next() else { return usage() }
            options[String(name.dropFirst(2))] = value
        }
        let statements = try JSONDecoder().decode([Statement].self, from: FileHandle.standardInput.readDataToEndOfFile())
        let seconds = options["seconds"].flatMap(Int.init).map { min(max($0, 1), 600) } ?? 8
        let concurrency = options["concurrency"].flatMap(Int.init).map { min(max($0, 1), 1_024) } ?? 32
        let cores = System.coreCount
        let round: @Sendable (Int) async throws -> Void
        if let path = options["sqlite"] {
            var connections: [SQLiteConnection] = []
            for loop in MultiThreadedEventLoopGroup.singleton.makeIterator().prefix(cores) {
                let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: .singleton, on: loop)
                _ = try await connection.query("PRAGMA mmap_size=1073741824", []).get()
                _ = try await connection.query("PRAGMA cache_size=-32768", []).get()
                connections.append(connection)
            }
            let prepared = statements.map { ($0.sql, $0.params.map { SQLiteData.text($0) }) }
            let opened = connections
            round = { task in
                let connection = opened[task % opened.count]
                for (sql, binds) in prepared { _ = try await connection.query(sql, binds).get() }
            }
        } else if let url = options["postgres"] {
            guard let parts = URLComponents(string: url), let host = parts.host, let user = parts.user else { return usage() }
            let configuration = PostgresConnection.Configuration(
                host: host, port: parts.port ?? 5432, username: user, password: parts.password,
                database: String(parts.path.dropFirst()), tls: .disable)
            var connections: [PostgresConnection] = []
            for index in 0..<(4 * cores) {
                connections.append(
                    try await PostgresConnection.connect(
                        on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: index,
                        logger: Logger(label: "driver-floor")))
            }
            let queries = statements.map(postgresQuery)
            let logger = Logger(label: "driver-floor")
            let opened = connections
            round = { task in
                let connection = opened[task % opened.count]
                for query in queries {
                    for try await _ in try await connection.query(query, logger: logger) {}
                }
            }
        } else {
            return usage()
        }
        let deadline = ContinuousClock.now + .seconds(seconds)
        let rounds = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<concurrency {
                group.addTask {
                    var done = 0
                    while ContinuousClock.now < deadline {
                        try await round(task)
                        done += 1
                    }
                    return done
                }
            }
            var total = 0
            for try await done in group { total += done }
            return total
        }
        print(Double(rounds) / Double(seconds))
    }

    /// `?` placeholders become `$1`, `$2` …; a value that reads as a UUID is bound as one, as the server binds ids.
    static func postgresQuery(_ statement: Statement) -> PostgresQuery {
        var sql = ""
        var number = 0
        for character in statement.sql {
            if character == "?" {
                number += 1
                sql += "$\(number)"
            } else {
                sql.append(character)
            }
        }
        var bindings = PostgresBindings()
        for param in statement.params {
            if let id = UUID(uuidString: param) { bindings.append(id) } else { bindings.append(param) }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    static func usage() {
        FileHandle.standardError.write(
            Data("usage: driver-floor --sqlite FILE | --postgres URL [--seconds N] [--concurrency N] < statements.json\n".utf8))
        exit(2)
    }
}
