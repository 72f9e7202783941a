import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct AidTests {
    static let childA = IDNumber.make(region: 621_002, birth: CivilDate(year: 2005, month: 9, day: 1)!, sequence: 12).value
    static let childB = IDNumber.make(region: 621_002, birth: CivilDate(year: 2007, month: 4, day: 2)!, sequence: 34).value
    static let childC = IDNumber.make(region: 621_002, birth: CivilDate(year: 2008, month: 1, day: 9)!, sequence: 56).value

    /// The officers who handle aid in these tests, and an enterprise union's officer for the first approval.
    static func handlers(_ world: TestWorld, _ names: [String] = ["city", "officerA", "officerB", "enterprise"]) async throws {
        let hash = try world.app.password.hash(TestWorld.password)
        if try await User.query(on: world.app.db).filter(\.$username == "enterprise").count() == 0 {
            try await User(username: "enterprise", passwordHash: hash, displayName: "企业工会", role: .officer, unitID: world.enterpriseA)
                .create(on: world.app.db)
        }
        try await User.query(on: world.app.db).filter(\.$username ~~ names.map { $0.lowercased() }).set(\.$handlesAid, to: true).update()
    }

    static func clock(_ world: TestWorld, _ text: String) -> TestClock {
        let clock = TestClock()
        clock.set(CivilDate(text)!)
        world.app.current.now = { clock.now }
        return clock
    }

    static func verifiedFile(_ world: TestWorld, member: UUID) async throws -> HardshipFileOutput {
        let file = try await world.api(
            .POST, "api/v1/hardship-files", as: "enterprise",
            body: HardshipFileInput(memberId: member, level: .relative, cause: "配偶重病", householdSize: 4, incomePerHeadFen: 60_000)
        ).decode(HardshipFileOutput.self)
        return try await world.api(.POST, "api/v1/hardship-files/\(file.id)/verify", as: "officerA", body: HardshipStepInput(version: 1))
            .decode(HardshipFileOutput.self)
    }

    static func program(_ world: TestWorld, budgetFen: Int64 = 600_000, priority: Bool = false) async throws -> AidProgramOutput {
        try await world.api(
            .POST, "api/v1/aid-programs", as: "city",
            body: AidProgramInput(
                year: 2024, name: "金秋助学", budgetFen: budgetFen, priorityIndustrial: priority,
                amountsFen: ["university": 300_000, "vocational": 200_000])
        ).decode(AidProgramOutput.self)
    }

    static func application(_ program: AidProgramOutput, child: String, name: String = "梁小雨") -> AidApplicationInput {
        AidApplicationInput(
            programId: program.id, childName: name, childIdNumber: child, school: "兰州大学", stage: .university, admissionYear: 2024,
            payeeAccount: "6222021234567890123")
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, as user: String, version: Int, reason: String? = nil) async throws
        -> LiveResponse
    {
        try await world.api(.POST, "api/v1/aid-applications/\(id)/\(step)", as: user, body: AidStepInput(version: version, reason: reason))
    }

    /// A verified file lapsing within 30 days waits on an aid officer's dashboard and lists under `lapsingSoon`.
    @Test func filesNearTheirLapseWait() async throws {
        try await TestWorld.run { world in
            let clock = Self.clock(world, "2024-03-01")
            try await Self.handlers(world)
            let file = try await Self.verifiedFile(world, member: world.memberA)
            func lapsing() async throws -> [UUID] {
                try await world.api(.GET, "api/v1/hardship-files?lapsingSoon=true", as: "officerA")
                    .decode(ListPage<HardshipFileOutput>.self).items.map(\.id)
            }
            #expect(try await lapsing().isEmpty)
            // Verified on 2024-03-01, it lapses on 2025-03-01: thirty days before, it waits.
            clock.set(CivilDate("2025-01-29")!)
            #expect(try await lapsing().isEmpty)
            clock.set(CivilDate("2025-01-30")!)
            #expect(try await lapsing() == [file.id])
            var officer = try await Browser.signedIn(world, as: "officerA")
            let html = try await officer.get("/").body.string
            #expect(html.contains("<strong>1</strong> 份困难档案 30 日内到期待复核"))
            #expect(html.contains("/hardship-files?lapsingSoon=true"))
            // Once lapsed it is no longer "lapsing": the lapsed list has it.
            clock.set(CivilDate("2025-03-01")!)
            #expect(try await lapsing().isEmpty)
        }
    }

    @Test func fromAHardshipFileToAPaidScholarship() async throws {
        try await TestWorld.run { world in
            _ = Self.clock(world, "2024-08-01")
            #expect(try await world.api(.GET, "api/v1/hardship-files", as: "officerA").status == .forbidden)
            try await Self.handlers(world)
            let missing = try await world.api(
                .POST, "api/v1/hardship-files", as: "enterprise",
                body: HardshipFileInput(memberId: world.memberA, level: .deep, cause: "工伤"))
            #expect(missing.status == .unprocessableEntity && missing.errorField == "householdSize")
            #expect(
                try await world.api(
                    .POST, "api/v1/hardship-files", as: "enterprise",
                    body: HardshipFileInput(memberId: world.memberA, level: .deep, cause: "工伤", householdSize: 3, incomePerHeadFen: -1)
                ).errorField == "incomePerHeadFen")
            let created = try await world.api(
                .POST, "api/v1/hardship-files", as: "enterprise",
                body: HardshipFileInput(memberId: world.memberA, level: .deep, cause: "工伤", householdSize: 3, incomePerHeadFen: 50_000))
            #expect(created.status == .created, "\(created.body.string)")
            let file = try created.decode(HardshipFileOutput.self)
            #expect(file.status == .pending)
            let second = try await world.api(
                .POST, "api/v1/hardship-files", as: "enterprise",
                body: HardshipFileInput(
                    memberId: world.memberA, level: .relative, cause: "重病", householdSize: 3,
                    incomePerHeadFen: 50_000))
            #expect(second.status == .conflict && second.errorField == "memberId")
            #expect(
                try await world.api(.POST, "api/v1/hardship-files/\(file.id)/verify", as: "enterprise", body: HardshipStepInput(version: 1))
                    .status == .forbidden)
            let verified = try await world.api(
                .POST, "api/v1/hardship-files/\(file.id)/verify", as: "officerA", body: HardshipStepInput(version: 1)
            ).decode(HardshipFileOutput.self)
            #expect(verified.status == .verified && verified.lapsesOn == "2025-08-01")
            #expect(
                try await world.api(.POST, "api/v1/hardship-files/\(file.id)/verify", as: "officerA", body: HardshipStepInput(version: 2))
                    .status == .conflict)

            let program = try await Self.program(world)
            #expect(
                try await world.api(
                    .POST, "api/v1/aid-applications/apply", as: "worker",
                    body: AidApplicationInput(
                        programId: program.id, childName: "梁小雨", school: "兰州大学", stage: .university, admissionYear: 2024)
                ).errorField == "childIdNumber")
            var badID = Self.application(program, child: Self.childA)
            badID.childIdNumber = String(Self.childA.dropLast()) + (Self.childA.hasSuffix("1") ? "2" : "1")
            #expect(try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: badID).errorField == "childIdNumber")
            var notCovered = Self.application(program, child: Self.childA)
            notCovered.stage = .seniorHigh
            #expect(try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: notCovered).errorField == "stage")
            var future = Self.application(program, child: Self.childA)
            future.admissionYear = 2030
            #expect(try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: future).errorField == "admissionYear")
            var badAccount = Self.application(program, child: Self.childA)
            badAccount.payeeAccount = "6222-abc"
            #expect(
                try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: badAccount).errorField == "payeeAccount")
            let applied = try await world.api(
                .POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(program, child: Self.childA))
            #expect(applied.status == .created)
            var app = try applied.decode(AidApplicationOutput.self)
            #expect(app.amountFen == 300_000 && app.hardshipFileId == file.id && !app.priorityGroup)
            #expect(app.childIdNumber == Masking.idNumber(Self.childA) && app.payeeAccount == "***************0123")
            let twice = try await world.api(
                .POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(program, child: Self.childA, name: "梁小雨"))
            #expect(twice.status == .conflict && twice.errorField == "childIdNumber")

            // Each level approves its own step, in order.
            #expect(try await step(world, app.id, "approve", as: "officerA", version: 1).status == .forbidden)
            #expect(try await step(world, app.id, "approve", as: "city", version: 1).status == .forbidden)
            app = try await step(world, app.id, "approve", as: "enterprise", version: 1).decode(AidApplicationOutput.self)
            #expect(app.status == .enterpriseApproved)
            #expect(try await step(world, app.id, "approve", as: "enterprise", version: 2).status == .forbidden)
            app = try await step(world, app.id, "approve", as: "officerA", version: 2).decode(AidApplicationOutput.self)
            #expect(try await step(world, app.id, "approve", as: "officerA", version: 3).status == .forbidden)
            app = try await step(world, app.id, "approve", as: "city", version: 3).decode(AidApplicationOutput.self)
            #expect(app.status == .approved && app.approvedDate == "2024-08-01")
            #expect(try await step(world, app.id, "reject", as: "city", version: 4, reason: "x").status == .conflict)
            #expect(try await step(world, app.id, "approve", as: "city", version: 4).status == .conflict)
            #expect(
                try await world.api(
                    .PATCH, "api/v1/aid-applications/\(app.id)", as: "city", body: AidApplicationInput(school: "西北师大", version: 4)
                ).status == .conflict)
            let afterApproval = try await world.api(.GET, "api/v1/aid-programs/\(program.id)", as: "city").decode(AidProgramOutput.self)
            #expect(afterApproval.approvedFen == 300_000 && afterApproval.remainingFen == 300_000)

            let batches = "api/v1/aid-programs/\(program.id)/batches"
            #expect(try await world.api(.POST, batches, as: "city", body: AidBatchInput(paidDate: "2024-08-02")).errorField == "paidDate")
            let batch = try await world.api(.POST, batches, as: "city", body: AidBatchInput(paidDate: "2024-08-01"))
            #expect(batch.status == .created)
            let paid = try batch.decode(AidBatchOutput.self)
            #expect(paid.count == 1 && paid.totalFen == 300_000 && paid.number == 1)
            #expect(
                try await world.api(.POST, batches, as: "city", body: AidBatchInput(paidDate: "2024-08-01")).errorField == "applicationIds")
            let bank = try await world.api(.GET, "\(batches)/\(paid.id)/bank-list?format=csv", as: "city")
            #expect(bank.status == .ok)
            #expect(
                bank.body.string.contains("6222021234567890123") && bank.body.string.contains("3000.00")
                    && bank.body.string.contains("梁东平")
            )
            let xlsx = try await world.api(.GET, "\(batches)/\(paid.id)/bank-list?format=xlsx", as: "city")
            #expect(xlsx.headers.contentType?.description.contains("spreadsheetml") == true)
            // Only the programme's own union pays and reads the bank's list; a county sees the programme but not the list.
            #expect(try await world.api(.GET, "\(batches)/\(paid.id)/bank-list?format=xlsx", as: "officerB").status == .forbidden)
            #expect(try await world.api(.POST, batches, as: "officerA", body: AidBatchInput(paidDate: "2024-08-01")).status == .forbidden)

            let mine = try await world.api(.GET, "api/v1/aid-applications/mine", as: "worker").decode([AidApplicationOutput].self)
            #expect(mine.map(\.status) == [.paid])
            let events = try await world.api(.GET, "api/v1/aid-applications/\(app.id)/events", as: "worker").decode([AidEventOutput].self)
            #expect(events.map(\.what) == ["submitted", "enterpriseApproved", "countyApproved", "approved", "paid"])
            #expect(try await world.api(.GET, "api/v1/aid-programs/\(program.id)/notice", as: "worker").status == .notFound)
            try await Self.publishNotice(world, program.id)
            let notice = try await world.api(.GET, "api/v1/aid-programs/\(program.id)/notice", as: "worker").decode([AidNoticeLine].self)
            #expect(notice.map(\.worker) == ["梁*平"] && notice.map(\.child) == ["梁*雨"])
            let stats = try await world.api(.GET, "api/v1/aid-applications/statistics", as: "city").decode(AidStatistics.self)
            #expect(stats.children == 1 && stats.paidFen == 300_000 && stats.budgetFen == 600_000 && stats.files == 1)
            // The figure's link lists the applications behind it: approved or paid.
            #expect(
                try await world.api(.GET, "api/v1/aid-applications?funded=true", as: "city").decode(Page<AidApplicationOutput>.self).items
                    .map(\.id) == [app.id])
            #expect(
                try await world.api(.GET, "api/v1/aid-applications?status=approved", as: "city").decode(Page<AidApplicationOutput>.self)
                    .items.isEmpty)
        }
    }

    /// Puts the programme's notice up for August 2024 (the tests' clock is on 2024-08-01); a longer period is refused.
    static func publishNotice(_ world: TestWorld, _ programID: UUID) async throws {
        let current = try await world.api(.GET, "api/v1/aid-programs/\(programID)", as: "city").decode(AidProgramOutput.self)
        let tooLong = AidProgramInput(noticeFrom: "2024-08-01", noticeUntil: "2024-09-30", version: current.version)
        #expect(try await world.api(.PATCH, "api/v1/aid-programs/\(programID)", as: "city", body: tooLong).errorField == "noticeUntil")
        let period = AidProgramInput(noticeFrom: "2024-08-01", noticeUntil: "2024-08-30", version: current.version)
        let set = try await world.api(.PATCH, "api/v1/aid-programs/\(programID)", as: "city", body: period)
        #expect(set.status == .ok, "\(set.body.string)")
    }

    @Test func theBudgetHoldsUnderConcurrentApprovals() async throws {
        try await TestWorld.run { world in
            _ = Self.clock(world, "2024-08-01")
            try await Self.handlers(world)
            _ = try await Self.verifiedFile(world, member: world.memberA)
            let program = try await Self.program(world, budgetFen: 600_000)
            var ids: [UUID] = []
            for (index, child) in [Self.childA, Self.childB, Self.childC].enumerated() {
                let app = try await world.api(
                    .POST, "api/v1/aid-applications/apply", as: "worker",
                    body: Self.application(
                        program, child: child,
                        name: "梁小\(index)")
                ).decode(AidApplicationOutput.self)
                _ = try await step(world, app.id, "approve", as: "admin", version: 1)
                _ = try await step(world, app.id, "approve", as: "admin", version: 2)
                ids.append(app.id)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for id in ids { group.addTask { try await step(world, id, "approve", as: "city", version: 3).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 2)
            #expect(statuses.filter { $0 == .conflict }.count == 1)
            let after = try await world.api(.GET, "api/v1/aid-programs/\(program.id)", as: "city").decode(AidProgramOutput.self)
            #expect(after.approvedFen == 600_000)
            // The budget cannot be lowered below what is approved; a payment never passes it.
            #expect(
                try await world.api(
                    .PATCH, "api/v1/aid-programs/\(program.id)", as: "city",
                    body: AidProgramInput(budgetFen: 500_000, version: after.version)
                ).errorField == "budgetFen")
            let paid = try await world.api(
                .POST, "api/v1/aid-programs/\(program.id)/batches", as: "city", body: AidBatchInput(paidDate: "2024-08-01")
            ).decode(AidBatchOutput.self)
            #expect(paid.totalFen == 600_000 && paid.count == 2)
        }
    }

    @Test func oneScholarshipPerChildEvenWhenTwoArriveAtOnce() async throws {
        try await TestWorld.run { world in
            _ = Self.clock(world, "2024-08-01")
            try await Self.handlers(world)
            _ = try await Self.verifiedFile(world, member: world.memberA)
            let program = try await Self.program(world)
            async let byWorker = world.api(
                .POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(program, child: Self.childA))
            var entered = Self.application(program, child: Self.childA)
            entered.memberId = world.memberA
            async let byOfficer = world.api(.POST, "api/v1/aid-applications", as: "officerA", body: entered)
            let statuses = [try await byWorker.status, try await byOfficer.status].sorted { $0.code < $1.code }
            #expect(statuses == [.created, .conflict])
            #expect(try await AidApplication.query(on: world.app.db).filter(\.$childIDNumber == Self.childA).count() == 1)
            // A rejected application frees the child's place for a corrected one.
            let app = try #require(try await AidApplication.query(on: world.app.db).first())
            #expect(try await step(world, try app.requireID(), "reject", as: "enterprise", version: 1).errorField == "reason")
            #expect(
                try await step(
                    world, try app.requireID(), "reject", as: "enterprise", version: 1,
                    reason: "学校信息不符"
                ).status == .ok)
            #expect(
                try await world.api(
                    .POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(program, child: Self.childA)
                ).status == .created)
            let mine = try await world.api(.GET, "api/v1/aid-applications/mine", as: "worker").decode([AidApplicationOutput].self)
            #expect(mine.contains { $0.rejectReason == "学校信息不符" })
        }
    }

    @Test func eligibilityNeedsACurrentFileOrThePriorityGroup() async throws {
        try await TestWorld.run { world in
            let clock = Self.clock(world, "2024-08-01")
            try await Self.handlers(world)
            let plain = try await Self.program(world)
            let none = try await world.api(
                .POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(plain, child: Self.childA))
            #expect(none.status == .unprocessableEntity && none.errorField == "hardshipFileId")
            var claiming = Self.application(plain, child: Self.childA)
            claiming.priorityGroup = true
            #expect(try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: claiming).errorField == "priorityGroup")
            let priority = try await world.api(
                .POST, "api/v1/aid-programs", as: "city",
                body: AidProgramInput(
                    year: 2025, name: "金秋助学（产业工人）", budgetFen: 1_000_000,
                    priorityIndustrial: true, amountsFen: ["university": 300_000])
            ).decode(AidProgramOutput.self)
            var industrial = Self.application(priority, child: Self.childA)
            industrial.priorityGroup = true
            industrial.admissionYear = 2024
            let granted = try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: industrial)
            #expect(granted.status == .created)
            #expect(try granted.decode(AidApplicationOutput.self).priorityGroup)

            // A file verified a year ago has lapsed: no aid until it is re-verified.
            let file = try await Self.verifiedFile(world, member: world.memberA)
            clock.set(CivilDate(year: 2025, month: 8, day: 1)!)
            let lapsed = try await world.api(.GET, "api/v1/hardship-files/\(file.id)", as: "officerA").decode(HardshipFileOutput.self)
            #expect(lapsed.status == .lapsed)
            let lapsedList = try await world.api(.GET, "api/v1/hardship-files?status=lapsed", as: "officerA").decode(
                Page<HardshipFileOutput>.self)
            #expect(lapsedList.items.map(\.id) == [file.id])
            let standing = try await world.api(.GET, "api/v1/aid-applications/statistics", as: "officerA").decode(AidStatistics.self)
                .filesByStatus
            #expect(standing.first { $0.key == "lapsed" }?.count == 1 && standing.first { $0.key == "verified" }?.count == 0)
            #expect(
                try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(plain, child: Self.childB))
                    .errorField == "hardshipFileId")
            #expect(
                try await world.api(.POST, "api/v1/hardship-files/\(file.id)/verify", as: "officerA", body: HardshipStepInput(version: 2))
                    .status == .conflict)
            _ = try await world.api(.POST, "api/v1/hardship-files/\(file.id)/reverify", as: "officerA", body: HardshipStepInput(version: 2))
            #expect(
                try await world.api(.POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(plain, child: Self.childB))
                    .status == .created)
            // Leaving hardship closes the file, with the reason kept; a new file can then be opened.
            #expect(
                try await world.api(.POST, "api/v1/hardship-files/\(file.id)/close", as: "enterprise", body: HardshipStepInput(version: 3))
                    .errorField == "reason")
            let closed = try await world.api(
                .POST, "api/v1/hardship-files/\(file.id)/close", as: "enterprise",
                body: HardshipStepInput(
                    version: 3,
                    reason: "配偶康复就业")
            ).decode(HardshipFileOutput.self)
            #expect(closed.status == .closed)
            #expect(
                try await world.api(
                    .PATCH, "api/v1/hardship-files/\(file.id)", as: "enterprise", body: HardshipFileInput(cause: "x", version: 4)
                ).status == .conflict)
            let history = try await world.api(.GET, "api/v1/hardship-files/\(file.id)/events", as: "officerA").decode([AidEventOutput].self)
            #expect(history.map(\.what) == ["opened", "verify", "reverify", "close"])
            #expect(
                try await world.api(
                    .POST, "api/v1/hardship-files", as: "enterprise",
                    body: HardshipFileInput(
                        memberId: world.memberA, level: .accident, cause: "车祸", householdSize: 3, incomePerHeadFen: 40_000)
                ).status == .created)
        }
    }

    @Test func childrensDataStaysWithAidOfficersInTheirSubtreeAndEveryViewIsAudited() async throws {
        try await TestWorld.run { world in
            _ = Self.clock(world, "2024-08-01")
            try await Self.handlers(world, ["city", "officerB", "enterprise"])
            let file = try await world.api(
                .POST, "api/v1/hardship-files", as: "enterprise",
                body: HardshipFileInput(
                    memberId: world.memberA, level: .relative, cause: "重病", householdSize: 4,
                    incomePerHeadFen: 60_000)
            ).decode(HardshipFileOutput.self)
            _ = try await world.api(.POST, "api/v1/hardship-files/\(file.id)/verify", as: "city", body: HardshipStepInput(version: 1))
            let program = try await Self.program(world)
            let app = try await world.api(
                .POST, "api/v1/aid-applications/apply", as: "worker", body: Self.application(program, child: Self.childA)
            ).decode(AidApplicationOutput.self)
            let path = "api/v1/aid-applications/\(app.id)"
            // officerA does not handle aid; officerB does, in another county.
            for route in [
                "api/v1/aid-applications", path, "api/v1/aid-applications/statistics", "api/v1/hardship-files",
                "api/v1/aid-applications/export?format=csv",
            ] {
                #expect(try await world.api(.GET, route, as: "officerA").status == .forbidden, "\(route)")
            }
            #expect(try await world.api(.GET, path, as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/hardship-files/\(file.id)", as: "officerB").status == .notFound)
            #expect(
                try await world.api(.GET, "api/v1/aid-applications", as: "officerB").decode(Page<AidApplicationOutput>.self).metadata.total
                    == 0)
            #expect(try await step(world, app.id, "approve", as: "officerB", version: 1).status == .notFound)
            #expect(try await world.api(.GET, "api/v1/aid-applications", as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/aid-applications/mine", as: "officerB").status == .forbidden)
            #expect(try await world.api(.GET, path, as: "expert").status == .forbidden)

            let views = { try await AuditEntry.query(on: world.app.db).filter(\.$action == .view).count() }
            let before = try await views()
            _ = try await world.api(.GET, "api/v1/aid-applications", as: "city")
            _ = try await world.api(.GET, path, as: "city")
            let export = try await world.api(.GET, "api/v1/aid-applications/export?format=csv", as: "city")
            #expect(export.body.string.contains(Masking.idNumber(Self.childA)) && !export.body.string.contains(Self.childA))
            #expect(try await views() == before + 3)
            let shown = try #require(
                try await AuditEntry.query(on: world.app.db).filter(\.$action == .view).filter(\.$entityID == app.id).first())
            #expect(shown.actorName == "city")
            let created = try #require(
                try await AuditEntry.query(on: world.app.db).filter(\.$entity == "aidApplication").filter(\.$action == .create).first())
            #expect(!(created.after ?? "").contains(Self.childA) && !(created.after ?? "").contains("梁小雨"))
        }
    }

    @Test func theWorkerAppliesFromThePhoneAndOfficersApproveOnThePages() async throws {
        try await TestWorld.run { world in
            _ = Self.clock(world, "2024-08-01")
            try await Self.handlers(world)
            _ = try await Self.verifiedFile(world, member: world.memberA)
            let program = try await Self.program(world)
            var worker = try await Browser.signedIn(world, as: "worker")
            let page = try await worker.get("/me/aid")
            #expect(page.status == .ok && page.body.string.contains("金秋助学"))
            let csrf = Browser.csrf(in: page)
            let once = try #require(Browser.field("_once", in: page.body.string))
            let form = [
                "_csrf": csrf, "_once": once, "programId": program.id.uuidString, "childName": "梁小雨", "childIdNumber": Self.childA,
                "school": "兰州大学",
                "stage": "university", "admissionYear": "2024",
            ]
            var wrong = form
            wrong["childIdNumber"] = "123"
            let refused = try await worker.post("/me/aid", form: wrong)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("梁小雨"))
            #expect(refused.body.string.contains(#"name="childIdNumber" type="text" value="123""#))
            #expect(try await worker.post("/me/aid", form: form).status == .seeOther)
            // The same form sent again lands once.
            #expect(try await worker.post("/me/aid", form: form).status == .seeOther)
            #expect(try await AidApplication.query(on: world.app.db).count() == 1)
            let app = try #require(try await AidApplication.query(on: world.app.db).first())
            var enterprise = try await Browser.signedIn(world, as: "enterprise")
            let show = try await enterprise.get("/aid-applications/\(try app.requireID())")
            #expect(show.status == .ok && show.body.string.contains("梁小雨") && !show.body.string.contains(Self.childA))
            #expect(
                try await enterprise.post(
                    "/aid-applications/\(try app.requireID())/approve", form: ["_csrf": Browser.csrf(in: show), "version": "1"]
                ).status == .seeOther)
            var city = try await Browser.signedIn(world, as: "city")
            // The dashboard counts what waits without reading a child's record: no view is logged.
            let views = try await AuditEntry.query(on: world.app.db).filter(\.$action == .view).count()
            #expect(try await city.get("/").status == .ok)
            #expect(try await AuditEntry.query(on: world.app.db).filter(\.$action == .view).count() == views)
            let list = try await city.get("/aid-applications")
            #expect(list.status == .ok && list.body.string.contains("<svg") && list.body.string.contains("梁小雨"))
            for path in [
                "/hardship-files", "/aid-programs", "/aid-programs/\(program.id)", "/aid-applications/new", "/hardship-files/new",
                "/aid-programs/new",
            ] {
                #expect(try await city.get(path).status == .ok, "\(path)")
            }
            let mine = try await worker.get("/me/aid")
            #expect(mine.body.string.contains("企业工会审核通过"))
            var expert = try await Browser.signedIn(world, as: "expert")
            #expect(try await expert.get("/aid-applications").status == .forbidden)
            // The notice is public only during its period; aid officers read it at any time.
            #expect(try await world.http.sendRequest(.GET, "/aid-notice/\(program.id)").status == .notFound)
            #expect(try await city.get("/aid-notice/\(program.id)").status == .ok)
            try await Self.publishNotice(world, program.id)
            let notice = try await world.http.sendRequest(.GET, "/aid-notice/\(program.id)")
            #expect(notice.status == .ok)
            #expect(try await world.api(.GET, "api/v1/aid-programs/\(program.id)/notice", as: "worker").status == .ok)
        }
    }
}
