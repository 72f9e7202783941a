import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// 送温暖, living aid and medical aid: relief for verified hardship households on 金秋助学's path.
@Suite struct ReliefAidTests {
    static func relief(_ world: TestWorld, _ kind: AidKind, amounts: [String: Int64], budgetFen: Int64 = 1_000_000) async throws
        -> AidProgramOutput
    {
        let created = try await world.api(
            .POST, "api/v1/aid-programs", as: "city",
            body: AidProgramInput(year: 2024, kind: kind, name: "2024年\(kind.rawValue)", budgetFen: budgetFen, amountsFen: amounts))
        #expect(created.status == .created, "\(created.body.string)")
        return try created.decode(AidProgramOutput.self)
    }

    func apply(
        _ world: TestWorld, _ program: AidProgramOutput, as user: String = "worker", member: UUID? = nil,
        situation: String? = "配偶重病",
        expenses: Int64? = nil
    ) async throws -> LiveResponse {
        try await world.api(
            .POST, user == "worker" ? "api/v1/aid-applications/apply" : "api/v1/aid-applications", as: user,
            body: AidApplicationInput(
                programId: program.id, memberId: member, situation: situation, medicalExpensesFen: expenses,
                payeeAccount: "6222021234567890123"))
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, as user: String, version: Int, reason: String? = nil) async throws
        -> LiveResponse
    {
        try await world.api(.POST, "api/v1/aid-applications/\(id)/\(step)", as: user, body: AidStepInput(version: version, reason: reason))
    }

    @Test func aProgrammesKindSetsItsAmountsAndNeverChanges() async throws {
        try await TestWorld.run { world in
            _ = AidTests.clock(world, "2024-08-01")
            try await AidTests.handlers(world)
            let wrongKeys = try await world.api(
                .POST, "api/v1/aid-programs", as: "city",
                body: AidProgramInput(
                    year: 2024, kind: .livingAid, name: "生活救助", budgetFen: 100_000,
                    amountsFen: ["university": 1]))
            #expect(wrongKeys.status == .unprocessableEntity && wrongKeys.errorField == "amountsFen.university")
            let nothing = try await world.api(
                .POST, "api/v1/aid-programs", as: "city",
                body: AidProgramInput(year: 2024, kind: .livingAid, name: "生活救助", budgetFen: 100_000, amountsFen: ["deep": 0]))
            #expect(nothing.errorField == "amountsFen")
            let living = try await Self.relief(world, .livingAid, amounts: ["deep": 300_000, "relative": 200_000])
            #expect(living.kind == .livingAid && living.amountsFen == ["deep": 300_000, "relative": 200_000, "accident": 0])
            #expect(!living.priorityIndustrial)
            let scholarship = try await AidTests.program(world)
            #expect(scholarship.kind == .scholarship && scholarship.amountsFen["university"] == 300_000)
            let changed = try await world.api(
                .PATCH, "api/v1/aid-programs/\(living.id)", as: "city", body: AidProgramInput(kind: .medicalAid, version: 1))
            #expect(changed.status == .conflict && changed.errorField == "kind")
            let raised = try await world.api(
                .PATCH, "api/v1/aid-programs/\(living.id)", as: "city", body: AidProgramInput(amountsFen: ["accident": 250_000], version: 1)
            ).decode(AidProgramOutput.self)
            #expect(raised.amountsFen == ["deep": 300_000, "relative": 200_000, "accident": 250_000])
            let listed = try await world.api(.GET, "api/v1/aid-programs?kind=livingAid", as: "city").decode(Page<AidProgramOutput>.self)
            #expect(listed.items.map(\.id) == [living.id])
        }
    }

