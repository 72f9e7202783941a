import Fluent
import Foundation
import Testing
import Vapor

@testable import UnionHallApp

@Suite struct ClusterJobsTests {
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
}
