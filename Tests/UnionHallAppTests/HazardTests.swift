import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct HazardTests {
    func step(_ world: TestWorld, _ id: UUID, _ step: String, _ input: HazardStepInput) async throws -> LiveResponse {
        try await world.api(.POST, "api/v1/hazard-reports/\(id)/\(step)", as: "officerA", body: input)
    }

    /// A hazard ordered rectified by a date that has passed waits on the officer's dashboard and lists under `overdue`.
    @Test func rectificationPastItsDateWaits() async throws {
        try await TestWorld.run { world in
            let clock = TestClock()
            clock.set(CivilDate(year: 2024, month: 5, day: 10)!)
            world.app.current.now = { clock.now }
            let reported = try await world.api(
                .POST, "api/v1/hazard-reports/report", as: "worker",
                body: HazardInput(place: "110kV变电站电缆沟", description: "电缆沟盖板破损", severity: .major))
            var hazard = try reported.decode(HazardOutput.self)
            hazard = try await step(world, hazard.id, "verify", HazardStepInput(version: 1)).decode(HazardOutput.self)
            hazard = try await step(world, hazard.id, "order", HazardStepInput(version: 2, rectifyBy: "2024-05-20")).decode(
                HazardOutput.self)
            func overdue() async throws -> [UUID] {
                try await world.api(.GET, "api/v1/hazard-reports?overdue=true", as: "officerA").decode(ListPage<HazardOutput>.self).items
                    .map(\.id)
            }
            clock.set(CivilDate(year: 2024, month: 5, day: 20)!)
            #expect(try await overdue().isEmpty)
            clock.set(CivilDate(year: 2024, month: 5, day: 21)!)
            #expect(try await overdue() == [hazard.id])
            var officer = try await Browser.signedIn(world, as: "officerA")
            let html = try await officer.get("/").body.string
            #expect(html.contains("<strong>1</strong> 条隐患已超过整改期限") && html.contains("/hazard-reports?overdue=true"))
            _ = try await step(world, hazard.id, "rectify", HazardStepInput(version: 3, date: "2024-05-21"))
            #expect(try await overdue().isEmpty)
        }
    }

    @Test func fromAWorkersPhotoToARewardUnderTheCap() async throws {
        try await TestWorld.run { world in
            let clock = TestClock()
            clock.set(CivilDate(year: 2024, month: 5, day: 10)!)
            world.app.current.now = { clock.now }
            _ = try await world.api(
                .POST, "api/v1/safety-campaigns", as: "city", body: CampaignInput(year: 2024, name: "安康杯", rewardCapFen: 500_000))
            #expect(
                try await world.api(
                    .POST, "api/v1/hazard-reports/report", as: "worker", body: HazardInput(description: "电缆沟盖板破损", severity: .major)
                ).errorField == "place")
            let reported = try await world.api(
                .POST, "api/v1/hazard-reports/report", as: "worker",
                body: HazardInput(place: "110kV变电站电缆沟", description: "电缆沟盖板破损", severity: .major))
            #expect(reported.status == .created)
            var hazard = try reported.decode(HazardOutput.self)
            #expect(hazard.campaignId != nil)
            let path = "api/v1/hazard-reports/\(hazard.id)"
            let pdf = try await world.upload("\(path)/photo", as: "worker", fileName: "a.pdf", bytes: Upload.pdf)
            #expect(pdf.errorField == "file")
            #expect(try await world.upload("\(path)/photo", as: "worker", fileName: "现场.png", bytes: Upload.png).status == .created)
            #expect(try await world.api(.GET, "\(path)/photo", as: "officerA").status == .ok)
            #expect(try await world.api(.GET, "\(path)/photo", as: "officerB").status == .notFound)
            #expect(
                try await world.upload("\(path)/rectification-photo", as: "worker", fileName: "b.png", bytes: Upload.png).status
                    == .forbidden)

            #expect(try await step(world, hazard.id, "reward", HazardStepInput(version: 1)).status == .conflict)
            hazard = try await step(world, hazard.id, "verify", HazardStepInput(version: 1)).decode(HazardOutput.self)
            #expect(
                try await step(world, hazard.id, "order", HazardStepInput(version: 2, rectifyBy: "2024-05-01")).errorField == "rectifyBy")
            hazard = try await step(world, hazard.id, "order", HazardStepInput(version: 2, rectifyBy: "2024-05-20")).decode(
                HazardOutput.self)
            #expect(try await step(world, hazard.id, "reject", HazardStepInput(version: 3, reason: "x")).status == .conflict)
            hazard = try await step(world, hazard.id, "rectify", HazardStepInput(version: 3, date: "2024-05-18")).decode(HazardOutput.self)
            let above = try await step(world, hazard.id, "reward", HazardStepInput(version: 4, amountFen: 500_100))
            #expect(above.status == .unprocessableEntity)
            #expect(above.errorField == "amountFen")
            hazard = try await step(world, hazard.id, "reward", HazardStepInput(version: 4)).decode(HazardOutput.self)
            #expect(hazard.rewardFen == 500_000)
            // Paid once: a second reward, from the same page or a fresh one, is refused.
            #expect(try await step(world, hazard.id, "reward", HazardStepInput(version: 4)).status == .conflict)
            #expect(try await step(world, hazard.id, "reward", HazardStepInput(version: 5)).status == .conflict)
            let counts = try await world.api(.GET, "api/v1/hazard-reports/statistics", as: "officerA").decode(HazardStatistics.self)
            #expect(counts.rewardsFen == 500_000)
            let mine = try await world.api(.GET, "api/v1/hazard-reports/mine", as: "worker").decode([HazardOutput].self)
            #expect(mine.first?.status == .rewarded)
            // The reporter follows every change.
            let events = try await world.api(.GET, "\(path)/events", as: "worker").decode([HazardEventOutput].self)
            #expect(events.map(\.status) == [.reported, .verified, .rectificationOrdered, .rectified, .rewarded])
            #expect(try await world.api(.GET, "\(path)/events", as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, path, as: "worker").status == .ok)
            #expect(try await world.api(.GET, "api/v1/hazard-reports", as: "worker").status == .forbidden)
        }
    }

    @Test func aRejectionIsShownToTheReporter() async throws {
        try await TestWorld.run { world in
            let hazard = try await world.api(
                .POST, "api/v1/hazard-reports", as: "officerA",
                body: HazardInput(reporterId: world.memberA, place: "配电室", description: "灭火器过期", severity: .minor)
            ).decode(HazardOutput.self)
            #expect(try await step(world, hazard.id, "reject", HazardStepInput(version: 1)).errorField == "reason")
            _ = try await step(world, hazard.id, "reject", HazardStepInput(version: 1, reason: "与上周报告重复"))
            var worker = try await Browser.signedIn(world, as: "worker")
            let page = try await worker.get("/me/hazards")
            #expect(page.body.string.contains("与上周报告重复"))
            // No campaign this year: a rectified report has no schedule to be rewarded by.
            let other = try await world.api(
                .POST, "api/v1/hazard-reports", as: "officerA",
                body: HazardInput(reporterId: world.memberA, place: "配电室", description: "门锁损坏", severity: .minor)
            ).decode(HazardOutput.self)
            for (index, name) in ["verify", "order", "rectify"].enumerated() {
                _ = try await step(world, other.id, name, HazardStepInput(version: index + 1, rectifyBy: "2099-01-01"))
            }
            #expect(try await step(world, other.id, "reward", HazardStepInput(version: 4)).errorField == "campaignId")
            let csrf = Browser.csrf(in: page)
            let once = try #require(Browser.field("_once", in: page.body.string))
            let sent = try await worker.upload(
                "/me/hazards", fields: ["_csrf": csrf, "_once": once, "place": "仓库", "description": "货架倾斜", "severity": "general"],
                fileName: "x.png", bytes: Upload.png)
            #expect(sent.status == .seeOther)
            var officer = try await Browser.signedIn(world, as: "officerA")
            let list = try await officer.get("/hazard-reports")
            #expect(list.body.string.contains("货架倾斜") || list.body.string.contains("仓库"))
            #expect(try await officer.get("/hazard-reports/\(other.id)").status == .ok)
            let export = try await officer.get("/hazard-reports/export?format=csv")
            #expect(export.status == .ok && export.body.string.contains("门锁损坏"))
        }
    }
}