    @Test func reliefGoesToAVerifiedHouseholdOncePerProgrammeAtItsLevel() async throws {
        try await TestWorld.run { world in
            _ = AidTests.clock(world, "2024-08-01")
            try await AidTests.handlers(world)
            let living = try await Self.relief(world, .livingAid, amounts: ["deep": 300_000, "relative": 200_000])
            let medical = try await Self.relief(world, .medicalAid, amounts: ["relative": 500_000])
            let noFile = try await apply(world, living)
            #expect(noFile.status == .unprocessableEntity && noFile.errorField == "hardshipFileId")
            let file = try await AidTests.verifiedFile(world, member: world.memberA)
            #expect(try await apply(world, living, situation: nil).errorField == "situation")
            let applied = try await apply(world, living)
            #expect(applied.status == .created, "\(applied.body.string)")
            var app = try applied.decode(AidApplicationOutput.self)
            #expect(app.kind == .livingAid && app.amountFen == 200_000 && app.hardshipFileId == file.id && app.childName == nil)
            #expect(app.situation == "配偶重病" && app.status == .submitted)
            // One application per household per programme, whoever enters it.
            let twice = try await apply(world, living)
            #expect(twice.status == .conflict && twice.errorField == "programId")
            #expect(try await apply(world, living, as: "officerA", member: world.memberA).status == .conflict)

            #expect(try await apply(world, medical).errorField == "medicalExpensesFen")
            #expect(try await apply(world, medical, expenses: 0).errorField == "medicalExpensesFen")
            let claimed = try await apply(world, medical, expenses: 150_000).decode(AidApplicationOutput.self)
            #expect(claimed.amountFen == 150_000 && claimed.medicalExpensesFen == 150_000)
            // Refused, the household may apply again.
            #expect(try await step(world, claimed.id, "reject", as: "enterprise", version: 1, reason: "材料不全").status == .ok)
            let capped = try await apply(world, medical, expenses: 900_000).decode(AidApplicationOutput.self)
            #expect(capped.amountFen == 500_000)
            // Until the enterprise union approves, the situation and account can be corrected; the amount cannot.
            let corrected = try await world.api(
                .PATCH, "api/v1/aid-applications/\(capped.id)", as: "officerA",
                body: AidApplicationInput(situation: "住院治疗，自付费用高", medicalExpensesFen: 1, version: 1)
            ).decode(AidApplicationOutput.self)
            #expect(corrected.situation == "住院治疗，自付费用高" && corrected.amountFen == 500_000)

            // The same approvals and payment as 金秋助学, within the budget.
            app = try await step(world, app.id, "approve", as: "enterprise", version: 1).decode(AidApplicationOutput.self)
            #expect(try await step(world, app.id, "approve", as: "city", version: 2).status == .forbidden)
            app = try await step(world, app.id, "approve", as: "officerA", version: 2).decode(AidApplicationOutput.self)
            app = try await step(world, app.id, "approve", as: "city", version: 3).decode(AidApplicationOutput.self)
            #expect(app.status == .approved)
            let batch = try await world.api(
                .POST, "api/v1/aid-programs/\(living.id)/batches", as: "city", body: AidBatchInput(paidDate: "2024-08-01")
            ).decode(AidBatchOutput.self)
            #expect(batch.count == 1 && batch.totalFen == 200_000)
            let bank = try await world.api(.GET, "api/v1/aid-programs/\(living.id)/batches/\(batch.id)/bank-list?format=csv", as: "city")
            #expect(bank.body.string.contains("生活救助") && bank.body.string.contains("2000.00"))
            #expect(!bank.body.string.contains("子女"))
            // Relief's public notice names the kind of aid, and no child.
            try await AidTests.publishNotice(world, living.id)
            let notice = try await world.http.sendRequest(.GET, "/aid-notice/\(living.id)")
            #expect(notice.status == .ok && notice.body.string.contains("生活救助") && notice.body.string.contains("梁*平"))
            #expect(!notice.body.string.contains("子女姓名"))

            let stats = try await world.api(
                .GET, "api/v1/aid-applications/statistics?from=2024-01-01&to=2024-12-31", as: "city"
            ).decode(AidStatistics.self)
            let byKind = Dictionary(uniqueKeysWithValues: stats.byKind.map { ($0.key, $0) })
            #expect(byKind["livingAid"]?.funded == 1 && byKind["livingAid"]?.paidFen == 200_000)
            #expect(byKind["livingAid"]?.budgetFen == 1_000_000)
            #expect(byKind["medicalAid"]?.applications == 2 && byKind["medicalAid"]?.funded == 0)
            // The scholarship figures the articles report count scholarships alone.
            #expect(stats.applications == 0 && stats.children == 0 && stats.paidFen == 0 && byKind["scholarship"]?.applications == 0)
            let listed = try await world.api(.GET, "api/v1/aid-applications?kind=medicalAid", as: "city")
                .decode(Page<AidApplicationOutput>.self)
            #expect(Set(listed.items.map(\.id)) == [claimed.id, capped.id])
            // A county outside the household's subtree sees none of it.
            let elsewhere = try await world.api(.GET, "api/v1/aid-applications/statistics?from=2024-01-01&to=2024-12-31", as: "officerB")
                .decode(AidStatistics.self)
            #expect(elsewhere.byKind.allSatisfy { $0.applications == 0 && $0.funded == 0 })
        }
    }

