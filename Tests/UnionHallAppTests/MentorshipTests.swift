import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct MentorshipTests {
    /// An apprentice in county A's team: a level-4 worker the mentor (梁东平, level 2) can take on.
    func apprentice(_ world: TestWorld, name: String = "王学徒", day: Int = 1) async throws -> UUID {
        let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 2000, month: 3, day: day)!, sequence: 455)
        let body = MemberInput(name: name, idNumber: id.value, unitId: world.teamA, skillLevel: 4)
        return try await world.api(.POST, "api/v1/members", as: "officerA", body: body).decode(MemberOutput.self).id
    }

    func terms(mentor: UUID, apprentice: UUID) -> MentorshipInput {
        MentorshipInput(
            mentorId: mentor, apprenticeId: apprentice, startDate: "2024-03-01", endDate: "2025-02-28", goals: "掌握电缆头制作工艺",
            milestones: "三个月独立制作中间接头")
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, _ input: MentorshipStepInput, as user: String = "officerA") async throws
        -> LiveResponse
    {
        try await world.api(.POST, "api/v1/mentorship-agreements/\(id)/\(step)", as: user, body: input)
    }

    @Test func theWholeWorkflow() async throws {
        try await TestWorld.run { world in
            let trainee = try await apprentice(world)
            let created = try await world.api(
                .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: trainee))
            #expect(created.status == .created)
            var agreement = try created.decode(MentorshipOutput.self)
            #expect(agreement.status == .draft)
            #expect(agreement.levelBefore == 4)
            #expect(agreement.organizationId == nil)
            #expect(agreement.mentorName == "梁东平")

            // Out of order: completing a draft is refused and changes nothing.
            let early = try await step(world, agreement.id, "complete", MentorshipStepInput(version: 1, levelAfter: 3))
            #expect(early.status == .conflict)
            #expect(early.errorField == "status")

            agreement = try await step(world, agreement.id, "sign", MentorshipStepInput(version: 1, date: "2024-03-01")).decode(
                MentorshipOutput.self)
            #expect(agreement.status == .signed)
            #expect(agreement.signedDate == "2024-03-01")
            let edit = try await world.api(
                .PATCH, "api/v1/mentorship-agreements/\(agreement.id)", as: "officerA", body: MentorshipInput(goals: "改", version: 2))
            #expect(edit.status == .conflict)

            agreement = try await step(world, agreement.id, "start", MentorshipStepInput(version: 2)).decode(MentorshipOutput.self)
            #expect(agreement.status == .inProgress)
            let down = try await step(world, agreement.id, "complete", MentorshipStepInput(version: 3, date: "2025-02-28", levelAfter: 5))
            #expect(down.status == .unprocessableEntity)
            #expect(down.errorField == "levelAfter")
            let missing = try await step(world, agreement.id, "complete", MentorshipStepInput(version: 3))
            #expect(missing.errorField == "levelAfter")
            agreement = try await step(world, agreement.id, "complete", MentorshipStepInput(version: 3, date: "2025-02-28", levelAfter: 3))
                .decode(MentorshipOutput.self)
            #expect(agreement.status == .completed)
            #expect(agreement.levelAfter == 3)
            let again = try await step(world, agreement.id, "terminate", MentorshipStepInput(version: 4, reason: "x"))
            #expect(again.status == .conflict)
            let unknown = try await step(world, agreement.id, "approve", MentorshipStepInput(version: 4))
            #expect(unknown.status == .notFound)
        }
    }

    /// Two signings racing past the check still cannot both land: the database refuses the second.
    @Test func theDatabaseKeepsOneActiveAgreementPerApprentice() async throws {
        try await TestWorld.run { world in
            let trainee = try await apprentice(world)
            func agreement(_ status: MentorshipStatus) -> MentorshipAgreement {
                let row = MentorshipAgreement()
                row.unitID = world.teamA
                row.mentorID = world.memberA
                row.apprenticeID = trainee
                row.startDate = "2024-01-01"
                row.endDate = "2024-12-31"
                row.goals = "g"
                row.milestones = ""
                row.status = status
                row.version = 1
                return row
            }
            try await agreement(.completed).create(on: world.app.db)
            try await agreement(.signed).create(on: world.app.db)
            await #expect(throws: (any Error).self) { try await agreement(.inProgress).create(on: world.app.db) }
        }
    }

    @Test func terminationNeedsAReason() async throws {
        try await TestWorld.run { world in
            let trainee = try await apprentice(world)
            let agreement = try await world.api(
                .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: trainee)
            ).decode(MentorshipOutput.self)
            let bare = try await step(world, agreement.id, "terminate", MentorshipStepInput(version: 1, reason: " "))
            #expect(bare.errorField == "reason")
            let ended = try await step(world, agreement.id, "terminate", MentorshipStepInput(version: 1, reason: "学徒调岗"))
            #expect(try ended.decode(MentorshipOutput.self).status == .terminated)
            // Once terminated, the apprentice is free for a new agreement.
            #expect(
                try await world.api(
                    .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: trainee)
                ).status == .created)
        }
    }

    @Test func eligibilityRules() async throws {
        try await TestWorld.run { world in
            let first = try await apprentice(world, name: "王一", day: 1)
            let second = try await apprentice(world, name: "王二", day: 2)
            // A level-4 worker without a title cannot mentor…
            let unqualified = try await world.api(
                .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: first, apprentice: second))
            #expect(unqualified.status == .unprocessableEntity)
            #expect(unqualified.errorField == "mentorId")
            // …until they hold a recognised title.
            _ = try await world.api(
                .POST, "api/v1/honors", as: "officerA",
                body: HonorInput(memberId: first, title: .technicalPacesetter, level: .city, year: 2023, awardingBody: "庆阳市总工会"))
            #expect(
                try await world.api(.POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: first, apprentice: second))
                    .status == .created)
            // One active agreement per apprentice.
            let busy = try await world.api(
                .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: second))
            #expect(busy.status == .conflict)
            #expect(busy.errorField == "apprenticeId")
            let selfTaught = try await world.api(
                .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: world.memberA))
            #expect(selfTaught.errorField == "apprenticeId")
            var backwards = terms(mentor: world.memberA, apprentice: first)
            backwards.endDate = "2024-01-01"
            #expect(try await world.api(.POST, "api/v1/mentorship-agreements", as: "officerA", body: backwards).errorField == "endDate")
            // Someone in another county is not the officer's to bind.
            let elsewhere = try await world.api(
                .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: world.memberB))
            #expect(elsewhere.errorField == "apprenticeId")
            #expect(try await MentorshipAgreement.query(on: world.app.db).count() == 1)
        }
    }

    @Test func scopedAndCounted() async throws {
        try await TestWorld.run { world in
            var ids: [UUID] = []
            for day in 1...3 {
                let trainee = try await apprentice(world, name: "学徒\(day)", day: day)
                let agreement = try await world.api(
                    .POST, "api/v1/mentorship-agreements", as: "officerA", body: terms(mentor: world.memberA, apprentice: trainee)
                ).decode(MentorshipOutput.self)
                _ = try await step(world, agreement.id, "sign", MentorshipStepInput(version: 1, date: "2024-0\(day)-10"))
                ids.append(agreement.id)
            }
            _ = try await step(world, ids[0], "start", MentorshipStepInput(version: 2))
            _ = try await step(world, ids[0], "complete", MentorshipStepInput(version: 3, date: "2024-12-31", levelAfter: 3))
            #expect(try await world.api(.GET, "api/v1/mentorship-agreements/\(ids[0])", as: "officerB").status == .notFound)
            #expect(try await step(world, ids[1], "start", MentorshipStepInput(version: 2), as: "officerB").status == .notFound)
            #expect(
                try await world.api(.GET, "api/v1/mentorship-agreements", as: "officerB").decode(Page<MentorshipOutput>.self).metadata.total
                    == 0)

            let tree = try await UnitTree.load(on: world.app.db)
            let scope = UnitScope(unitIDs: tree.subtree(of: world.countyA), tree: tree)
            let all = try await MentorshipService.counts(scope: scope, list: ListQuery(), on: world.app.db)
            #expect(all.signed == 3)
            #expect(all.completed == 1)
            #expect(all.apprenticesTrained == 1)
            #expect(all.active == 2)
            let february = try await MentorshipService.counts(
                scope: scope, list: ListQuery(from: "2024-02-01", to: "2024-02-29"), on: world.app.db)
            #expect(february.signed == 1)
            #expect(february.completed == 0)
            let signedInJanuary = try await world.api(.GET, "api/v1/mentorship-agreements?from=2024-01-01&to=2024-01-31", as: "officerA")
                .decode(Page<MentorshipOutput>.self)
            #expect(signedInJanuary.items.map(\.id) == [ids[0]])
            let completedIn2024 = try await world.api(
                .GET, "api/v1/mentorship-agreements?on=completed&from=2024-01-01&to=2024-12-31", as: "officerA"
            ).decode(Page<MentorshipOutput>.self)
            #expect(completedIn2024.metadata.total == 1)
        }
    }
}

