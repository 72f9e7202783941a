import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// 助企行 and 助农行: campaigns that group outreach activities and technical problems, with figures of their own.
@Suite struct CampaignsTests {
    func campaign(_ world: TestWorld, as user: String = "city", unit: UUID? = nil, name: String = "劳模工匠“助企行”")
        async throws -> LiveResponse
    {
        try await world.api(
            .POST, "api/v1/outreach-campaigns", as: user,
            body: OutreachCampaignInput(
                unitId: unit, name: name, kind: .supportEnterprises, startDate: "2024-01-01", description: "深入车间"))
    }

    @Test func aCampaignGroupsActivitiesAndProblemsAndCountsThem() async throws {
        try await TestWorld.run { world in
            #expect(try await campaign(world, name: " ").errorField == "name")
            let backwards = try await world.api(
                .POST, "api/v1/outreach-campaigns", as: "city",
                body: OutreachCampaignInput(name: "助农行", kind: .supportFarmers, startDate: "2024-05-01", endDate: "2024-04-01"))
            #expect(backwards.errorField == "endDate")
            let made = try await campaign(world)
            #expect(made.status == .created, "\(made.body.string)")
            let drive = try made.decode(OutreachCampaignOutput.self)
            #expect(drive.figures.activitiesHeld == 0 && drive.endDate == nil)
            // A county's own campaign is not another county's to join.
            let countyOwn = try await campaign(world, as: "officerA", unit: world.countyA, name: "县助企行")
                .decode(OutreachCampaignOutput.self)

            // A county's activity joins the city's campaign.
            var plan = OutreachInput(
                unitId: world.countyA, title: "技术交流进车间", kind: .workshops, plannedDate: "2024-04-01", place: "检修车间",
                audience: "维修人员", leaderIds: [world.memberA])
            plan.outreachCampaignId = .set(drive.id)
            let activity = try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: plan).decode(OutreachOutput.self)
            #expect(activity.outreachCampaignId == drive.id)
            _ = try await world.api(
                .POST, "api/v1/outreach-activities/\(activity.id)/hold", as: "officerA",
                body: OutreachStepInput(version: 1, date: "2024-04-02", personTimes: 28))
            var foreign = plan
            foreign.unitId = world.countyB
            foreign.leaderIds = []
            foreign.outreachCampaignId = .set(countyOwn.id)
            let refused = try await world.api(.POST, "api/v1/outreach-activities", as: "officerB", body: foreign)
            #expect(refused.errorField == "outreachCampaignId")

            var raised = TechProblemInput(
                organizationId: world.employerA, title: "电缆头发热", description: "夏季负荷高时电缆头发热",
                raisedDate: "2024-03-01")
            raised.outreachCampaignId = .set(drive.id)
            let problem = try await world.api(.POST, "api/v1/tech-problems", as: "officerA", body: raised).decode(TechProblemOutput.self)
            _ = try await world.api(
                .POST, "api/v1/tech-problems/\(problem.id)/match", as: "officerA",
                body: TechProblemStepInput(version: 1, memberId: world.memberA))
            let solved = try await world.api(
                .POST, "api/v1/tech-problems/\(problem.id)/solve", as: "officerA",
                body: TechProblemStepInput(version: 2, solution: "改进压接工艺", benefitFen: 12_000_000, date: "2024-05-01"))
            #expect(solved.status == .ok, "\(solved.body.string)")

            let figures = try await world.api(.GET, "api/v1/outreach-campaigns/\(drive.id)", as: "city").decode(OutreachCampaignOutput.self)
                .figures
            #expect(figures.activitiesHeld == 1 && figures.personTimes == 28)
            #expect(figures.problemsRaised == 1 && figures.problemsSolved == 1 && figures.benefitFen == 12_000_000)
            let listed = try await world.api(.GET, "api/v1/outreach-activities?outreachCampaignId=\(drive.id)", as: "officerA")
                .decode(Page<OutreachOutput>.self)
            #expect(listed.items.map(\.id) == [activity.id])
            // A county officer does not see the city's campaign in the list, but may read the activities of their own.
            #expect(try await world.api(.GET, "api/v1/outreach-campaigns/\(drive.id)", as: "officerB").status == .notFound)

            let tree = try await UnitTree.load(on: world.app.db)
            let year = FigureQuery(
                scope: UnitScope(unitIDs: nil, tree: tree), from: CivilDate(year: 2024, month: 1, day: 1)!,
                to: CivilDate(year: 2024, month: 12, day: 31)!, unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!,
                db: world.app.db)
            let statistics = try await Campaigns.statistics(year)
            let enterprises = try #require(statistics.byKind.first { $0.key == "supportEnterprises" })
            #expect(statistics.campaigns == 2 && enterprises.campaigns == 2)
            #expect(enterprises.activitiesHeld == 1 && enterprises.personTimes == 28 && enterprises.problemsSolved == 1)
            let before = try await Campaigns.statistics(
                FigureQuery(
                    scope: UnitScope(unitIDs: nil, tree: tree), from: CivilDate(year: 2023, month: 1, day: 1)!,
                    to: CivilDate(year: 2023, month: 12, day: 31)!, unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!,
                    db: world.app.db))
            #expect(before.campaigns == 0)

            var city = try await Browser.signedIn(world, as: "city")
            let page = try await city.get("/outreach-campaigns/\(drive.id)")
            #expect(page.status == .ok && page.body.string.contains("技术交流进车间"))
            #expect(page.body.string.contains("电缆头发热"))
            #expect(try await city.get("/outreach-campaigns").body.string.contains("劳模工匠“助企行”"))
            let form = try await city.get("/outreach-activities/new?outreachCampaignId=\(drive.id)").body.string
            #expect(form.contains(#"<option value="\#(drive.id.uuidString)" selected"#))
            #expect(try await city.get("/outreach-campaigns/new").status == .ok)
        }
    }
}
