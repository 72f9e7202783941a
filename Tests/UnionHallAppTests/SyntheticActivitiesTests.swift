import Fluent
import Foundation
import SQLKit
import Testing
@testable import UnionHallApp
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

/// The benchmark's synthetic activity rows are records the app reads like any other, on both databases.
@Suite struct SyntheticActivitiesTests {
    @Test func rowsAreValidRecordsInEveryModule() async throws {
        try await TestWorld.run { world in
            let sql = try #require(world.app.db as? any SQLDatabase)
            let rows = try await SyntheticActivities.insert(1_000, on: sql)
            #expect(rows.values.reduce(0, +) == 1_000)
            #expect(try await Certification.query(on: world.app.db).count() == 380)
            #expect(try await HazardReport.query(on: world.app.db).count() == 120)
            #expect(try await DisputeCase.query(on: world.app.db).count() == 60)
            // Every list decodes them, and the statistics count them.
            let paths = [
                "certifications", "service-events", "hazard-reports", "dispute-cases", "innovation-items", "outreach-activities", "honors",
            ]
            for path in paths {
                let list = try await world.api(.GET, "api/v1/\(path)?per=100", as: "admin")
                #expect(list.status == .ok, "\(path): \(list.body.string)")
            }
            let document = try await StatisticsTests.document(world, "from=2019-01-01&to=2025-12-31", as: "admin")
            #expect(StatisticsTests.figure(document.modules["disputes"]?.current, "cases") == 60)
            #expect(StatisticsTests.figure(document.modules["honors"]?.current, "conferred") == 60)
        }
    }
}
