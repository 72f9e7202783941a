import Fluent
import Foundation
import NIOCore
import SQLKit
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// On PostgreSQL a request's counts are kept under the snapshot its session was read in: found
/// again only while no commit has happened anywhere, never after the request's own write, and
/// not past the snapshot's lifetime.
@Suite struct ReadSnapshotTests {
    @Test func aSnapshotServesUntilItsRequestWritesOrItAges() {
        let taken = NIODeadline.now()
        let snapshot = ReadSnapshot("10:12:11", taken: taken)
        #expect(snapshot.value(now: taken) == Array("10:12:11".utf8))
        #expect(snapshot.value(now: taken + ReadSnapshot.lifetime - .milliseconds(1)) != nil)
        #expect(snapshot.value(now: taken + ReadSnapshot.lifetime) == nil)
        snapshot.retire()
        #expect(snapshot.value(now: taken) == nil)
        #expect(ReadSnapshotStamp().current() == nil)
    }

    static func snapshot(on db: any Database) async throws -> String {
        try await (db as! any SQLDatabase).raw("SELECT txid_current_snapshot()::text AS s").first()!.decode(column: "s", as: String.self)
    }

    static func parts(_ part: String, on db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM member_name_parts WHERE part = \(bind: part)").first()!
            .decode(column: "n", as: Int.self)
    }

    @Test func aCountIsKeptUntilACommitAnywhere() async throws {
        try await TestWorld.run { world in
            guard usesPostgres else { return }
            let kept = try #require(world.app.keptCounts)
            let searched = "api/v1/members?q=" + "张远".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            func total() async throws -> Int {
                try await world.api(.GET, searched, as: "officerA").decode(ListPage<MemberOutput>.self).metadata.total
            }
            let before = try await total()
            let keptAfterFirst = kept.count
            #expect(keptAfterFirst >= 1)
            #expect(try await total() == before)
            // Its session read is no commit: the second request found what the first kept.
            #expect(kept.count == keptAfterFirst)
            // A commit on another connection, as another instance's would be: one more member of
            // the scope has the searched name part.
            let someone = try #require(
                try await world.api(.GET, "api/v1/members", as: "officerA").decode(ListPage<MemberOutput>.self).items.first)
            try await (world.app.db as! any SQLDatabase).raw(
                "INSERT INTO member_name_parts (member_id, part) VALUES (\(bind: someone.id), \(bind: "张远"))"
            ).run()
            #expect(try await total() == before + 1)
        }
    }

    @Test func aRequestReadsItsOwnWrites() async throws {
        try await TestWorld.run { world in
            guard usesPostgres else { return }
            let cache = ChangeStampedCache<Int>(stamp: ReadSnapshotStamp())
            let query: SQLQueryString = "SELECT COUNT(*) AS n FROM member_name_parts WHERE part = \(bind: "张远")"
            let member = try #require(
                try await (world.app.db as! any SQLDatabase).raw(
                    """
                    SELECT id FROM members WHERE id NOT IN \
                    (SELECT member_id FROM member_name_parts WHERE part = \(bind: "张远")) LIMIT 1
                    """
                ).first()
            ).decode(column: "id", as: UUID.self)
            @Sendable func count() async throws -> Int {
                try await KeptCounts.$cache.withValue(cache) {
                    try await KeptCounts.count(query, on: world.app.db) { try await Self.parts("张远", on: world.app.db) }
                }
            }
            let snapshot = ReadSnapshot(try await Self.snapshot(on: world.app.db))
            try await ReadSnapshot.$current.withValue(snapshot) {
                let before = try await count()
                #expect(cache.count == 1)
                try await world.app.write { db in
                    try await (db as! any SQLDatabase).raw(
                        "INSERT INTO member_name_parts (member_id, part) VALUES (\(bind: member), \(bind: "张远"))"
                    ).run()
                }
                #expect(try await count() == before + 1)
            }
            // A later request's snapshot is another: what was kept before the write is not found.
            try await ReadSnapshot.$current.withValue(ReadSnapshot(try await Self.snapshot(on: world.app.db))) {
                let parts = try await Self.parts("张远", on: world.app.db)
                #expect(try await count() == parts)
            }
        }
    }

    @Test func aSessionTouchedOnItsRequestRetiresItsSnapshot() async throws {
        try await TestWorld.run { world in
            guard usesPostgres else { return }
            let app = world.app
            let (token, session) = try await app.write { db in
                try await Sessions.start(userID: nil, kind: .api, on: db, environment: app.current)
            }
            let fresh = Request(application: app, on: app.eventLoopGroup.next())
            #expect(try await Sessions.find(token: token, kind: .api, on: fresh) != nil)
            #expect(fresh.readSnapshot?.value() != nil)
            // Seen more than a minute ago: this request writes the session again.
            session.lastSeenAt = session.lastSeenAt.addingTimeInterval(-(Sessions.touchInterval + 60))
            try await app.write { db in try await session.update(on: db) }
            let touched = Request(application: app, on: app.eventLoopGroup.next())
            #expect(try await Sessions.find(token: token, kind: .api, on: touched) != nil)
            #expect(touched.readSnapshot != nil)
            #expect(touched.readSnapshot?.value() == nil)
        }
    }
}
