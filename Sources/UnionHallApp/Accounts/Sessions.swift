import Crypto
import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Creating, finding and ending sessions. The secret goes to the client once; the table keeps its hash.
enum Sessions {
    static let cookieName = "uh_session"
    /// How stale `last_seen_at` may get before a request writes it again: saves a write per click.
    static let touchInterval: TimeInterval = 60

    static func newSecret() -> String {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        return Base64URL.encode(bytes)
    }

    static func hash(_ token: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(token.utf8)))
    }

    /// Starts a session and returns the secret for the cookie or the bearer token.
    static func start(userID: UUID?, kind: AuthSession.Kind, on db: any Database, environment: AppEnvironment) async throws -> (
        token: String, session: AuthSession
    ) {
        let token = newSecret()
        let now = environment.now()
        let session = AuthSession(
            tokenHash: hash(token), userID: userID, kind: kind, csrfToken: newSecret(), now: now,
            expiresAt: environment.sessionPolicy.expiry(createdAt: now, lastSeenAt: now))
        try await session.create(on: db)
        return (token, session)
    }

    /// The live session for a secret, with its user; an expired one is deleted and not returned.
    static func find(token: String, kind: AuthSession.Kind, on request: Request) async throws -> AuthSession? {
        guard
            let (session, treeVersion, snapshot) = try await SessionLookup.find(
                tokenHash: hash(token), kind: kind, on: request.db, kept: request.application.sessionRows)
        else {
            return nil
        }
        request.unitTreeVersion = treeVersion
        request.readSnapshot = snapshot
        let environment = request.application.current
        let now = environment.now()
        if environment.sessionPolicy.isExpired(createdAt: session.createdAt, lastSeenAt: session.lastSeenAt, now: now) {
            try await request.write { db in try await session.delete(on: db) }
            return nil
        }
        if let user = session.user, !user.active { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > touchInterval {
            session.lastSeenAt = now
            session.expiresAt = environment.sessionPolicy.expiry(createdAt: session.createdAt, lastSeenAt: now)
            // A write retires the snapshot read with the session (`Application.write`), as any later one would.
            try await ReadSnapshot.$current.withValue(snapshot) {
                try await request.write { db in try await session.update(on: db) }
            }
        }
        return session
    }

    /// Removes every lapsed session and login throttle keys that have run out.
    static func sweep(on db: any Database, environment: AppEnvironment) async throws {
        let now = environment.now()
        try await AuthSession.query(on: db).filter(\.$expiresAt < now).delete()
        try await LoginThrottles.sweep(on: db, now: now)
    }

    static func cookie(_ token: String, on request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, maxAge: Int(request.application.current.sessionPolicy.absoluteTimeout), path: "/",
            isSecure: request.application.current.secureCookies || request.headers.first(name: "X-Forwarded-Proto") == "https",
            isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    private struct SessionKey: StorageKey { typealias Value = AuthSession }
    private struct ReadSnapshotKey: StorageKey { typealias Value = ReadSnapshot }

    /// The snapshot the session was read in, on PostgreSQL; the authenticators read the rest of the
    /// request under it (`ReadSnapshot.current`).
    var readSnapshot: ReadSnapshot? {
        get { storage[ReadSnapshotKey.self] }
        set { storage[ReadSnapshotKey.self] = newValue }
    }

    /// The session this request came with, if any (anonymous sessions included).
    var authSession: AuthSession? {
        get { storage[SessionKey.self] }
        set {
            storage[SessionKey.self] = newValue
            csrfToken = newValue?.csrfToken
        }
    }
}

extension Sessions {
    /// A public form (sign-in, applying to join) needs a CSRF token: a visitor without a session gets
    /// an anonymous one. Answers the new session's token for the cookie, nil when there was one.
    static func startAnonymous(_ req: Request) async throws -> String? {
        guard req.authSession == nil else { return nil }
        let (token, session) = try await req.write { db in
            try await start(userID: nil, kind: .web, on: db, environment: req.application.current)
        }
        req.authSession = session
        return token
    }

    static func setCookie(_ token: String?, on response: Response, request: Request) {
        if let token { response.cookies[cookieName] = cookie(token, on: request) }
    }
}
