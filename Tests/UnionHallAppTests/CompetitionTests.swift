import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct CompetitionTests {
    struct Setup {
        var competition: CompetitionOutput
        var event: EventOutput
        var entries: [EntryOutput]
        var clock: TestClock
        var path: String { "api/v1/competitions/\(competition.id)/events/\(event.id)" }
    }

    static func judge(_ world: TestWorld, _ name: String) async throws -> UUID {
        let user = User(
            username: name, passwordHash: try world.app.password.hash(TestWorld.password), displayName: name, role: .reviewer,
            unitID: world.city)
        try await user.create(on: world.app.db)
        return try user.requireID()
    }

    static func marks(_ event: EventOutput, _ a: Int, _ b: Int) -> SheetInput {
        SheetInput(marks: [MarkInput(itemId: event.items[0].id, marks: a), MarkInput(itemId: event.items[1].id, marks: b)])
    }

    /// The city's 2024 contest with a 保育师 event: theory 30 %, practical 70 % over two items
    /// (40 and 60 marks), one award of each kind above 60 marks, five judges (the first chief) and
    /// a sixth from 国网庆阳供电公司; four entrants.
    static func setUp(_ world: TestWorld) async throws -> Setup {
        let clock = TestClock()
        clock.set(CivilDate(year: 2024, month: 6, day: 1)!)
        world.app.current.now = { clock.now }
        let competition = try await world.api(
            .POST, "api/v1/competitions", as: "city",
            body: CompetitionInput(name: "庆阳市2024年职业技能大赛", year: 2024, organizer: "庆阳市总工会")
        ).decode(CompetitionOutput.self)
        let body = EventInput(
            trade: "保育师", kind: .individual, theoryWeight: 30, practicalWeight: 70,
            items: [
                ItemInput(name: "婴儿抚触", maximum: 4000, kind: .judgement),
                ItemInput(
                    name: "辅食制作", maximum: 6000,
                    kind: .measurement),
            ],
            expertCount: 1, pacesetterCount: 1, outstandingCount: 1, minimumTotal: 6000)
        let created = try await world.api(.POST, "api/v1/competitions/\(competition.id)/events", as: "city", body: body)
        #expect(created.status == .created)
        var event = try created.decode(EventOutput.self)
        let base = "api/v1/competitions/\(competition.id)/events/\(event.id)"
        for index in 1...5 {
            let id = try await judge(world, "judge\(index)")
            event = try await world.api(.POST, "\(base)/judges", as: "city", body: JudgeInput(userId: id, chief: index == 1)).decode(
                EventOutput.self)
        }
        let conflicted = try await judge(world, "judge6")
        event = try await world.api(
            .POST, "\(base)/judges", as: "city", body: JudgeInput(userId: conflicted, organizationId: world.employerA)
        ).decode(EventOutput.self)
        #expect(event.judges.count == 6)
        #expect(event.judges.first?.chief == true)
        var people = [world.memberA, world.memberB]
        for day in 3...4 { people.append(try await TrainingTests.member(world, day: day)) }
        var entries: [EntryOutput] = []
        for person in people {
            let response = try await world.api(.POST, "\(base)/entries", as: "city", body: EntryInput(memberId: person))
            #expect(response.status == .created)
            entries.append(try response.decode(EntryOutput.self))
        }
        for (entry, scores) in zip(entries, [(9000, 1200), (9000, 1100), (5000, 900), (6000, 900)]) {
            let response = try await world.api(
                .PUT, "\(base)/entries/\(entry.id)/theory", as: "city",
                body: TheoryInput(theoryMarks: scores.0, completionSeconds: scores.1))
            #expect(response.status == .ok)
        }
        return Setup(competition: competition, event: event, entries: entries, clock: clock)
    }

    func sheet(_ world: TestWorld, _ setup: Setup, judge: Int, entry: Int, _ input: SheetInput) async throws -> LiveResponse {
        try await world.api(
            .POST, "api/v1/judging/events/\(setup.event.id)/entries/\(setup.entries[entry].id)/sheet", as: "judge\(judge)", body: input)
    }

    func step(_ world: TestWorld, _ setup: Setup, _ step: String, noticeDays: Int? = nil) async throws -> LiveResponse {
        let version = try await world.api(.GET, setup.path, as: "city").decode(EventOutput.self).version
        return try await world.api(
            .POST, "\(setup.path)/\(step)", as: "city", body: EventStepInput(version: version, noticeDays: noticeDays))
    }

    @Test func fromEntriesToHonorsAndCertificates() async throws {
        try await TestWorld.run { world in
            let setup = try await Self.setUp(world)
            let event = setup.event
            // Refusals, each naming its field and writing nothing.
            let outsider = try await world.api(
                .POST, "api/v1/judging/events/\(event.id)/entries/\(setup.entries[0].id)/sheet", as: "expert",
                body: Self.marks(event, 3000, 5000))
            #expect(outsider.status == .forbidden)
            #expect(outsider.errorField == "judge")
            let conflict = try await sheet(world, setup, judge: 6, entry: 0, Self.marks(event, 3000, 5000))
            #expect(conflict.status == .conflict)
            #expect(conflict.errorField == "entryId")
            let above = try await sheet(world, setup, judge: 1, entry: 0, Self.marks(event, 4001, 5000))
            #expect(above.status == .unprocessableEntity)
            #expect(above.errorField == "marks")
            let partial = try await sheet(
                world, setup, judge: 1, entry: 0, SheetInput(marks: [MarkInput(itemId: event.items[0].id, marks: 100)]))
            #expect(partial.errorField == "marks")
            #expect(try await CompetitionSheet.query(on: world.app.db).count() == 0)

            // Entry 1: item A 35, 36, 37, 38, 30 (the mean of the middle three is 36), item B 50 each.
            let entryOne = [(3500, 5000), (3600, 5000), (3700, 5000), (3800, 5000), (3000, 5000)]
            for (judge, marks) in entryOne.enumerated() {
                #expect(try await sheet(world, setup, judge: judge + 1, entry: 0, Self.marks(event, marks.0, marks.1)).status == .created)
            }
            let twice = try await sheet(world, setup, judge: 2, entry: 0, Self.marks(event, 3600, 5000))
            #expect(twice.status == .conflict)
            #expect(twice.errorField == "entryId")
            for judge in 1...5 {
                _ = try await sheet(world, setup, judge: judge, entry: 1, Self.marks(event, 3600, 5000))
                _ = try await sheet(world, setup, judge: judge, entry: 2, Self.marks(event, 4000, 6000))
            }
            let early = try await step(world, setup, "publish")
            #expect(early.status == .conflict)
            #expect(early.errorField == "status")
            for judge in 1...5 {
                _ = try await sheet(world, setup, judge: judge, entry: 3, Self.marks(event, judge == 1 ? 1000 : 2000, 3000))
            }

            // Corrections go through the chief judge, with a reason.
            let sheets = try await world.api(.GET, "api/v1/judging/events/\(event.id)/sheets", as: "judge1").decode([SheetOutput].self)
            #expect(sheets.count == 20)
            let mine = try await world.api(.GET, "api/v1/judging/events/\(event.id)/sheets", as: "judge2").decode([SheetOutput].self)
            #expect(mine.count == 4)
            let wrong = try #require(sheets.first { $0.entryId == setup.entries[3].id && $0.judgeName == "judge1" })
            let correction = CorrectionInput(itemId: event.items[0].id, marks: 2000, reason: "誊写错误")
            let notChief = try await world.api(
                .POST, "api/v1/judging/events/\(event.id)/sheets/\(wrong.id)/correct", as: "judge2", body: correction)
            #expect(notChief.status == .forbidden)
            let noReason = try await world.api(
                .POST, "api/v1/judging/events/\(event.id)/sheets/\(wrong.id)/correct", as: "judge1",
                body: CorrectionInput(itemId: event.items[0].id, marks: 2000))
            #expect(noReason.errorField == "reason")
            let corrected = try await world.api(
                .POST, "api/v1/judging/events/\(event.id)/sheets/\(wrong.id)/correct", as: "judge1", body: correction
            ).decode(SheetOutput.self)
            #expect(corrected.marks.first { $0.itemId == event.items[0].id }?.marks == 2000)
            #expect(try await CompetitionCorrection.query(on: world.app.db).count() == 1)

            // Published: entries 1 and 2 tie on total and practical; the shorter time ranks first.
            let published = try await step(world, setup, "publish", noticeDays: 5)
            #expect(published.status == .ok)
            #expect(try published.decode(EventOutput.self).noticeEnds == "2024-06-05")
            let results = try await world.api(.GET, "\(setup.path)/entries", as: "city").decode([EntryOutput].self)
            #expect(results.map(\.total) == [872_000, 872_000, 850_000, 530_000])
            #expect(results.map(\.practical) == [860_000, 860_000, 1_000_000, 500_000])
            #expect(results.map(\.rank) == [2, 1, 3, 4])
            #expect(results.map(\.award) == ["technicalPacesetter", "technicalExpert", "outstandingContestant", nil])
            let closed = try await sheet(world, setup, judge: 6, entry: 1, Self.marks(event, 3000, 5000))
            #expect(closed.status == .conflict)

            // The public notice: an objection is recorded and must be resolved before finalising.
            let objection = try await world.api(
                .POST, "\(setup.path)/objections", as: "city",
                body: ObjectionInput(entryId: setup.entries[0].id, raisedBy: "选手家属", content: "对辅食制作评分有异议")
            ).decode(ObjectionOutput.self)
            // It waits on the city's dashboard, linked to the competitions it holds up.
            let waiting = try await world.api(.GET, "api/v1/competitions?openObjections=true", as: "city")
                .decode(ListPage<CompetitionOutput>.self)
            #expect(waiting.items.map(\.id) == [setup.competition.id])
            var officer = try await Browser.signedIn(world, as: "city")
            let dashboard = try await officer.get("/").body.string
            #expect(dashboard.contains("<strong>1</strong> 项赛事有待处理的异议"))
            #expect(dashboard.contains("/competitions?openObjections=true"))
            #expect(try await officer.get("/competitions?openObjections=true").body.string.contains(setup.competition.name))
            let running = try await step(world, setup, "finalise")
            #expect(running.status == .conflict)
            #expect((try running.decode(ErrorResponse.self)).error.contains("2024-06-05"))
            setup.clock.set(CivilDate(year: 2024, month: 6, day: 6)!)
            let objected = try await step(world, setup, "finalise")
            #expect(objected.status == .conflict)
            let unresolved = try await world.api(
                .POST, "\(setup.path)/objections/\(objection.id)/resolve", as: "city", body: ResolveInput(upheld: false))
            #expect(unresolved.errorField == "resolution")
            let resolved = try await world.api(
                .POST, "\(setup.path)/objections/\(objection.id)/resolve", as: "city",
                body: ResolveInput(upheld: false, resolution: "复核评分无误"))
            #expect(try resolved.decode(ObjectionOutput.self).status == .dismissed)
            #expect(
                try await world.api(.GET, "api/v1/competitions?openObjections=true", as: "city")
                    .decode(ListPage<CompetitionOutput>.self).items.isEmpty)
            let final = try await step(world, setup, "finalise")
            #expect(final.status == .ok)
            #expect(try final.decode(EventOutput.self).status == .final)
            // The winner is named in the year's report, from the final results.
            let report = try await AnnualReportTests.report(world, "year=2024", as: "city")
            let named = report.sections.first { $0.key == "competitions" }?.highlights ?? []
            let winner = try #require(try await Member.find(results.first { $0.rank == 1 }?.memberId, on: world.app.db))
            #expect(named.contains { $0.contains("竞赛第一名") && $0.contains("保育师：\(winner.name)") }, "\(named)")

            // Each award became the member's honor, once, however often finalising is retried.
            let again = try await step(world, setup, "finalise")
            #expect(again.status == .ok)
            let honors = try await Honor.query(on: world.app.db).filter(\.$source != nil).all()
            #expect(honors.count == 3)
            #expect(honors.first { $0.memberID == world.memberB }?.title == .technicalExpert)
            #expect(honors.first { $0.memberID == world.memberA }?.title == .technicalPacesetter)
            #expect(try await step(world, setup, "publish").status == .conflict)
            #expect(try await step(world, setup, "reopen").status == .conflict)

            let awarded = try await world.api(.GET, "\(setup.path)/entries", as: "city").decode([EntryOutput].self)
            let number = try #require(awarded[1].certificateNumber)
            #expect(awarded[3].certificateNumber == nil)
            let check = try await world.api(.GET, "api/v1/certificates/\(number)", as: nil)
            #expect(check.status == .ok)
            #expect(try check.decode(CertificateOutput.self).names == ["刘倩"])
            #expect(try await world.api(.GET, "api/v1/certificates/JS2024-001-001-AAAA", as: nil).status == .notFound)

            let counts = try await world.api(.GET, "api/v1/competitions/statistics?from=2024-01-01&to=2024-12-31", as: "city").decode(
                CompetitionStatistics.self)
            #expect(counts.events == 1)
            #expect(counts.entries == 4)
            #expect(counts.awards.map(\.count) == [1, 1, 1])
            // County B sees its own member's award, and nothing of the city's contest itself.
            let countyB = try await world.api(.GET, "api/v1/competitions/statistics", as: "officerB").decode(CompetitionStatistics.self)
            #expect(countyB.competitions == 0)
            #expect(countyB.awards.map(\.count) == [1, 0, 0])
            #expect(try await world.api(.GET, "api/v1/competitions/\(setup.competition.id)", as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, "\(setup.path)/entries", as: "officerB").status == .notFound)
        }
    }

    @Test func reopeningClearsTheResultsAndTheSchemeLocksOnceScored() async throws {
        try await TestWorld.run { world in
            let setup = try await Self.setUp(world)
            let locked = try await world.api(
                .PATCH, setup.path, as: "city", body: EventInput(theoryWeight: 40, practicalWeight: 60, version: setup.event.version))
            #expect(locked.status == .ok)
            for entry in 0..<4 { _ = try await sheet(world, setup, judge: 1, entry: entry, Self.marks(setup.event, 3000, 4000)) }
            let version = try await world.api(.GET, setup.path, as: "city").decode(EventOutput.self).version
            let refused = try await world.api(
                .PATCH, setup.path, as: "city", body: EventInput(theoryWeight: 50, practicalWeight: 50, version: version))
            #expect(refused.status == .conflict)
            #expect(refused.errorField == "items")
            let badWeights = try await world.api(
                .POST, "api/v1/competitions/\(setup.competition.id)/events", as: "city",
                body: EventInput(
                    trade: "焊工", kind: .individual, theoryWeight: 30, practicalWeight: 60,
                    items: [
                        ItemInput(
                            name: "平焊",
                            maximum: 10000)
                    ]))
            #expect(badWeights.errorField == "practicalWeight")
            let unknownTrade = try await world.api(
                .POST, "api/v1/competitions/\(setup.competition.id)/events", as: "city",
                body: EventInput(
                    trade: "不存在的工种", kind: .individual, theoryWeight: 30, practicalWeight: 70,
                    items: [ItemInput(name: "平焊", maximum: 10000)]))
            #expect(unknownTrade.errorField == "trade")
            #expect(try await step(world, setup, "finalise").status == .conflict)
            #expect(try await step(world, setup, "publish").status == .ok)
            #expect(try await world.api(.GET, "\(setup.path)/entries", as: "city").decode([EntryOutput].self).allSatisfy { $0.rank != nil })
            #expect(try await step(world, setup, "reopen").status == .ok)
            #expect(
                try await world.api(.GET, "\(setup.path)/entries", as: "city").decode([EntryOutput].self).allSatisfy {
                    $0.rank == nil && $0.award == nil
                })
            let late = try await world.api(
                .POST, "\(setup.path)/objections", as: "city", body: ObjectionInput(raisedBy: "某人", content: "异议"))
            #expect(late.status == .conflict)
        }
    }

    @Test func teamsAndMembersEnteringThemselves() async throws {
        try await TestWorld.run { world in
            let competition = try await world.api(
                .POST, "api/v1/competitions", as: "city",
                body: CompetitionInput(
                    name: "职工技能大赛", year: 2024,
                    organizer: "庆阳市总工会")
            ).decode(CompetitionOutput.self)
            let team = try await world.api(
                .POST, "api/v1/competitions/\(competition.id)/events", as: "city",
                body: EventInput(
                    trade: "电力电缆工", kind: .team, theoryWeight: 0, practicalWeight: 100,
                    items: [
                        ItemInput(
                            name: "电缆头制作",
                            maximum: 10000)
                    ],
                    firstPrizes: 1)
            ).decode(EventOutput.self)
            let path = "api/v1/competitions/\(competition.id)/events/\(team.id)"
            let mixed = try await world.api(
                .POST, "\(path)/entries", as: "city", body: EntryInput(teamName: "混合队", memberIds: [world.memberA, world.memberB]))
            #expect(mixed.errorField == "memberIds")
            let alone = try await world.api(
                .POST, "\(path)/entries", as: "city", body: EntryInput(teamName: "一人队", memberIds: [world.memberA]))
            #expect(alone.status == .unprocessableEntity)
            let mate = try await TrainingTests.member(world, day: 7, organization: world.employerA)
            let open = try await world.api(.GET, "api/v1/competitions/open", as: "worker").decode([EventOutput].self)
            #expect(open.map(\.id) == [team.id])
            let entered = try await world.api(
                .POST, "\(path)/enter", as: "worker",
                body: EntryInput(
                    teamName: "电缆一队",
                    memberIds: [mate]))
            #expect(entered.status == .created)
            #expect(Set(try entered.decode(EntryOutput.self).entrants.map(\.memberId)) == [world.memberA, mate])
            let twice = try await world.api(
                .POST, "\(path)/entries", as: "city", body: EntryInput(teamName: "电缆二队", memberIds: [mate, world.memberA]))
            #expect(twice.status == .conflict)
            #expect(
                try await world.api(.POST, "\(path)/entries", as: "worker", body: EntryInput(memberId: world.memberA)).status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/judging", as: "city").status == .forbidden)
        }
    }
}
