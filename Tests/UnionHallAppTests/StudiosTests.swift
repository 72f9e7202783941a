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

    /// 华能's team is an 创新型班组, a 技能大师工作室 and a 科技创新教学室 at once; 梁东平's studio is run by
    /// 张远东; the 陇东学院 studio works with two partners; and benefits need not be money.
    @Test func aStudioHoldsSeveralDesignationsAHeadPartnersAndMeasuredBenefits() async throws {
        try await TestWorld.run { world in
            var input = studio(world, kind: .innovativeTeam)
            input.level = .city
            let created = try await world.api(.POST, "api/v1/studios", as: "officerA", body: input).decode(StudioOutput.self)
            let base = "api/v1/studios/\(created.id)"
            let head = try await TrainingTests.member(world, day: 7)
            let college = try await TrainingTests.college(world)
            var studio = try await world.api(
                .PATCH, base, as: "officerA",
                body: StudioInput(headId: .set(head), partnerIds: [college, world.employerA, college], version: 1)
            ).decode(StudioOutput.self)
            #expect(studio.headId == head && studio.headName == "学员7" && studio.leadName == "梁东平")
            #expect(studio.partnerIds.count == 2 && Set(studio.partnerIds) == [college, world.employerA])
            studio = try await world.api(.PATCH, base, as: "officerA", body: StudioInput(partnerIds: [college], version: 2))
                .decode(StudioOutput.self)
            #expect(studio.partnerIds == [college])
            let foreign = Organization(unitID: world.countyB, name: "外县学院", kind: .college, creditCode: nil)
            try await foreign.create(on: world.app.db)
            let outside = try await world.api(
                .PATCH, base, as: "officerA", body: StudioInput(partnerIds: [try foreign.requireID()], version: 3))
            #expect(outside.errorField == "partnerIds")
            let selfHead = try await world.api(.PATCH, base, as: "officerA", body: StudioInput(headId: .set(world.memberA), version: 3))
                .decode(StudioOutput.self)
            #expect(selfHead.headId == nil)

            func designate(_ kind: StudioKind, level: HonorLevel = .city, year: Int = 2024, by: String = "庆阳市总工会") async throws
                -> LiveResponse
            {
                try await world.api(
                    .POST, "\(base)/designations", as: "officerA",
                    body: StudioDesignationInput(kind: kind, level: level, year: year, namedBy: by))
            }
            #expect(try await designate(.skillMasterStudio).status == .created)
            #expect(try await designate(.techInnovationClassroom, level: .national, by: "中国职工技术协会").status == .created)
            #expect(try await designate(.skillMasterStudio).errorField == "kind")
            #expect(try await designate(.innovativeTeam).status == .conflict)
            #expect(try await designate(.craftsmanStudio, year: 2999).errorField == "yearNamed")
            #expect(try await designate(.craftsmanStudio, by: " ").errorField == "namedBy")
            #expect(try await world.api(.POST, "\(base)/designations", as: "officerB", body: StudioDesignationInput()).status == .notFound)
            let held = try await world.api(.GET, base, as: "officerA").decode(StudioOutput.self)
            #expect(held.designations.map(\.kind) == [.skillMasterStudio, .techInnovationClassroom])
            // Each designation counts under its own kind, and the studio lists under each.
            let tree = try await UnitTree.load(on: world.app.db)
            let counts = try await StudioService.counts(scope: UnitScope(unitIDs: nil, tree: tree), years: 2024...2024, on: world.app.db)
            #expect(counts.byKind == ["innovativeTeam": 1, "skillMasterStudio": 1, "techInnovationClassroom": 1] && counts.total == 1)
            let listed = try await world.api(.GET, "api/v1/studios?kind=techInnovationClassroom", as: "officerA")
                .decode(Page<StudioOutput>.self)
            #expect(listed.items.map(\.id) == [created.id])
            let removed = try await world.api(.DELETE, "\(base)/designations/\(held.designations[1].id)", as: "officerA")
            #expect(removed.status == .noContent)

            func result(_ body: StudioResultInput) async throws -> LiveResponse {
                try await world.api(.POST, "\(base)/results", as: "officerA", body: body)
            }
            let noUnit = try await result(StudioResultInput(kind: .measuredBenefit, title: "能耗降低", year: 2024, quantity: 12))
            #expect(noUnit.errorField == "unit")
            let energy = try await result(
                StudioResultInput(
                    kind: .measuredBenefit, title: "能耗降低", year: 2024, quantity: 12, unit: "%",
                    baseline: "改造前"))
            #expect(energy.status == .created)
            let line = try energy.decode(StudioResultOutput.self)
            #expect(line.unit == "%" && line.baseline == "改造前" && line.amountFen == 0)
            #expect(
                try await result(
                    StudioResultInput(kind: .measuredBenefit, title: "年节约标准煤", year: 2024, quantity: 12_000, unit: "吨/年")
                )
                .status == .created)
            #expect(
                try await result(
                    StudioResultInput(
                        kind: .nationalBenchmarkCase, title: "国家级标杆案例", year: 2024,
                        quantity: 2)
                ).status
                    == .created)
            // A unit on a counted kind is not kept.
            let counted = try await result(
                StudioResultInput(kind: .registeredAchievement, title: "科技成果登记", year: 2024, quantity: 1, unit: "项"))
            #expect(try counted.decode(StudioResultOutput.self).unit == nil)
            let figures = try await world.api(.GET, base, as: "officerA").decode(StudioOutput.self).figures
            #expect(figures["measuredBenefit"] == 2 && figures["nationalBenchmarkCase"] == 2 && figures["registeredAchievement"] == 1)

            var browser = try await Browser.signedIn(world, as: "officerA")
            let refusedDesignation = try await browser.post(
                "/studios/\(created.id)/designations",
                form: [
                    "_csrf": Browser.csrf(in: try await browser.get("/studios/\(created.id)")), "kind": "craftsmanStudio", "level": "city",
                    "year": "2999", "namedBy": "金昌市总工会",
                ])
            #expect(refusedDesignation.status == .unprocessableEntity)
            #expect(refusedDesignation.body.string.contains(#"value="金昌市总工会""#))
            #expect(refusedDesignation.body.string.contains(#"<option value="craftsmanStudio" selected"#))
            let page = try await browser.get("/studios/\(created.id)").body.string
            #expect(page.contains("庆阳职业技术学院") && page.contains("技能大师工作室"))
            #expect(page.contains("12 %（较改造前）"))
        }
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
                    "headIdNumber": "",
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
