import Fluent
import Foundation
import Testing
@testable import UnionHallApp
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

/// The statistics document: every module's figures for a subtree and period beside the previous
/// period's, scoped as every list is, aid only for those who handle aid.
@Suite struct StatisticsTests {
    static func honor(_ world: TestWorld, member: UUID, year: Int, title: HonorTitle = .modelWorker) async throws {
        let body = HonorInput(memberId: member, title: title, level: .city, year: year, awardingBody: "庆阳市人民政府")
        let response = try await world.api(.POST, "api/v1/honors", as: "city", body: body)
        #expect(response.status == .created, "\(response.body.string)")
    }

    static func document(_ world: TestWorld, _ query: String, as user: String) async throws -> StatisticsDocument {
        let response = try await world.api(.GET, "api/v1/statistics?\(query)", as: user)
        #expect(response.status == .ok, "\(response.body.string)")
        return try JSONDecoder().decode(StatisticsDocument.self, from: Data(response.body.readableBytesView))
    }

    static func figure(_ value: FigureValue?, _ key: String) -> Int64? {
        guard case .object(let fields)? = value, case .integer(let number)? = fields[key] else { return nil }
        return number
    }

    @Test func figuresForThePeriodBesideThePreviousOne() async throws {
        try await TestWorld.run { world in
            try await Self.honor(world, member: world.memberA, year: 2024)
            try await Self.honor(world, member: world.memberA, year: 2024, title: .cityCraftsman)
            try await Self.honor(world, member: world.memberB, year: 2024)
            try await Self.honor(world, member: world.memberA, year: 2023)

            let year = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            #expect(year.previousFrom == "2023-01-01" && year.previousTo == "2023-12-31")
            #expect(Self.figure(year.modules["honors"]?.current, "conferred") == 3)
            #expect(Self.figure(year.modules["honors"]?.previous, "conferred") == 1)
            // Members on the register at the period's end: none yet at the end of 2024, all of them this year.
            let members = try await Member.query(on: world.app.db).filter(\.$deletedAt == nil).count()
            #expect(Self.figure(year.modules["members"]?.current, "members") == 0)
            let now = try await Self.document(world, "", as: "city")
            #expect(Self.figure(now.modules["members"]?.current, "members") == Int64(members))
            #expect(Self.figure(now.modules["members"]?.current, "registered") == Int64(members))
            // Every module but aid's for an officer who does not handle aid.
            let expected: Set = [
                "members", "honors", "studios", "outreach", "techProblems", "mentorship", "training", "certifications", "competitions",
                "innovation", "disputes", "services", "safety",
            ]
            #expect(Set(year.modules.keys) == expected)

            // A subtree counts its own: memberA is in 西峰区, memberB in 环县.
            let county = try await Self.document(world, "from=2024-01-01&to=2024-12-31&unitId=\(world.countyA)", as: "city")
            #expect(Self.figure(county.modules["honors"]?.current, "conferred") == 2)

            // A period of days is compared with the days just before it.
            let days = try await Self.document(world, "from=2024-03-01&to=2024-03-10", as: "city")
            #expect(days.previousFrom == "2024-02-20" && days.previousTo == "2024-02-29")
        }
    }

    @Test func scopeAndNeedToKnow() async throws {
        try await TestWorld.run { world in
            // Another county's subtree is not found; a worker may not ask.
            #expect(try await world.api(.GET, "api/v1/statistics?unitId=\(world.countyB)", as: "officerA").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/statistics", as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/statistics", as: nil).status == .unauthorized)
            #expect(try await world.api(.GET, "api/v1/statistics?from=2024-02-01&to=2024-01-01", as: "city").status == .unprocessableEntity)
            #expect(try await world.api(.GET, "api/v1/statistics?from=0001-01-01&to=0001-06-30", as: "city").status == .unprocessableEntity)
            // Aid figures for the admin (and aid officers), not for other officers.
            let admin = try await Self.document(world, "", as: "admin")
            #expect(admin.modules["aid"] != nil)
            let city = try await Self.document(world, "", as: "city")
            #expect(city.modules["aid"] == nil)
            // This year by default.
            let today = CivilDate(world.app.current.now())
            #expect(city.from == "\(today.year)-01-01" && city.to == "\(today.year)-12-31")
        }
    }

    @Test func exportsAsATableAndIsAudited() async throws {
        try await TestWorld.run { world in
            try await Self.honor(world, member: world.memberA, year: 2024)
            let response = try await world.api(.GET, "api/v1/statistics/export?format=csv&from=2024-01-01&to=2024-12-31", as: "city")
            #expect(response.status == .ok)
            let text = response.body.string
            #expect(text.contains("模块") && text.contains("本期（2024-01-01 至 2024-12-31）"))
            #expect(text.contains("劳模与荣誉,conferred,1,0"))
            #expect(!text.contains("困难帮扶"))
            let entries = try await AuditEntry.query(on: world.app.db).all().filter { $0.entity == "statistics" }
            #expect(entries.count == 1 && entries.first?.action == .export)
            #expect(try await world.api(.GET, "api/v1/statistics/export", as: "city").status == .unprocessableEntity)
        }
    }
}
