import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct MembershipTests {
    static let applicantID = IDNumber.make(region: 621_002, birth: CivilDate(year: 1990, month: 8, day: 8)!, sequence: 351).value

    func apply(_ world: TestWorld, id: String = applicantID, platform: String? = "货拉拉", organization: UUID? = nil) async throws
        -> LiveResponse
    {
        try await world.api(
            .POST, "api/v1/membership-applications", as: nil,
            body: ApplicationInput(
                name: "马师傅", idNumber: id, mobile: "13900001111", unitId: world.countyA, organizationId: organization,
                platform: platform, trade: "汽车驾驶员"))
    }

    @Test func workingDaysSkipWeekends() {
        let friday = CivilDate(year: 2026, month: 11, day: 27)!
        #expect(WorkingDays.weekday(friday) == 5)
        #expect(WorkingDays.adding(1, to: friday) == CivilDate(year: 2026, month: 11, day: 30)!)
        #expect(WorkingDays.adding(15, to: friday) == CivilDate(year: 2026, month: 12, day: 18)!)
        #expect(WorkingDays.between(friday, CivilDate(year: 2026, month: 12, day: 18)!) == 15)
        #expect(WorkingDays.between(CivilDate(year: 2026, month: 12, day: 18)!, friday) == -15)
        #expect(NameParts.of("孙学祥") == ["孙学", "学祥", "孙学祥"])
        #expect(MembershipNumber.isWellFormed(MembershipNumber.make(serial: 42)))
    }

    @Test func applyFollowApprove() async throws {
        try await TestWorld.run { world in
            let sent = try await apply(world)
            #expect(sent.status == .created, "\(sent.body.string)")
            let receipt = try sent.decode(ApplicationReceipt.self)
            #expect(receipt.status == .submitted && receipt.code.count == 8)

            // Only the pair follows it; a wrong code is as unknown as a wrong number.
            let wrong = try await world.api(.GET, "api/v1/membership-applications/status?number=\(receipt.number)&code=AAAAAAAA", as: nil)
            #expect(wrong.status == .notFound)
            let progress = try await world.api(
                .GET, "api/v1/membership-applications/status?number=\(receipt.number)&code=\(receipt.code.lowercased())", as: nil
            ).decode(ApplicationProgress.self)
            #expect(progress.status == .submitted && progress.unitName == "西峰区总工会")

            // A second application for the same person waits for the first.
            #expect(try await apply(world).status == .conflict)
            // The other county's officer neither lists nor reads it.
            let listB = try await world.api(.GET, "api/v1/membership-applications", as: "officerB").decode(ListPage<ApplicationOutput>.self)
            #expect(listB.items.isEmpty)
            let list = try await world.api(.GET, "api/v1/membership-applications", as: "officerA").decode(ListPage<ApplicationOutput>.self)
            let application = try #require(list.items.first)
            #expect(application.daysLeft != nil && application.overdue == false && application.idNumber.contains("*"))
            #expect(try await world.api(.GET, "api/v1/membership-applications/\(application.id)", as: "officerB").status == .notFound)
            let foreign = try await world.api(
                .POST, "api/v1/membership-applications/\(application.id)/approve", as: "officerB", body: ApplicationStepInput(version: 1))
            #expect(foreign.status == .notFound)

            let approvedRaw = try await world.api(
                .POST, "api/v1/membership-applications/\(application.id)/approve", as: "officerA", body: ApplicationStepInput(version: 1))
            let approved = try approvedRaw.decode(ApplicationOutput.self)
            #expect(approved.status == .approved)
            let memberID = try #require(approved.memberId)
            let member = try await world.api(.GET, "api/v1/members/\(memberID)", as: "officerA").decode(MemberOutput.self)
            #expect(member.membershipStatus == .active && member.employmentForm == .platform && member.platform == "货拉拉")
            #expect(MembershipNumber.isWellFormed(member.membershipNumber ?? ""))
            #expect(member.joinDate == CivilDate(Date()).description)
            let again = try await world.api(
                .POST, "api/v1/membership-applications/\(application.id)/reject", as: "officerA",
                body: ApplicationStepInput(version: 2, reason: "x"))
            #expect(again.status == .conflict)

            // Now a member: told to ask for a transfer, and told nothing of where they are.
            let member2 = try await apply(world)
            #expect(member2.status == .conflict)
            #expect(!member2.body.string.contains("西峰"))
        }
    }

    @Test func refusalsAndRejection() async throws {
        try await TestWorld.run { world in
            let bad = try await world.api(
                .POST, "api/v1/membership-applications", as: nil,
                body: ApplicationInput(
                    name: "x", idNumber: "620102198001011235", mobile: "13900001111", unitId: world.countyA, platform: "美团"))
            #expect(bad.errorField == "idNumber")
            #expect(try await apply(world, platform: nil).errorField == "organizationId")
            #expect(try await apply(world, platform: nil, organization: world.employerB).errorField == "organizationId")
            let existing = try await apply(world, id: TestWorld.idB)
            #expect(existing.status == .conflict)

            let receipt = try await apply(world, platform: nil, organization: world.employerA).decode(ApplicationReceipt.self)
            let id = try #require(try await MembershipApplication.query(on: world.app.db).first()?.id)
            let noReason = try await world.api(
                .POST, "api/v1/membership-applications/\(id)/reject", as: "officerA", body: ApplicationStepInput(version: 1))
            #expect(noReason.errorField == "reason")
            _ = try await world.api(
                .POST, "api/v1/membership-applications/\(id)/reject", as: "officerA",
                body: ApplicationStepInput(version: 1, reason: "非本单位职工"))
            let progress = try await world.api(
                .GET, "api/v1/membership-applications/status?number=\(receipt.number)&code=\(receipt.code)", as: nil
            ).decode(ApplicationProgress.self)
            #expect(progress.status == .rejected && progress.reason == "非本单位职工")
        }
    }

    @Test func theJoinPageAsksForThePlatformAndKeepsWhatWasTyped() async throws {
        try await TestWorld.run { world in
            var browser = Browser(world)
            let page = try await browser.get("/join?unitId=\(world.countyA)")
            #expect(page.status == .ok && page.body.string.contains("name=\"idNumber\""))
            let fields = [
                "_csrf": Browser.csrf(in: page), "unitId": world.countyA.uuidString, "name": "马师傅", "idNumber": Self.applicantID,
                "mobile": "13900001111", "employment": "platform", "platform": "",
            ]
            let refused = try await browser.post("/join", form: fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("马师傅") && refused.body.string.contains(Self.applicantID))
            var named = fields
            named["platform"] = "货拉拉"
            let sent = try await browser.post("/join", form: named)
            #expect(sent.status == .created && sent.body.string.contains("RH"))
        }
    }

    @Test func applyingIsLimitedPerAddress() async throws {
        try await TestWorld.run { world in
            for sequence in 0..<LoginThrottle.joining.freeAttempts {
                let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1991, month: 1, day: 1)!, sequence: 500 + sequence).value
                #expect(try await apply(world, id: id).status == .created)
            }
            let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1991, month: 1, day: 1)!, sequence: 600).value
            let limited = try await apply(world, id: id)
            #expect(limited.status == .tooManyRequests)
            #expect(try await MembershipApplication.query(on: world.app.db).count() == LoginThrottle.joining.freeAttempts)
        }
    }

    @Test func overdueApplicationsAreFlagged() async throws {
        try await TestWorld.run { world in
            _ = try await apply(world)
            let row = try #require(try await MembershipApplication.query(on: world.app.db).first())
            let long = CivilDate(Date()).adding(days: -40)
            row.submittedDate = long.description
            row.dueDate = WorkingDays.adding(15, to: long).description
            try await row.update(on: world.app.db)
            let overdue = try await world.api(.GET, "api/v1/membership-applications?overdue=true", as: "officerA")
                .decode(ListPage<ApplicationOutput>.self)
            #expect(overdue.items.count == 1 && overdue.items[0].overdue && (overdue.items[0].daysLeft ?? 0) < 0)
            let page = try await world.api(.GET, "membership-applications", as: nil)
            #expect(page.status != .ok)
        }
    }

    @Test func leaveRejoinAndTheDefaultList() async throws {
        try await TestWorld.run { world in
            let member = world.memberA
            let left = try await world.api(
                .POST, "api/v1/members/\(member)/leave", as: "officerA", body: Membership.StepInput(kind: .retired, version: 1))
            #expect(left.status == .ok)
            #expect(try left.decode(MemberOutput.self).membershipStatus == .retired)
            let twice = try await world.api(
                .POST, "api/v1/members/\(member)/leave", as: "officerA", body: Membership.StepInput(kind: .left, version: 2))
            #expect(twice.status == .conflict)
            let foreign = try await world.api(
                .POST, "api/v1/members/\(member)/rejoin", as: "officerB", body: Membership.StepInput(version: 2))
            #expect(foreign.status == .notFound)

            let active = try await world.api(.GET, "api/v1/members", as: "officerA").decode(ListPage<MemberOutput>.self)
            #expect(!active.items.contains { $0.id == member })
            #expect(active.metadata.total == 0)
            let former = try await world.api(.GET, "api/v1/members?membershipStatus=former", as: "officerA").decode(
                ListPage<MemberOutput>.self)
            #expect(former.items.map(\.id) == [member])
            #expect(try await world.api(.GET, "api/v1/members?membershipStatus=nonsense", as: "officerA").errorField == "membershipStatus")

            let back = try await world.api(
                .POST, "api/v1/members/\(member)/rejoin", as: "officerA", body: Membership.StepInput(date: "2001-06-01", version: 2))
            #expect(back.errorField == "date")
            let rejoined = try await world.api(
                .POST, "api/v1/members/\(member)/rejoin", as: "officerA", body: Membership.StepInput(version: 2)
            ).decode(MemberOutput.self)
            #expect(rejoined.membershipStatus == .active)
            let events = try await MembershipEvent.query(on: world.app.db).filter(\.$memberID == member).all().map(\.kind)
            #expect(Set(events) == [.joined, .retired, .rejoined])
            let total = try await world.api(.GET, "api/v1/members", as: "officerA").decode(ListPage<MemberOutput>.self).metadata.total
            #expect(total == 1)
        }
    }

    @Test func transferAcceptedMovesTheMember() async throws {
        try await TestWorld.run { world in
            let asked = try await world.api(
                .POST, "api/v1/member-transfers", as: "officerA",
                body: TransferInput(memberId: world.memberA, toUnitId: world.countyB, reason: "调动到环县工作"))
            #expect(asked.status == .created, "\(asked.body.string)")
            let transfer = try asked.decode(TransferOutput.self)
            let again = try await world.api(
                .POST, "api/v1/member-transfers", as: "worker", body: TransferInput(toUnitId: world.countyB, reason: "x"))
            #expect(again.status == .conflict)
            // officerB may not ask for a member they do not hold.
            let foreign = try await world.api(
                .POST, "api/v1/member-transfers", as: "officerB",
                body: TransferInput(memberId: world.memberA, toUnitId: world.city, reason: "x"))
            #expect(foreign.status == .unprocessableEntity)
            // Both sides see it; only the receiving side answers.
            #expect(try await world.api(.GET, "api/v1/member-transfers/\(transfer.id)", as: "officerB").status == .ok)
            let releasing = try await world.api(
                .POST, "api/v1/member-transfers/\(transfer.id)/accept", as: "officerA", body: TransferStepInput(version: 1))
            #expect(releasing.status == .forbidden, "\(releasing.body.string)")
            let incoming = try await world.api(.GET, "api/v1/member-transfers?direction=in", as: "officerB")
                .decode(ListPage<TransferOutput>.self)
            #expect(incoming.items.count == 1)
            let accepted = try await world.api(
                .POST, "api/v1/member-transfers/\(transfer.id)/accept", as: "officerB", body: TransferStepInput(version: 1)
            ).decode(TransferOutput.self)
            #expect(accepted.status == .accepted)
            let moved = try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerB").decode(MemberOutput.self)
            #expect(moved.unitId == world.countyB)
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerA").status == .notFound)
            let kinds = try await MembershipEvent.query(on: world.app.db).filter(\.$memberID == world.memberA).all()
            #expect(kinds.contains { $0.kind == .transferredOut && $0.unitID == world.teamA })
            #expect(kinds.contains { $0.kind == .transferredIn && $0.unitID == world.countyB })
            #expect(kinds.contains { $0.kind == .joined && $0.unitID == world.countyB })
        }
    }

    @Test func transferRefused() async throws {
        try await TestWorld.run { world in
            let transfer = try await world.api(
                .POST, "api/v1/member-transfers", as: "worker", body: TransferInput(toUnitId: world.countyB, reason: "搬家")
            )
            .decode(TransferOutput.self)
            #expect(transfer.unitId == world.teamA)
            let noReason = try await world.api(
                .POST, "api/v1/member-transfers/\(transfer.id)/reject", as: "officerB", body: TransferStepInput(version: 1))
            #expect(noReason.errorField == "reason")
            let refused = try await world.api(
                .POST, "api/v1/member-transfers/\(transfer.id)/reject", as: "officerB",
                body: TransferStepInput(version: 1, reason: "不在本县就业")
            ).decode(TransferOutput.self)
            #expect(refused.status == .rejected)
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerA").status == .ok)
        }
    }

    @Test func anyPartOfANameFindsTheMember() async throws {
        try await TestWorld.run { world in
            let found = try await world.api(.GET, "api/v1/members?q=东平", as: "city").decode(ListPage<MemberOutput>.self)
            #expect(found.items.map(\.id) == [world.memberA])
            let renamed = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA", body: MemberInput(name: "孙学祥", version: 1))
            #expect(renamed.status == .ok)
            let infix = try await world.api(.GET, "api/v1/members?q=学祥", as: "city").decode(ListPage<MemberOutput>.self)
            #expect(infix.items.map(\.id) == [world.memberA])
            #expect(try await world.api(.GET, "api/v1/members?q=东平", as: "city").decode(ListPage<MemberOutput>.self).items.isEmpty)
            #expect(try await world.api(.GET, "api/v1/members?q=学祥", as: "officerB").decode(ListPage<MemberOutput>.self).items.isEmpty)
        }
    }

    @Test func membershipFigures() async throws {
        try await TestWorld.run { world in
            let year = CivilDate(Date()).year
            _ = try await world.api(
                .POST, "api/v1/members/\(world.memberB)/leave", as: "officerB", body: Membership.StepInput(kind: .left, version: 1))
            _ = try await apply(world)
            let id = try #require(try await MembershipApplication.query(on: world.app.db).first()?.id)
            _ = try await world.api(
                .POST, "api/v1/membership-applications/\(id)/approve", as: "officerA", body: ApplicationStepInput(version: 1))
            let statistics = try await world.api(.GET, "api/v1/statistics?from=\(year)-01-01&to=\(year)-12-31", as: "city")
            #expect(statistics.status == .ok)
            let body = statistics.body.string
            for key in ["\"joined\"", "\"platformJoined\"", "\"transferredIn\"", "\"left\"", "\"joinRate\""] {
                #expect(body.contains(key), "\(key)")
            }
            let figures = try await MemberStatistics.compute(
                FigureQuery(
                    scope: UnitScope(unitIDs: nil, tree: try await UnitTree.load(on: world.app.db)),
                    from: CivilDate(year: year, month: 1, day: 1)!,
                    to: CivilDate(year: year, month: 12, day: 31)!, unitId: nil, today: CivilDate(Date()), db: world.app.db))
            #expect(figures.joined >= 1 && figures.platformJoined == 1 && figures.left == 1)
            #expect(figures.members == 2)
            let api = try await world.api(.GET, "api/v1/members/statistics", as: "officerB").decode(MemberStatistics.self)
            #expect(api.left == 1 && api.joined == 1 && api.members == 0)
            #expect(try await world.api(.GET, "api/v1/members/statistics?unitId=\(world.countyA)", as: "officerB").status == .notFound)
        }
    }
}

