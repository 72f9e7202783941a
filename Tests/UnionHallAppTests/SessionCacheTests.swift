import Fluent
import Foundation
import SQLKit
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// On a SQLite file a session read again while nothing was committed is not read from the
/// database again; any commit, this process's or another's, retires what was kept.
@Suite struct SessionCacheTests {
    static func file(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-\(UUID().uuidString)-\(name).sqlite").path
    }

    static func bearer(_ token: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        return headers
    }

    /// Runs `change` on a second app on the same database, as another instance or process would.
    static func onAnotherInstance(_ path: String, _ change: (Application) async throws -> Void) async throws {
        let other = try await Application.make(.testing)
        do {
            try await configure(other, database: usesPostgres ? .fromEnvironment() : .sqlite(path: path))
            try await change(other)
        } catch {
            try? await other.asyncShutdown()
            throw error
        }
        try await other.asyncShutdown()
    }

    @Test func theStampMovesWithEveryCommitFromAnyConnection() async throws {
        let path = Self.file("stamp")
        defer { TestWorld.removeDatabase(path) }
        let stamp = SQLiteChangeStamp(databasePath: path)
        #expect(stamp.current() == nil)
        try await TestWorld.run(sqliteFile: path) { world in
            guard !usesPostgres else { return }
            let first = try #require(stamp.current())
            #expect(stamp.current() == first)
            _ = try await (world.app.db as! any SQLDatabase).raw("SELECT COUNT(*) FROM members").all()
            #expect(stamp.current() == first)
            try await world.app.write { db in _ = try await Sequences.take("stamp-test", on: db) }
            let second = try #require(stamp.current())
            #expect(second != first)
            // Another process's connection: a second app on the same file.
            try await Self.onAnotherInstance(path) { other in
                try await other.write { db in _ = try await Sequences.take("stamp-test", on: db) }
            }
            #expect(stamp.current() != second)
        }
    }

    @Test func aReplacedFileIsReadAfresh() async throws {
        let path = Self.file("replaced")
        defer { TestWorld.removeDatabase(path) }
        try Data(repeating: 7, count: 96).write(to: URL(fileURLWithPath: path + "-shm"))
        let stamp = SQLiteChangeStamp(databasePath: path)
        #expect(stamp.current() == [UInt8](repeating: 7, count: 48))
        try FileManager.default.removeItem(atPath: path + "-shm")
        #expect(stamp.current() == nil)
        try Data(repeating: 9, count: 96).write(to: URL(fileURLWithPath: path + "-shm"))
        #expect(stamp.current() == [UInt8](repeating: 9, count: 48))
        // A header caught between its two copies tells nothing.
        try (Data(repeating: 1, count: 48) + Data(repeating: 2, count: 48)).write(to: URL(fileURLWithPath: path + "-shm"))
        #expect(stamp.current() == nil)
        try Data(repeating: 1, count: 50).write(to: URL(fileURLWithPath: path + "-shm"))
        #expect(stamp.current() == nil)
    }

    actor Reads {
        var count = 0
        func add() -> Int {
            count += 1
            return count
        }
    }

    @Test func aKeptReadIsServedUntilSomethingIsCommitted() async throws {
        let path = Self.file("cache")
        try await TestWorld.run(sqliteFile: path) { world in
            guard !usesPostgres else { return }
            let cache = ChangeStampedCache<Int>(stamp: SQLiteChangeStamp(databasePath: path))
            let reads = Reads()
            #expect(try await cache.value(for: "a") { await reads.add() } == 1)
            #expect(try await cache.value(for: "a") { await reads.add() } == 1)
            #expect(try await cache.value(for: "b") { await reads.add() } == 2)
            #expect(try await cache.value(for: "none") { nil } == nil)
            #expect(cache.count == 2)
            try await world.app.write { db in _ = try await Sequences.take("cache-test", on: db) }
            #expect(try await cache.value(for: "a") { await reads.add() } == 3)
            #expect(try await cache.value(for: "a") { await reads.add() } == 3)
            // Without a stamp (no such file) nothing is kept.
            let unstamped = ChangeStampedCache<Int>(stamp: SQLiteChangeStamp(databasePath: path + "-absent"))
            #expect(try await unstamped.value(for: "a") { await reads.add() } == 4)
            #expect(try await unstamped.value(for: "a") { await reads.add() } == 5)
            #expect(unstamped.count == 0)
        }
    }

    @Test func aKeptSessionIsServedUntilSomethingIsCommitted() async throws {
        let path = Self.file("kept")
        try await TestWorld.run(sqliteFile: path) { world in
            guard !usesPostgres else { return }
            let kept = try #require(world.app.sessionRows)
            let token = try await world.token("officerA")
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .ok)
            let held = kept.count
            #expect(held >= 1)
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .ok)
            #expect(kept.count == held)
            // A token nobody holds is not kept.
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer("no-such-token")).status == .unauthorized)
            #expect(kept.count == held)
        }
    }

    @Test func aRevokedTokenIsRefusedAtOnce() async throws {
        let path = Self.file("revoked")
        try await TestWorld.run(sqliteFile: path) { world in
            let token = try await world.token("officerA")
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .ok)
            #expect(try await world.http.sendRequest(.DELETE, "api/v1/auth/token", headers: Self.bearer(token)).status == .noContent)
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .unauthorized)
        }
    }

    @Test func anAccountDisabledByAnotherInstanceIsRefusedAtOnce() async throws {
        let path = Self.file("disabled")
        try await TestWorld.run(sqliteFile: path) { world in
            let token = try await world.token("officerA")
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .ok)
            try await Self.onAnotherInstance(path) { other in
                let user = try #require(try await User.query(on: other.db).filter(\.$username == "officera").first())
                user.active = false
                try await other.write { db in try await user.update(on: db) }
            }
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .unauthorized)
        }
    }

    @Test func aSessionEndedByAnotherInstanceIsRefusedAtOnce() async throws {
        let path = Self.file("ended")
        try await TestWorld.run(sqliteFile: path) { world in
            let token = try await world.token("officerA")
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .ok)
            try await Self.onAnotherInstance(path) { other in
                try await other.write { db in
                    try await AuthSession.query(on: db).filter(\.$tokenHash == Sessions.hash(token)).delete()
                }
            }
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: Self.bearer(token)).status == .unauthorized)
        }
    }
}