    @Test func aWorkerAppliesForReliefFromThePhoneAndOfficersMakeReliefProgrammesOnThePages() async throws {
        try await TestWorld.run { world in
            _ = AidTests.clock(world, "2024-08-01")
            try await AidTests.handlers(world)
            var city = try await Browser.signedIn(world, as: "city")
            let form = try await city.get("/aid-programs/new?kind=springFestival")
            #expect(form.status == .ok && form.body.string.contains(#"name="deep""#) && !form.body.string.contains(#"name="university""#))
            let made = try await city.post(
                "/aid-programs",
                form: [
                    "_csrf": Browser.csrf(in: form), "_once": try #require(Browser.field("_once", in: form.body.string)),
                    "kind": "springFestival", "year": "2024", "name": "2024年春节送温暖", "budget": "100000", "deep": "1000",
                    "relative": "600", "accident": "800",
                ])
            #expect(made.status == .seeOther)
            let program = try #require(try await AidProgram.query(on: world.app.db).filter(\.$kind == .springFestival).first())
            #expect(program.amount(for: .relative) == 60_000)
            let show = try await city.get("/aid-programs/\(try program.requireID())")
            #expect(show.body.string.contains("相对困难") && show.body.string.contains("春节送温暖"))
            let edit = try await city.get("/aid-programs/\(try program.requireID())/edit")
            #expect(edit.body.string.contains(#"name="accident""#) && !edit.body.string.contains(#"name="kind""#))

            var worker = try await Browser.signedIn(world, as: "worker")
            var page = try await worker.get("/me/aid")
            #expect(page.body.string.contains("申请帮扶救助"))
            #expect(page.body.string.contains("请先联系所在企业工会建立困难档案"))
            _ = try await AidTests.verifiedFile(world, member: world.memberA)
            page = try await worker.get("/me/aid")
            let fields = [
                "_csrf": Browser.csrf(in: page), "_once": try #require(Browser.field("_once", in: page.body.string)),
                "programId": try program.requireID().uuidString, "situation": "",
            ]
            let refused = try await worker.post("/me/aid", form: fields)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains(#"id="relief-situation""#))
            var filled = fields
            filled["situation"] = "家中老人长期患病"
            #expect(try await worker.post("/me/aid", form: filled).status == .seeOther)
            let mine = try await worker.get("/me/aid")
            #expect(mine.body.string.contains("2024年春节送温暖") && mine.body.string.contains("¥600.00"))
            let list = try await city.get("/aid-applications?kind=springFestival")
            #expect(list.status == .ok && list.body.string.contains("春节送温暖（户）"))
            let app = try #require(try await AidApplication.query(on: world.app.db).first())
            let one = try await city.get("/aid-applications/\(try app.requireID())")
            #expect(one.body.string.contains("家中老人长期患病"))
            let officerForm = try await city.get("/aid-applications/new?programId=\(try program.requireID())")
            #expect(officerForm.body.string.contains(#"name="situation""#) && !officerForm.body.string.contains(#"name="childName""#))
        }
    }
}
