import Fluent
import SQLKit
import UnionHallPlatform
import Vapor

/// Work that must run once however many instances serve: under a PostgreSQL advisory lock held
/// for the job's transaction, an instance that finds it taken leaves the work to the holder. On
/// SQLite there is one process, and the write gate already serialises it.
enum ClusterJobs {
    static let table = "cluster_jobs"

    /// Runs `work` unless another instance is running the job of this name, or (with `every`) it
    /// ran less than `every` seconds ago on any instance; answers whether it ran here.
    @discardableResult
    static func run(
        _ name: String, every: TimeInterval? = nil, on app: Application, _ work: @escaping @Sendable (any Database) async throws -> Void
    ) async throws -> Bool {
        guard try app.db.sql().dialect.name == "postgresql" else {
            // One process: a job without a period needs no record, and its work may take the write gate itself.
            guard let every else {
                try await work(app.db)
                return true
            }
            return try await app.write { db in try await runIfDue(name, every: every, now: app.current.now(), db: db, work) }
        }
        return try await app.db.transaction { db in
            let taken =
                try await db.sql().raw("SELECT pg_try_advisory_xact_lock(hashtext(\(bind: name))) AS taken").first()?
                .decode(column: "taken", as: Bool.self) ?? false
            guard taken else { return false }
            guard let every else {
                try await work(db)
                return true
            }
            return try await runIfDue(name, every: every, now: app.current.now(), db: db, work)
        }
    }

    private static func runIfDue(
        _ name: String, every: TimeInterval, now: Date, db: any Database, _ work: @Sendable (any Database) async throws -> Void
    ) async throws -> Bool {
        let sql = try db.sql()
        if let last = try await sql.select().column("last_run_at").from(table).where("name", .equal, SQLBind(name)).first()?
            .decode(column: "last_run_at", as: Date.self), now.timeIntervalSince(last) < every
        {
            return false
        }
        try await work(db)
        try await sql.delete(from: table).where("name", .equal, SQLBind(name)).run()
        try await sql.insert(into: table).columns("name", "last_run_at").values(SQLBind(name), SQLBind(now)).run()
        return true
    }

    /// Runs `work` while no other instance runs the same: on PostgreSQL it waits for the lock (held
    /// on a connection of its own), so instances starting together migrate one after another.
    static func exclusively<T: Sendable>(_ name: String, on app: Application, _ work: @escaping @Sendable () async throws -> T) async throws
        -> T
    {
        guard try app.db.sql().dialect.name == "postgresql" else { return try await work() }
        return try await app.db.withConnection { connection in
            let sql = try connection.sql()
            try await sql.raw("SELECT pg_advisory_lock(hashtext(\(bind: name)))").run()
            do {
                let result = try await work()
                try await sql.raw("SELECT pg_advisory_unlock(hashtext(\(bind: name)))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(hashtext(\(bind: name)))").run()
                throw error
            }
        }
    }
}
