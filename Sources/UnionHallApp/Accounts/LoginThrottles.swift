import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Failed sign-ins counted per key in the database, so that every app instance on one PostgreSQL
/// shares them. A try is claimed in one statement *before* the password is checked: twenty
/// simultaneous guesses cannot all slip past the count, and a key that must wait answers 429.
enum LoginThrottles {
    static let schema = "login_throttles"
    /// How long a claim past the free tries holds the key while its password is being checked.
    static let pendingHold: TimeInterval = 30

    struct Claim {
        var key: String
        var rule: LoginThrottle
        var attempts: Int
    }

    /// The keys a sign-in to `username` from this request counts against.
    static func keys(username: String, on request: Request) -> [(String, LoginThrottle)] {
        let client = request.clientAddress
        return [("p:\(client)|\(username)", .accountFromClient), ("c:\(client)", .client), ("a:\(username)", .account)]
    }

    /// Looking up a secret from one address (a certificate number, an application's code, a card's
    /// code): misses are what count.
    static func lookupKeys(on request: Request) -> [(String, LoginThrottle)] {
        [("v:\(request.clientAddress)", .certificateCheck)]
    }

    /// Applying to join from one address: every application counts.
    static func joiningKeys(on request: Request) -> [(String, LoginThrottle)] {
        [("j:\(request.clientAddress)", .joining)]
    }

    /// Claims one try on every key, or throws 429 with the seconds to wait.
    static func claim(username: String, on request: Request) async throws -> [Claim] {
        try await claim(keys(username: username, on: request), on: request)
    }

    static func claim(_ keys: [(String, LoginThrottle)], on request: Request) async throws -> [Claim] {
        let now = request.now.timeIntervalSince1970
        var claims: [Claim] = []
        for (key, rule) in keys {
            guard let attempts = try await claim(key: key, rule: rule, now: now, on: request) else {
                let wait = try await waitingSeconds(key: key, now: now, on: request.db)
                throw AppError(status: .tooManyRequests, key: "error.login.throttled", arguments: [String(wait)])
            }
            claims.append(Claim(key: key, rule: rule, attempts: attempts))
        }
        return claims
    }

    private static func claim(key: String, rule: LoginThrottle, now: Double, on request: Request) async throws -> Int? {
        let windowStart = now - rule.window
        let pending = now + pendingHold
        return try await request.write { db in
            let sql = try sqlDatabase(db)
            let row = try await sql.raw(
                """
                INSERT INTO \(ident: schema) (id, key, attempts, last_at, next_at)
                VALUES (\(bind: UUID()), \(bind: key), 1, \(bind: now), \(bind: now))
                ON CONFLICT (key) DO UPDATE SET
                  attempts = CASE WHEN \(ident: schema).last_at < \(bind: windowStart) THEN 1 ELSE \(ident: schema).attempts + 1 END,
                  next_at = CASE WHEN \(ident: schema).last_at >= \(bind: windowStart)
                                  AND \(ident: schema).attempts + 1 >= \(bind: rule.freeAttempts)
                            THEN \(bind: pending) ELSE \(bind: now) END,
                  last_at = \(bind: now)
                WHERE \(ident: schema).next_at <= \(bind: now)
                RETURNING attempts
                """
            ).first()
            return try row?.decode(column: "attempts", as: Int.self)
        }
    }

    private static func waitingSeconds(key: String, now: Double, on db: any Database) async throws -> Int {
        let row = try await sqlDatabase(db).raw("SELECT next_at FROM \(ident: schema) WHERE key = \(bind: key)").first()
        let next = try row?.decode(column: "next_at", as: Double.self) ?? now
        return max(1, Int((next - now).rounded(.up)))
    }

    /// A wrong password: each key waits as its rule says after this many tries. A try that was
    /// overtaken by a later one (its password checked more slowly) leaves the later one's wait alone.
    static func failed(_ claims: [Claim], on request: Request) async throws {
        let now = request.now.timeIntervalSince1970
        try await request.write { db in
            let sql = try sqlDatabase(db)
            for claim in claims {
                let next = now + claim.rule.delay(afterFailures: claim.attempts)
                try await sql.raw(
                    """
                    UPDATE \(ident: schema) SET next_at = \(bind: next)
                    WHERE key = \(bind: claim.key) AND attempts = \(bind: claim.attempts)
                    """
                ).run()
            }
        }
    }

    /// A right password: the account's keys start again; the address keeps its other failures.
    static func succeeded(_ claims: [Claim], on request: Request) async throws {
        let now = request.now.timeIntervalSince1970
        try await request.write { db in
            let sql = try sqlDatabase(db)
            for claim in claims {
                if claim.rule.success == .forgiveOne {
                    let next = now + claim.rule.delay(afterFailures: claim.attempts - 1)
                    try await sql.raw(
                        """
                        UPDATE \(ident: schema) SET attempts = attempts - 1, next_at = \(bind: next)
                        WHERE key = \(bind: claim.key) AND attempts > 0
                        """
                    ).run()
                } else {
                    try await sql.raw("DELETE FROM \(ident: schema) WHERE key = \(bind: claim.key)").run()
                }
            }
        }
    }

    /// Forgets keys whose window and wait have both passed.
    static func sweep(on db: any Database, now: Date) async throws {
        let cutoff = now.timeIntervalSince1970 - LoginThrottle.client.window
        try await sqlDatabase(db).raw(
            """
            DELETE FROM \(ident: schema) WHERE last_at < \(bind: cutoff) AND next_at < \(bind: now.timeIntervalSince1970)
            """
        ).run()
    }

    private static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        let sql = try db.sql()
        return sql
    }
}

/// Replaces the per-username failure rows with throttle keys (see `LoginThrottles`).
struct CreateLoginThrottles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginThrottles.schema)
            .id()
            .field("key", .string, .required)
            .field("attempts", .int, .required)
            .field("last_at", .double, .required)
            .field("next_at", .double, .required)
            .unique(on: "key")
            .create()
        try await database.schema("login_failures").delete()
    }

    func revert(on database: any Database) async throws {
        try await CreateLoginFailure().prepare(on: database)
        try await database.schema(LoginThrottles.schema).delete()
    }
}
