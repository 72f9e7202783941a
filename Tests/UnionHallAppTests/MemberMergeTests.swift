import Fluent
import Foundation
import SQLKit
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct MemberMergeTests {
    /// 梁东平 entered a second time: the same name and birth date, another sequence number.
    func duplicate(_ world: TestWorld) async throws -> UUID {
        let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1980, month: 5, day: 17)!, sequence: 557).value
        let body = MemberInput(name: "梁东平", idNumber: id, mobile: "13700001234", unitId: world.teamA)
        return try await world.api(.POST, "api/v1/members", as: "officerA", body: body).decode(MemberOutput.self).id
    }

    @Test func duplicatesAreFoundWithinScopeAndMergedWithEveryLink() async throws {
        try await TestWorld.run { world in
            let copy = try await duplicate(world)
            let groups = try await world.api(.GET, "api/v1/members/duplicates", as: "officerA").decode([MemberMerge.Group].self)
            #expect(groups.count == 1 && groups[0].reason == .nameAndBirth && Set(groups[0].members.map(\.id)) == [world.memberA, copy])
            #expect(try await world.api(.GET, "api/v1/members/duplicates", as: "officerB").decode([MemberMerge.Group].self).isEmpty)

            // The copy gathers records of several kinds.
            let province = "甘肃省人民政府"
            let honor = HonorInput(memberId: copy, title: .modelWorker, level: .provincial, year: 2020, awardingBody: province)
            #expect(try await world.api(.POST, "api/v1/honors", as: "officerA", body: honor).status == .created)
            let agreement = MentorshipInput(
                mentorId: world.memberA, apprenticeId: copy, startDate: "2024-03-01", endDate: "2025-02-28", goals: "电缆头制作",
                milestones: "三个月")
            _ = try await world.api(.POST, "api/v1/mentorship-agreements", as: "officerA", body: agreement)
            _ = try await world.api(
                .POST, "api/v1/members/\(copy)/leave", as: "officerA", body: Membership.StepInput(kind: .left, version: 1))

            let foreign = try await world.api(
                .POST, "api/v1/members/\(world.memberA)/merge", as: "officerB", body: MemberMerge.Input(duplicateId: copy, version: 1))
            #expect(foreign.status == .notFound)
            let selfMerge = try await world.api(
                .POST, "api/v1/members/\(world.memberA)/merge", as: "officerA",
                body: MemberMerge.Input(duplicateId: world.memberA, version: 1))
            #expect(selfMerge.errorField == "duplicateId")
            let merged = try await world.api(
                .POST, "api/v1/members/\(world.memberA)/merge", as: "officerA", body: MemberMerge.Input(duplicateId: copy, version: 1))
            #expect(merged.status == .ok, "\(merged.body.string)")

            // Nothing anywhere points at the copy any more; the copy is gone from the register.
            let sql = try world.app.db.sql()
            let links = try await MemberLinks.load(on: world.app.db).links
            #expect(links.contains { $0.table == Honor.schema } && links.contains { $0.table == MentorshipAgreement.schema })
            for link in links {
                let left = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(link.table)
                    .where(SQLColumn(link.column), .equal, SQLBind(copy)).first()?.decode(column: "n", as: Int.self)
                #expect(left == 0, "\(link.table).\(link.column)")
            }
            let honors = try await Honor.query(on: world.app.db).filter(\.$memberID == world.memberA).count()
            #expect(honors == 1)
            #expect(try await world.api(.GET, "api/v1/members/\(copy)", as: "officerA").status == .notFound)
            let audit = try await AuditEntry.query(on: world.app.db).filter(\.$entityID == world.memberA).filter(\.$action == .update)
                .count()
            #expect(audit >= 1)
            #expect(try await world.api(.GET, "api/v1/members/duplicates", as: "officerA").decode([MemberMerge.Group].self).isEmpty)
        }
    }

    @Test func aWorkerDownloadsEverythingHeldAboutThem() async throws {
        try await TestWorld.run { world in
            let honor = HonorInput(
                memberId: world.memberA, title: .modelWorker, level: .provincial, year: 2020, awardingBody: "甘肃省人民政府")
            _ = try await world.api(.POST, "api/v1/honors", as: "officerA", body: honor)
            let response = try await world.api(.GET, "api/v1/me/data-export", as: "worker")
            #expect(response.status == .ok)
            let export = try response.decode(MemberDataExport.self)
            #expect(export.member.idNumber == TestWorld.idA && export.member.mobile == "13812345678")
            #expect(export.records[Honor.schema]?.count == 1)
            #expect(export.records[User.schema]?.first?["username"] == "worker")
            #expect(export.records[User.schema]?.first?["password_hash"] == nil)
            #expect(!response.body.string.contains("$2b$"))
            #expect(export.history.contains { $0.kind == .joined })
            let audited = try await AuditEntry.query(on: world.app.db).filter(\.$entityID == world.memberA).filter(\.$action == .export)
                .count()
            #expect(audited == 1)
            #expect(try await world.api(.GET, "api/v1/me/data-export", as: "officerA").status == .forbidden)
        }
    }
}

@Suite struct MembershipCardTests {
    @Test func theCardsCodeOpensAMaskedCheck() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world.http, as: "worker", password: TestWorld.password)
            let card = try await browser.get("/me/card")
            #expect(card.status == .ok)
            let page = card.body.string
            #expect(page.contains("梁东平") && page.contains("<path d=\"M"))
            let member = try #require(try await Member.find(world.memberA, on: world.app.db))
            let code = try #require(member.cardCode)
            #expect(page.contains("/check/membership/\(code)"))
            // The same card keeps its code.
            _ = try await browser.get("/me/card")
            #expect(try await Member.find(world.memberA, on: world.app.db)?.cardCode == code)

            let check = try await world.api(.GET, "api/v1/membership-cards/\(code)", as: nil).decode(MembershipCheck.self)
            #expect(check.name == "梁*平" && check.active && check.union == "电缆班组")
            let publicPage = try await world.http.sendRequest(.GET, "check/membership/\(code)")
            let publicText = publicPage.body.string
            #expect(publicPage.status == .ok && !publicText.contains("梁东平") && !publicText.contains(TestWorld.idA))
            #expect(try await world.api(.GET, "api/v1/membership-cards/\(String(repeating: "A", count: 20))", as: nil).status == .notFound)
            #expect(try await world.api(.GET, "api/v1/membership-cards/\(world.memberA)", as: nil).status == .notFound)

            _ = try await world.api(
                .POST, "api/v1/members/\(world.memberA)/leave", as: "officerA", body: Membership.StepInput(kind: .left, version: 1))
            #expect(try await world.api(.GET, "api/v1/membership-cards/\(code)", as: nil).decode(MembershipCheck.self).active == false)
            #expect(try await browser.get("/me/card").status == .ok)
            #expect(try await browser.get("/me").body.string.contains("/me/data-export"))
        }
    }
}