@Suite struct MembershipDemoTests {
    @Test func theDemoHoldsTheRegistersDailyBusiness() async throws {
        try await TestWorld.runEmpty { app in
            _ = try await DemoData.load(on: app, members: 1_000)
            let http = try await LiveServer.start(app)
            do {
                try await check(app, http)
            } catch {
                await http.stop()
                throw error
            }
            await http.stop()
        }
    }

    private func check(_ app: Application, _ http: LiveServer) async throws {
        let user = try #require(try await User.query(on: app.db).filter(\.$username == "qingyang").first())
        let (token, _) = try await Sessions.start(userID: user.id, kind: .api, on: app.db, environment: app.current)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        func get<T: Decodable>(_ path: String, as type: T.Type) async throws -> T {
            let response = try await http.sendRequest(.GET, path, headers: headers)
            #expect(response.status == .ok, "\(path): \(response.body.string)")
            return try response.decode(T.self)
        }
        let applications = try await get("api/v1/membership-applications?per=50", as: ListPage<ApplicationOutput>.self).items
        #expect(applications.filter { $0.status == .approved }.count == 3)
        #expect(applications.filter { $0.status == .submitted }.count == 4)
        #expect(applications.filter(\.overdue).count == 1)
        #expect(applications.contains { $0.platform == "货拉拉" } && applications.contains { $0.trade == "快递员" })
        let transfers = try await get("api/v1/member-transfers", as: ListPage<TransferOutput>.self).items
        #expect(Set(transfers.map(\.status)) == [.accepted, .requested])
        let duplicates = try await get("api/v1/members/duplicates", as: [MemberMerge.Group].self)
        #expect(Set(duplicates.map(\.reason)) == [.nameAndBirth, .mobile])
        let figures = try await MemberStatistics.compute(
            FigureQuery(
                scope: UnitScope(unitIDs: nil, tree: try await UnitTree.load(on: app.db)), from: CivilDate(year: 2024, month: 1, day: 1)!,
                to: CivilDate(year: 2024, month: 12, day: 31)!, unitId: nil, today: CivilDate(Date()), db: app.db))
        #expect(figures.transferredIn == 1 && figures.transferredOut == 1 && figures.left == 5)
        #expect(figures.headcount > figures.employedMembers && figures.joinRate > 0.8)
    }
}
