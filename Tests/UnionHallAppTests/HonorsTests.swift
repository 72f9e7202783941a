import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct HonorsTests {
    func honor(_ member: UUID, _ title: HonorTitle = .modelWorker, level: HonorLevel? = .provincial, year: Int = 2020) -> HonorInput {
        HonorInput(memberId: member, title: title, level: level, year: year, awardingBody: "甘肃省人民政府")
    }

    @Test func recordsAnHonorInTheMembersUnit() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(.POST, "api/v1/honors", as: "officerA", body: honor(world.memberA))
            #expect(response.status == .created)
            let output = try response.decode(HonorOutput.self)
            #expect(output.memberName == "梁东平")
            #expect(output.unitId == world.teamA)
            #expect(output.level == .provincial)
            #expect(try await AuditEntry.query(on: world.app.db).filter(\.$entity == "honor").count() == 1)
        }
    }

    @Test func invalidHonorsNameTheFieldAndWriteNothing() async throws {
        try await TestWorld.run { world in
            let wrongLevel = try await world.api(
                .POST, "api/v1/honors", as: "officerA", body: honor(world.memberA, .greatCraftsman, level: .city))
            #expect(wrongLevel.status == .unprocessableEntity)
            #expect(wrongLevel.errorField == "level")
            let future = try await world.api(
                .POST, "api/v1/honors", as: "officerA", body: honor(world.memberA, year: CivilDate(Date()).year + 1))
            #expect(future.errorField == "year")
            let otherCounty = try await world.api(.POST, "api/v1/honors", as: "officerA", body: honor(world.memberB))
            #expect(otherCounty.status == .unprocessableEntity)
            #expect(otherCounty.errorField == "memberId")
            #expect(try await Honor.query(on: world.app.db).count() == 0)
        }
    }

    @Test func scopedLikeTheirMembers() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(.POST, "api/v1/honors", as: "officerA", body: honor(world.memberA)).decode(HonorOutput.self)
            #expect(try await world.api(.GET, "api/v1/honors/\(created.id)", as: "officerB").status == .notFound)
            #expect(try await world.api(.DELETE, "api/v1/honors/\(created.id)", as: "officerB").status == .notFound)
            let listB = try await world.api(.GET, "api/v1/honors", as: "officerB").decode(Page<HonorOutput>.self)
            #expect(listB.metadata.total == 0)
            // Moving the member to county B moves the honor into county B's scope.
            _ = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "city", body: MemberInput(unitId: world.countyB, version: 1))
            #expect(try await world.api(.GET, "api/v1/honors/\(created.id)", as: "officerB").status == .ok)
            #expect(try await world.api(.GET, "api/v1/honors/\(created.id)", as: "officerA").status == .notFound)
        }
    }

    @Test func rosterFiltersByTitleLevelYearAndTrade() async throws {
        try await TestWorld.run { world in
            _ = try await world.api(
                .POST, "api/v1/honors", as: "city", body: honor(world.memberA, .modelWorker, level: .provincial, year: 2015))
            _ = try await world.api(
                .POST, "api/v1/honors", as: "city", body: honor(world.memberB, .technicalPacesetter, level: .city, year: 2024))
            _ = try await world.api(
                .POST, "api/v1/honors", as: "city", body: honor(world.memberB, .longyuanCraftsman, level: nil, year: 2023))
            func total(_ query: String) async throws -> Int {
                try await world.api(.GET, "api/v1/honors?\(query)", as: "city").decode(Page<HonorOutput>.self).metadata.total
            }
            #expect(try await total("") == 3)
            #expect(try await total("roster=true") == 2)
            #expect(try await total("title=technicalPacesetter") == 1)
            #expect(try await total("level=provincial") == 2)
            #expect(try await total("year=2024") == 1)
            #expect(try await total("trade=%E7%94%B5%E5%8A%9B%E7%94%B5%E7%BC%86%E5%B7%A5") == 3)
            #expect(try await total("memberId=\(world.memberB)") == 2)
            #expect(try await total("unitId=\(world.countyA)") == 1)
            let newest = try await world.api(.GET, "api/v1/honors?per=1", as: "city").decode(Page<HonorOutput>.self)
            #expect(newest.items.first?.year == 2024)
        }
    }

    @Test func editDeleteRestore() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(.POST, "api/v1/honors", as: "officerA", body: honor(world.memberA)).decode(HonorOutput.self)
            let changed = try await world.api(
                .PATCH, "api/v1/honors/\(created.id)", as: "officerA", body: HonorInput(year: 2016, version: 1))
            #expect(try changed.decode(HonorOutput.self).year == 2016)
            let moved = try await world.api(
                .PATCH, "api/v1/honors/\(created.id)", as: "officerA", body: HonorInput(memberId: world.memberB, version: 2))
            #expect(moved.errorField == "memberId")
            let stale = try await world.api(.PATCH, "api/v1/honors/\(created.id)", as: "officerA", body: HonorInput(year: 2017, version: 1))
            #expect(stale.status == .conflict)
            #expect(try await world.api(.DELETE, "api/v1/honors/\(created.id)", as: "officerA").status == .noContent)
            #expect(
                try await world.api(.GET, "api/v1/honors?memberId=\(world.memberA)", as: "officerA").decode(Page<HonorOutput>.self).metadata
                    .total == 0)
            #expect(try await world.api(.POST, "api/v1/honors/\(created.id)/restore", as: "officerA").status == .ok)
        }
    }

    @Test func recordedFromTheMembersPage() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let member = try await browser.get("/members/\(world.memberA)")
            #expect(member.body.string.contains("/honors/new?memberId=\(world.memberA)"))
            let form = try await browser.get("/honors/new?memberId=\(world.memberA)")
            #expect(form.body.string.contains("为 梁东平 记录荣誉"))
            let saved = try await browser.post(
                "/honors",
                form: [
                    "_csrf": Browser.csrf(in: form), "_once": "h1", "memberId": world.memberA.uuidString,
                    "title": "longyuanCraftsman", "level": "", "year": "2023", "awardingBody": "甘肃省总工会",
                ])
            #expect(saved.status == .seeOther)
            let page = try await browser.get("/members/\(world.memberA)")
            #expect(page.body.string.contains("陇原工匠"))
            let roster = try await browser.get("/honors?roster=true")
            #expect(roster.body.string.contains("梁东平"))
            let noMember = try await browser.get("/honors/new")
            #expect(noMember.body.string.contains("请先打开职工的页面"))
            let bad = try await browser.post(
                "/honors",
                form: [
                    "_csrf": Browser.csrf(in: form), "_once": "h2", "memberId": world.memberA.uuidString,
                    "title": "greatCraftsman", "level": "city", "year": "2023", "awardingBody": "x",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("该称号只在其固定级别授予"))
        }
    }
}
