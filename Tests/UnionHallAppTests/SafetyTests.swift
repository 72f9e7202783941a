import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct SafetyTests {
    @Test func participantsRatesAgainstTheRestYearOnYear() async throws {
        try await TestWorld.run { world in
            let made = try await world.api(
                .POST, "api/v1/safety-campaigns", as: "city", body: CampaignInput(year: 2024, name: "安康杯", rewardCapFen: 500_000))
            #expect(made.status == .created)
            let campaign = try made.decode(CampaignOutput.self)
            #expect(
                try await world.api(
                    .POST, "api/v1/safety-campaigns", as: "city", body: CampaignInput(year: 2024, name: "x", rewardCapFen: -1)
                ).errorField == "rewardCapFen")
            let path = "api/v1/safety-campaigns/\(campaign.id)"
            #expect(
                try await world.api(
                    .POST, "\(path)/participants", as: "city", body: ParticipantInput(employerId: world.employerA, headcount: 0)
                ).errorField == "headcount")
            #expect(
                try await world.api(
                    .POST, "\(path)/participants", as: "city", body: ParticipantInput(employerId: world.employerA, headcount: 2_000)
                ).status == .created)
            func record(_ employer: UUID, _ year: Int, _ headcount: Int, _ injured: Int, as user: String = "city") async throws
                -> LiveResponse
            {
                try await world.api(
                    .POST, "api/v1/accident-records", as: user,
                    body: AccidentInput(
                        employerId: employer, year: year, headcount: headcount, injured: injured, deaths: 0, lostDays: injured * 10))
            }
            #expect(try await record(world.employerA, 2023, 2_000, 25).status == .created)
            #expect(try await record(world.employerA, 2024, 2_000, 18).status == .created)
            #expect(try await record(world.employerB, 2023, 500, 2).status == .created)
            #expect(try await record(world.employerB, 2024, 500, 3).status == .created)
            let twice = try await record(world.employerA, 2024, 2_000, 1)
            #expect(twice.status == .conflict)
            #expect(twice.errorField == "year")
            #expect(
                try await world.api(
                    .POST, "api/v1/accident-records", as: "city",
                    body: AccidentInput(employerId: world.employerA, year: 2022, headcount: 10, injured: -1, deaths: 0, lostDays: 0)
                ).errorField == "injured")
            #expect(try await record(world.employerB, 2022, 500, 1, as: "officerA").errorField == "employerId")
            let rates = try await world.api(.GET, "\(path)/rates", as: "city").decode(CampaignRates.self)
            #expect(rates.participants.previousRate == 12_500)
            #expect(rates.participants.rate == 9_000)
            #expect(rates.participants.change == -280)
            #expect(rates.others.change == 500)
            #expect(try await world.api(.GET, path, as: "officerA").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/accident-records", as: "worker").status == .forbidden)
            var officer = try await Browser.signedIn(world, as: "city")
            let page = try await officer.get("/safety-campaigns/\(campaign.id)")
            #expect(page.body.string.contains("-28.0%"))
            #expect(try await officer.get("/accident-records").status == .ok)
            #expect(try await officer.get("/safety-campaigns/new").status == .ok)
        }
    }
}
