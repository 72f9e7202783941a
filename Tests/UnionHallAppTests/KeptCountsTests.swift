import Fluent
import Foundation
import SQLKit
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// On a SQLite file a list's total is counted again only after a commit; the counts it keeps are
/// told apart by every value of their statement.
@Suite struct KeptCountsTests {
    static func file(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-\(UUID().uuidString)-\(name).sqlite").path
    }

    func total(_ world: TestWorld, _ path: String, as user: String = "officerA") async throws -> Int {
        try await world.api(.GET, path, as: user).decode(ListPage<MemberOutput>.self).metadata.total
    }

    @Test func aTotalFollowsEveryChangeAtOnce() async throws {
        try await TestWorld.run(sqliteFile: Self.file("totals")) { world in
            #expect(usesPostgres || world.app.keptCounts != nil)
            let tests = MembersAPITests()
            let searched = "api/v1/members?q=" + "张远".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let before = try await total(world, "api/v1/members")
            let otherScope = try await total(world, "api/v1/members", as: "officerB")
            let searchedBefore = try await total(world, searched)
            #expect(try await total(world, searched) == searchedBefore)
            let created = try await world.api(.POST, "api/v1/members", as: "officerA", body: tests.input(world))
            #expect(created.status == .created)
            #expect(try await total(world, "api/v1/members") == before + 1)
            #expect(try await total(world, searched) == searchedBefore + 1)
            // Another scope's count of the same list is its own.
            #expect(try await total(world, "api/v1/members", as: "officerB") == otherScope)
            let member = try created.decode(MemberOutput.self)
            #expect(try await world.api(.DELETE, "api/v1/members/\(member.id)", as: "officerA").status == .noContent)
            #expect(try await total(world, "api/v1/members") == before)
            #expect(try await total(world, searched) == searchedBefore)
        }
    }

    @Test func countsAreKeptByEveryValueAndNeverInATransaction() async throws {
        let path = Self.file("kept")
        try await TestWorld.run(sqliteFile: path) { world in
            guard !usesPostgres else { return }
            let cache = ChangeStampedCache<Int>(stamp: SQLiteChangeStamp(databasePath: path))
            @Sendable func count(_ query: SQLQueryString, on db: any Database) async throws -> Int {
                try await KeptCounts.$cache.withValue(cache) {
                    try await KeptCounts.count(query, on: db) {
                        try await db.sql().raw(query).first()?.decode(column: "n", as: Int.self) ?? -1
                    }
                }
            }
            @Sendable func byName(_ name: any Encodable & Sendable) -> SQLQueryString {
                "SELECT COUNT(*) AS n FROM members WHERE name = \(bind: name)"
            }
            #expect(try await count(byName("张三"), on: world.app.db) == 0)
            #expect(cache.count == 1)
            #expect(try await count(byName("张三"), on: world.app.db) == 0)
            #expect(cache.count == 1)
            #expect(try await count(byName("李四"), on: world.app.db) == 0)
            #expect(cache.count == 2)
            // One text split differently between values is another key.
            func either(_ first: String, _ second: String) -> SQLQueryString {
                "SELECT COUNT(*) AS n FROM members WHERE name = \(bind: first) OR name = \(bind: second)"
            }
            _ = try await count(either("a\u{0}tb", "c"), on: world.app.db)
            _ = try await count(either("a", "b\u{0}tc"), on: world.app.db)
            #expect(cache.count == 4)
            // A blob is not kept.
            _ = try await count(byName(Data([1, 2, 3])), on: world.app.db)
            #expect(cache.count == 4)
            try await world.app.write { db in
                _ = try await count(byName("王五"), on: db)
            }
            #expect(cache.count == 4)
        }
    }
}
