import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// 每个班组都有安全检查: a team's inspection planned, held, its findings become hazards, and the 安康杯 figures count them.
@Suite struct InspectionTests {
    @Test func aTeamsInspectionIsPlannedHeldAndItsFindingsBecomeHazards() async throws {
        try await TestWorld.run { world in
            let api = "api/v1/safety-inspections"
            let elsewhere = try await world.api(
                .POST, api, as: "officerA",
                body: InspectionInput(unitId: world.teamA, inspectorId: world.memberB, plannedDate: "2024-05-10"))
            #expect(elsewhere.errorField == "inspectorId")
            let planned = try await world.api(
                .POST, api, as: "officerA",
                body: InspectionInput(unitId: world.teamA, inspectorId: world.memberA, plannedDate: "2024-05-10"))
            #expect(planned.status == .created, "\(planned.body.string)")
            let inspection = try planned.decode(InspectionOutput.self)
            #expect(inspection.status == .planned && inspection.inspectorName == "梁东平" && inspection.findings == 0)
            let early = try await world.api(
                .POST, "\(api)/\(inspection.id)/findings", as: "officerA",
                body: FindingInput(place: "电缆沟", description: "盖板缺失", severity: .minor))
            #expect(early.status == .conflict)
            let future = try await world.api(
                .POST, "\(api)/\(inspection.id)/hold", as: "officerA", body: InspectionStepInput(version: 1, date: "2999-01-01"))
            #expect(future.errorField == "date")
            let held = try await world.api(
                .POST, "\(api)/\(inspection.id)/hold", as: "officerA", body: InspectionStepInput(version: 1, date: "2024-05-10"))
            #expect(try held.decode(InspectionOutput.self).status == .held)
            let again = try await world.api(
                .POST, "\(api)/\(inspection.id)/cancel", as: "officerA", body: InspectionStepInput(version: 2, reason: "x"))
            #expect(again.status == .conflict)
            #expect(
                try await world.api(.PATCH, "\(api)/\(inspection.id)", as: "officerA", body: InspectionInput(note: "改", version: 2))
                    .status == .conflict)
            let noPlace = try await world.api(
                .POST, "\(api)/\(inspection.id)/findings", as: "officerA",
                body: FindingInput(
                    description: "盖板缺失",
                    severity: .minor))
            #expect(noPlace.errorField == "place")
            let found = try await world.api(
                .POST, "\(api)/\(inspection.id)/findings", as: "officerA",
                body: FindingInput(place: "电缆沟", description: "盖板缺失", severity: .minor))
            #expect(found.status == .created)
            let hazard = try found.decode(HazardOutput.self)
            #expect(hazard.inspectionId == inspection.id && hazard.reporterId == world.memberA && hazard.reportedDate == "2024-05-10")
            #expect(try await world.api(.GET, "\(api)/\(inspection.id)", as: "officerA").decode(InspectionOutput.self).findings == 1)
            #expect(try await world.api(.GET, "\(api)/\(inspection.id)", as: "officerB").status == .notFound)
            #expect(
                try await world.api(
                    .POST, "\(api)/\(inspection.id)/findings", as: "officerB",
                    body: FindingInput(place: "x", description: "y", severity: .minor)
                )
                .status == .notFound)
            let cancelled = try await world.api(
                .POST, api, as: "officerA",
                body: InspectionInput(unitId: world.teamA, inspectorId: world.memberA, plannedDate: "2024-06-10")
            ).decode(InspectionOutput.self)
            #expect(
                try await world.api(.POST, "\(api)/\(cancelled.id)/cancel", as: "officerA", body: InspectionStepInput(version: 1))
                    .errorField == "reason")
            _ = try await world.api(
                .POST, "\(api)/\(cancelled.id)/cancel", as: "officerA", body: InspectionStepInput(version: 1, reason: "停电检修"))

            let tree = try await UnitTree.load(on: world.app.db)
            let figures = try await Inspections.statistics(
                FigureQuery(
                    scope: UnitScope(unitIDs: tree.subtree(of: world.countyA), tree: tree), from: CivilDate(year: 2024, month: 1, day: 1)!,
                    to: CivilDate(year: 2024, month: 12, day: 31)!, unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!,
                    db: world.app.db))
            #expect(figures.planned == 2 && figures.held == 1 && figures.cancelled == 1 && figures.findings == 1)
            #expect(figures.teams == 1 && figures.teamsInspected == 1)
            let document = try await world.api(.GET, "api/v1/hazard-reports?inspectionId=\(inspection.id)", as: "officerA")
                .decode(Page<HazardOutput>.self)
            #expect(document.items.map(\.id) == [hazard.id])

            var officer = try await Browser.signedIn(world, as: "officerA")
            let list = try await officer.get("/safety-inspections?from=2024-01-01&to=2024-12-31")
            #expect(list.status == .ok && list.body.string.contains("1 / 1"))
            let page = try await officer.get("/safety-inspections/\(inspection.id)")
            // A refused finding comes back with what was typed.
            let refused = try await officer.post(
                "/safety-inspections/\(inspection.id)/findings",
                form: ["_csrf": Browser.csrf(in: page), "place": "配电室门口", "description": "", "severity": "major"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"value="配电室门口""#))
            #expect(refused.body.string.contains(#"<option value="major" selected"#))
            #expect(page.body.string.contains("盖板缺失"))
            #expect(try await officer.get("/safety-inspections/new").status == .ok)
        }
    }
}
