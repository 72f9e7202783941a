import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// 劳模工匠创新联盟 (members, founding date, activities) and 创新成果展 (items shown, visitors).
@Suite struct AllianceTests {
    @Test func theAllianceCountsWhatItsMembersLeadSinceItWasFounded() async throws {
        try await TestWorld.run { world in
            let api = "api/v1/innovation-alliances"
            let future = try await world.api(
                .POST, api, as: "city", body: AllianceInput(name: "劳模工匠创新联盟", foundedDate: "2999-01-01"))
            #expect(future.errorField == "foundedDate")
            let alliance = try await world.api(
                .POST, api, as: "city", body: AllianceInput(name: "劳模工匠创新联盟", foundedDate: "2024-03-01")
            ).decode(AllianceOutput.self)
            #expect(
                try await world.api(.POST, "\(api)/\(alliance.id)/members", as: "city", body: AllianceMemberInput()).errorField
                    == "memberId")
            let joined = try await world.api(
                .POST, "\(api)/\(alliance.id)/members", as: "city", body: AllianceMemberInput(memberId: world.memberA))
            #expect(joined.status == .created)
            let twice = try await world.api(
                .POST, "\(api)/\(alliance.id)/members", as: "city", body: AllianceMemberInput(memberId: world.memberA))
            #expect(twice.status == .conflict)
            // A county officer does not reach the city's alliance.
            #expect(
                try await world.api(
                    .POST, "\(api)/\(alliance.id)/members", as: "officerA", body: AllianceMemberInput(memberId: world.memberA)
                )
                .status == .notFound)

            for (date, times) in [("2024-02-01", 50), ("2024-04-02", 120)] {
                let activity = try await world.api(
                    .POST, "api/v1/outreach-activities", as: "officerA",
                    body: OutreachInput(
                        unitId: world.countyA, title: "技术交流进车间", kind: .workshops, plannedDate: date, place: "车间",
                        audience: "职工",
                        leaderIds: [world.memberA])
                ).decode(OutreachOutput.self)
                _ = try await world.api(
                    .POST, "api/v1/outreach-activities/\(activity.id)/hold", as: "officerA",
                    body: OutreachStepInput(version: 1, date: date, personTimes: times))
            }
            let figures = try await world.api(.GET, "\(api)/\(alliance.id)", as: "city").decode(AllianceOutput.self).figures
            #expect(figures.members == 1 && figures.activitiesHeld == 1 && figures.personTimes == 120)
            #expect(try await world.api(.DELETE, "\(api)/\(alliance.id)/members/\(world.memberA)", as: "city").status == .noContent)
            #expect(try await world.api(.DELETE, "\(api)/\(alliance.id)/members/\(world.memberA)", as: "city").status == .notFound)

            var city = try await Browser.signedIn(world, as: "city")
            #expect(try await city.get("/innovation-alliances").body.string.contains("劳模工匠创新联盟"))
            #expect(try await city.get("/innovation-alliances/\(alliance.id)").status == .ok)
            #expect(try await city.get("/innovation-alliances/new").status == .ok)
        }
    }

    @Test func anExhibitionShowsItemsAndCountsVisitors() async throws {
        try await TestWorld.run { world in
            let api = "api/v1/innovation-exhibitions"
            func exhibition(_ body: ExhibitionInput) async throws -> LiveResponse {
                try await world.api(.POST, api, as: "officerA", body: body)
            }
            #expect(
                try await exhibition(
                    ExhibitionInput(
                        title: "成果展", openedDate: "2024-11-15", place: "文化宫",
                        visitors: -1)
                ).errorField
                    == "visitors")
            #expect(
                try await exhibition(
                    ExhibitionInput(
                        title: "成果展", openedDate: "2024-11-15", closedDate: "2024-11-01",
                        place: "文化宫")
                )
                .errorField == "closedDate")
            let show = try await exhibition(
                ExhibitionInput(title: "职工技术创新成果展", openedDate: "2024-11-15", place: "文化宫", visitors: 3_600)
            )
            .decode(ExhibitionOutput.self)
            let item = try await world.api(.POST, "api/v1/innovation-items/submit", as: "worker", body: InnovationTests.proposal())
                .decode(InnovationItemOutput.self)
            #expect(
                try await world.api(.POST, "\(api)/\(show.id)/items", as: "officerA", body: ExhibitionItemInput(itemId: item.id)).status
                    == .created)
            #expect(
                try await world.api(.POST, "\(api)/\(show.id)/items", as: "officerA", body: ExhibitionItemInput(itemId: item.id)).status
                    == .conflict)
            #expect(
                try await world.api(.POST, "\(api)/\(show.id)/items", as: "officerA", body: ExhibitionItemInput(itemId: UUID())).errorField
                    == "itemId")
            #expect(try await world.api(.GET, "\(api)/\(show.id)", as: "officerA").decode(ExhibitionOutput.self).items == 1)
            #expect(try await world.api(.GET, "\(api)/\(show.id)", as: "officerB").status == .notFound)

            let tree = try await UnitTree.load(on: world.app.db)
            let figures = try await Alliances.statistics(
                FigureQuery(
                    scope: UnitScope(unitIDs: tree.subtree(of: world.countyA), tree: tree), from: CivilDate(year: 2024, month: 1, day: 1)!,
                    to: CivilDate(year: 2024, month: 12, day: 31)!, unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!,
                    db: world.app.db))
            #expect(figures.exhibitions == 1 && figures.itemsShown == 1 && figures.visitors == 3_600)

            var officer = try await Browser.signedIn(world, as: "officerA")
            let page = try await officer.get("/innovation-exhibitions/\(show.id)")
            #expect(page.status == .ok && page.body.string.contains("皮带机托辊快换工装"))
            #expect(try await officer.get("/innovation-exhibitions/new").status == .ok)
        }
    }
}
