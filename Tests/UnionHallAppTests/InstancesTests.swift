import Fluent
import Foundation
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// Two instances on one database: jobs run once between them, and a change one makes to the union
/// tree is the tree the other serves on its next request.
@Suite struct InstancesTests {
    actor Runs {
        var count = 0
        func add() { count += 1 }
    }

    @Test func aPeriodicJobRunsOnceAPeriodWhoeverAsks() async throws {
        try await TestWorld.run { world in
            let runs = Runs()
            let job: @Sendable (any Database) async throws -> Void = { _ in await runs.add() }
            let first = try await ClusterJobs.run("sweep-test", every: 60, on: world.app, job)
            let again = try await ClusterJobs.run("sweep-test", every: 60, on: world.app, job)
            #expect(first && !again)
            #expect(await runs.count == 1)
            world.app.current.now = { Date().addingTimeInterval(61) }
            let later = try await ClusterJobs.run("sweep-test", every: 60, on: world.app, job)
            #expect(later)
            #expect(await runs.count == 2)
        }
    }

    @Test func aJobHeldElsewhereIsLeftToItsHolder() async throws {
        guard usesPostgres else { return }
        try await TestWorld.run { world in
            let runs = Runs()
            // The first run holds the lock while a second, as another instance would, tries the same job.
            let inner = try await ClusterJobs.run("held-test", on: world.app) { _ in
                await runs.add()
                let ranInside = try await ClusterJobs.run("held-test", on: world.app) { _ in await runs.add() }
                #expect(!ranInside)
            }
            #expect(inner)
            #expect(await runs.count == 1)
        }
    }

    @Test func aTreeChangedByAnotherInstanceIsServedAtOnce() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-\(UUID().uuidString)-tree.sqlite").path
        try await TestWorld.run(sqliteFile: file) { world in
            func countyAUnits() async throws -> Set<UUID> {
                let page = try await world.api(.GET, "api/v1/units?per=200", as: "officerA").decode(ListPage<UnitOutput>.self)
                return Set(page.items.map(\.id))
            }
            let before = try await countyAUnits()
            #expect(!before.contains(world.countyB))
            // Another instance moves county B under county A, through its own connections.
            let other = try await Application.make(.testing)
            do {
                try await configure(other, database: usesPostgres ? .fromEnvironment() : .sqlite(path: file))
                let countyB = try #require(try await UnionUnit.find(world.countyB, on: other.db))
                countyB.parentID = world.countyA
                countyB.version += 1
                try await other.write { db in try await countyB.update(on: db) }
            } catch {
                try? await other.asyncShutdown()
                throw error
            }
            try await other.asyncShutdown()
            let after = try await countyAUnits()
            #expect(after == before.union([world.countyB]))
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberB)", as: "officerA").status == .ok)
        }
    }
}
