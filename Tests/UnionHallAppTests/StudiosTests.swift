import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct StudiosTests {
    static let provincialAward = "甘肃省职工技术成果一等奖"

    func studio(_ world: TestWorld, kind: StudioKind = .modelWorkerStudio, year: Int = 2024) -> StudioInput {
        StudioInput(
            name: "梁东平劳模创新工作室", kind: kind, level: .provincial, yearNamed: year, namedBy: "甘肃省总工会",
            leadId: world.memberA)
    }

    @Test func createWithTheLeadInTheTeam() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(.POST, "api/v1/studios", as: "officerA", body: studio(world))
            #expect(response.status == .created)
            let output = try response.decode(StudioOutput.self)
            #expect(output.leadName == "梁东平")
            #expect(output.memberCount == 1)
            #expect(output.organizationId == world.employerA)
            #expect(output.unitId == world.teamA)
            let future = try await world.api(.POST, "api/v1/studios", as: "officerA", body: studio(world, year: CivilDate(Date()).year + 1))
            #expect(future.errorField == "yearNamed")
            var elsewhere = studio(world)
            elsewhere.leadId = world.memberB
            #expect(try await world.api(.POST, "api/v1/studios", as: "officerA", body: elsewhere).errorField == "leadId")
        }
    }

    @Test func teamAndResultsAddUp() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(.POST, "api/v1/studios", as: "city", body: studio(world)).decode(StudioOutput.self)
            let base = "api/v1/studios/\(created.id)"
            #expect(
                try await world.api(.POST, "\(base)/members", as: "city", body: StudioMemberInput(memberId: world.memberB)).status
                    == .created)
            #expect(
                try await world.api(.POST, "\(base)/members", as: "city", body: StudioMemberInput(memberId: world.memberB)).status
                    == .conflict)
            #expect(try await world.api(.DELETE, "\(base)/members/\(world.memberA)", as: "city").status == .conflict)
            for (kind, quantity, amount) in [
                (StudioResultKind.inventionPatent, 3, Int64?.none), (.inventionPatent, 2, nil), (.utilityModelPatent, 15, nil),
                (.benefit, nil, Int64(560_000_000)),
            ] as [(StudioResultKind, Int?, Int64?)] {
                let result = try await world.api(
                    .POST, "\(base)/results", as: "city",
                    body: StudioResultInput(kind: kind, title: "成果", year: 2024, quantity: quantity, amountFen: amount))
                #expect(result.status == .created)
            }
            let award = try await world.api(
                .POST, "\(base)/results", as: "city",
                body: StudioResultInput(kind: .award, title: "甘肃省职工技术成果一等奖", year: 2024, quantity: 1))
            #expect(award.status == .created, "\(award.body.string)")
            // The award is named in the year's report.
            let report = try await AnnualReportTests.report(world, "year=2024", as: "city")
            let highlights = report.sections.first { $0.key == "studios" }?.highlights ?? []
            #expect(
                highlights.contains { $0.contains("工作室获奖") && $0.contains(Self.provincialAward) }, "\(highlights)")
            let bad = try await world.api(
                .POST, "\(base)/results", as: "city", body: StudioResultInput(kind: .funding, title: "经费", year: 2024, quantity: 1))
            #expect(bad.errorField == "amountFen")
            let output = try await world.api(.GET, base, as: "city").decode(StudioOutput.self)
            #expect(output.memberCount == 2)
            #expect(output.figures["inventionPatent"] == 5)
            #expect(output.figures["utilityModelPatent"] == 15)
            #expect(output.figures["benefit"] == 560_000_000)
            let results = try await world.api(.GET, "\(base)/results", as: "city").decode([StudioResultOutput].self)
            #expect(try await world.api(.DELETE, "\(base)/results/\(results[0].id)", as: "city").status == .noContent)
            #expect(try await world.api(.GET, "\(base)/results", as: "city").decode([StudioResultOutput].self).count == 4)
            #expect(try await world.api(.GET, "\(base)/members", as: "officerB").status == .notFound)
            let audited = try await AuditEntry.query(on: world.app.db).filter(\.$entity ~~ ["studioMember", "studioResult"]).count()
            #expect(audited == 8)
        }
    }

    @Test func namingListCountsByKindAndYear() async throws {
        try await TestWorld.run { world in
            _ = try await world.api(.POST, "api/v1/studios", as: "city", body: studio(world, kind: .modelWorkerStudio, year: 2024))
            _ = try await world.api(.POST, "api/v1/studios", as: "city", body: studio(world, kind: .innovativeTeam, year: 2024))
            _ = try await world.api(.POST, "api/v1/studios", as: "city", body: studio(world, kind: .innovativeTeam, year: 2023))
            let list = try await world.api(.GET, "api/v1/studios?yearNamed=2024&kind=innovativeTeam", as: "city").decode(
                Page<StudioOutput>.self)
            #expect(list.metadata.total == 1)
            let tree = try await UnitTree.load(on: world.app.db)
            let counts = try await StudioService.counts(scope: UnitScope(unitIDs: nil, tree: tree), years: 2024...2024, on: world.app.db)
            #expect(counts.byKind == ["modelWorkerStudio": 1, "innovativeTeam": 1])
            #expect(counts.byLevel == ["provincial": 2])
            #expect(try await world.api(.GET, "api/v1/studios", as: "officerB").decode(Page<StudioOutput>.self).metadata.total == 0)
        }
    }

    @Test func managedFromItsPage() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let form = try await browser.get("/studios/new?leadId=\(world.memberA)")
            #expect(form.body.string.contains("梁东平"))
            let created = try await browser.post(
                "/studios",
                form: [
                    "_csrf": Browser.csrf(in: form), "_once": "s1", "name": "电缆创新型班组", "kind": "innovativeTeam",
                    "level": "city",
                    "yearNamed": "2024", "namedBy": "庆阳市总工会", "leadId": world.memberA.uuidString, "organizationId": "",
                    "partnerId": "",
                ])
            #expect(created.status == .seeOther)
            let path = try #require(created.headers.first(name: .location)?.components(separatedBy: "?").first)
            var page = try await browser.get(path)
            let result = try await browser.post(
                "\(path)/results",
                form: [
                    "_csrf": Browser.csrf(in: page), "kind": "benefit", "title": "节约成本", "year": "2024", "quantity": "",
                    "amount": "5,600,000",
                ])
            #expect(result.status == .seeOther)
            let badMember = try await browser.post("\(path)/members", form: ["_csrf": Browser.csrf(in: page), "idNumber": TestWorld.idB])
            #expect(badMember.status == .unprocessableEntity)
            #expect(badMember.body.string.contains("请选择您所管理的在册职工"))
            page = try await browser.get(path)
            #expect(page.body.string.contains("¥5,600,000.00"))
            let index = try await browser.get("/studios?yearNamed=2024")
            #expect(index.body.string.contains("电缆创新型班组"))
            #expect(!index.body.string.contains("studioKind."))
            let member = try await browser.get("/members/\(world.memberA)")
            #expect(member.body.string.contains("电缆创新型班组"))
        }
    }
}
