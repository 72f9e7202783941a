import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct OutreachTests {
    func plan(_ world: TestWorld, kind: OutreachKind = .schools, date: String = "2024-04-01", leaders: [UUID]? = nil) -> OutreachInput {
        OutreachInput(
            unitId: world.countyA, title: "劳模进校园宣讲", kind: kind, plannedDate: date, place: "庆阳第一中学", audience: "学生",
            leaderIds: leaders ?? [world.memberA])
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, _ input: OutreachStepInput, as user: String = "officerA") async throws
        -> LiveResponse
    {
        try await world.api(.POST, "api/v1/outreach-activities/\(id)/\(step)", as: user, body: input)
    }

    @Test func planThenHold() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: plan(world))
            #expect(created.status == .created)
            let activity = try created.decode(OutreachOutput.self)
            #expect(activity.status == .planned)
            #expect(activity.leaderNames == ["梁东平"])
            let noCount = try await step(world, activity.id, "hold", OutreachStepInput(version: 1, date: "2024-04-01"))
            #expect(noCount.errorField == "personTimes")
            let held = try await step(world, activity.id, "hold", OutreachStepInput(version: 1, date: "2024-04-02", personTimes: 320))
                .decode(OutreachOutput.self)
            #expect(held.status == .held)
            #expect(held.heldDate == "2024-04-02")
            #expect(held.personTimes == 320)
            let again = try await step(world, activity.id, "cancel", OutreachStepInput(version: 2, reason: "x"))
            #expect(again.status == .conflict)
            let edit = try await world.api(
                .PATCH, "api/v1/outreach-activities/\(activity.id)", as: "officerA", body: OutreachInput(title: "改", version: 2))
            #expect(edit.status == .conflict)
        }
    }

    @Test func cancelNeedsAReasonAndLeadersAreNeededToHold() async throws {
        try await TestWorld.run { world in
            let activity = try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: plan(world, leaders: [])).decode(
                OutreachOutput.self)
            let leaderless = try await step(world, activity.id, "hold", OutreachStepInput(version: 1, personTimes: 10))
            #expect(leaderless.errorField == "leaderIds")
            #expect(try await step(world, activity.id, "cancel", OutreachStepInput(version: 1)).errorField == "reason")
            let cancelled = try await step(world, activity.id, "cancel", OutreachStepInput(version: 1, reason: "雨天改期")).decode(
                OutreachOutput.self)
            #expect(cancelled.status == .cancelled)
        }
    }

    @Test func validationAndScope() async throws {
        try await TestWorld.run { world in
            var bad = plan(world)
            bad.plannedDate = "2024-02-30"
            #expect(try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: bad).errorField == "plannedDate")
            #expect(
                try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: plan(world, leaders: [world.memberB]))
                    .errorField == "leaderIds")
            var elsewhere = plan(world)
            elsewhere.unitId = world.countyB
            #expect(try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: elsewhere).errorField == "unitId")
            let activity = try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: plan(world)).decode(
                OutreachOutput.self)
            #expect(try await world.api(.GET, "api/v1/outreach-activities/\(activity.id)", as: "officerB").status == .notFound)
            #expect(
                try await step(world, activity.id, "hold", OutreachStepInput(version: 1, personTimes: 5), as: "officerB").status
                    == .notFound)
        }
    }

    @Test func figuresByKindForAPeriod() async throws {
        try await TestWorld.run { world in
            for (kind, date, people) in [
                (OutreachKind.schools, "2024-03-01", 100), (.schools, "2024-05-01", 150), (.fields, "2024-05-02", 60),
                (.endorsement, "2024-05-03", 500), (.schools, "2023-12-01", 90),
            ] {
                let activity = try await world.api(
                    .POST, "api/v1/outreach-activities", as: "officerA", body: plan(world, kind: kind, date: date)
                ).decode(OutreachOutput.self)
                _ = try await step(world, activity.id, "hold", OutreachStepInput(version: 1, date: date, personTimes: people))
            }
            _ = try await world.api(
                .POST, "api/v1/outreach-activities", as: "officerA", body: plan(world, kind: .workshops, date: "2024-06-01"))
            let tree = try await UnitTree.load(on: world.app.db)
            let counts = try await OutreachService.counts(
                scope: UnitScope(unitIDs: tree.subtree(of: world.countyA), tree: tree),
                list: ListQuery(from: "2024-01-01", to: "2024-12-31"), on: world.app.db)
            #expect(counts.heldByKind == ["schools": 2, "fields": 1, "endorsement": 1])
            #expect(counts.personTimes == 810)
            #expect(counts.endorsers == 1)
            #expect(counts.planned == 1)
            let schools = try await world.api(
                .GET, "api/v1/outreach-activities?status=held&kind=schools&from=2024-01-01&to=2024-12-31", as: "officerA"
            ).decode(Page<OutreachOutput>.self)
            #expect(schools.metadata.total == 2)
            var browser = try await Browser.signedIn(world, as: "officerA")
            let page = try await browser.get("/outreach-activities?from=2024-01-01&to=2024-12-31")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("宣讲报告进校园"))
            #expect(!page.body.string.contains("outreachKind."))
        }
    }
}