@Suite struct MentorshipPagesTests {
    @Test func signedByIDNumbersAndWalkedThroughFromItsPage() async throws {
        try await TestWorld.run { world in
            let traineeID = IDNumber.make(region: 621_002, birth: CivilDate(year: 2001, month: 4, day: 4)!, sequence: 466)
            _ = try await world.api(
                .POST, "api/v1/members", as: "officerA",
                body: MemberInput(name: "赵学徒", idNumber: traineeID.value, unitId: world.teamA, skillLevel: 5))
            var browser = try await Browser.signedIn(world, as: "officerA")
            let memberPage = try await browser.get("/members/\(world.memberA)")
            #expect(memberPage.body.string.contains("/mentorship-agreements/new?mentorId=\(world.memberA)"))
            let form = try await browser.get("/mentorship-agreements/new?mentorId=\(world.memberA)")
            #expect(form.body.string.contains("梁东平"))
            var fields = [
                "_csrf": Browser.csrf(in: form), "_once": "m1", "mentorId": world.memberA.uuidString,
                "apprenticeIdNumber": "621002200104044660",
                "startDate": "2024-03-01", "endDate": "2025-02-28", "goals": "电缆头制作", "milestones": "",
            ]
            let wrongID = try await browser.post("/mentorship-agreements", form: fields)
            #expect(wrongID.status == .unprocessableEntity)
            #expect(wrongID.body.string.contains("请选择您所管理的在册职工"))
            fields["apprenticeIdNumber"] = traineeID.value
            let created = try await browser.post("/mentorship-agreements", form: fields)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers.first(name: .location)).components(separatedBy: "?").first ?? ""
            var page = try await browser.get(location)
            #expect(page.body.string.contains("导师带徒协议书"))
            #expect(page.body.string.contains("赵学徒"))
            for step in ["sign", "start"] {
                let version = Browser.field("version", in: page.body.string) ?? ""
                let moved = try await browser.post(
                    "\(location)/\(step)", form: ["_csrf": Browser.csrf(in: page), "version": version, "date": "2024-03-01"])
                #expect(moved.status == .seeOther)
                page = try await browser.get(location)
            }
            #expect(page.body.string.contains("带徒中"))
            let refused = try await browser.post(
                "\(location)/complete",
                form: ["_csrf": Browser.csrf(in: page), "version": Browser.field("version", in: page.body.string) ?? "", "levelAfter": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("此项为必填项"))
            let index = try await browser.get("/mentorship-agreements")
            #expect(index.status == .ok)
            #expect(index.body.string.contains("赵学徒"))
            #expect(!index.body.string.contains("mentorshipStep."))
            let mentorPage = try await browser.get("/members/\(world.memberA)")
            #expect(mentorPage.body.string.contains("梁东平 → 赵学徒"))
        }
    }
}
