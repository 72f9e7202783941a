import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct TechProblemsTests {
    func problem(_ world: TestWorld, trade: String = "电力电缆工", date: String = "2024-03-01") -> TechProblemInput {
        TechProblemInput(
            organizationId: world.employerA, title: "电缆头局部放电", description: "中间接头运行半年后出现局部放电",
            trade: trade, raisedDate: date)
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, _ input: TechProblemStepInput, as user: String = "officerA") async throws
        -> LiveResponse
    {
        try await world.api(.POST, "api/v1/tech-problems/\(id)/\(step)", as: user, body: input)
    }

    @Test func raiseMatchSolve() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(.POST, "api/v1/tech-problems", as: "officerA", body: problem(world))
            #expect(created.status == .created)
            let raised = try created.decode(TechProblemOutput.self)
            #expect(raised.status == .raised)
            #expect(raised.unitId == world.enterpriseA)
            let early = try await step(world, raised.id, "solve", TechProblemStepInput(version: 1, solution: "x"))
            #expect(early.status == .conflict)
            let nobody = try await step(world, raised.id, "match", TechProblemStepInput(version: 1))
            #expect(nobody.errorField == "memberId")
            let matched = try await step(world, raised.id, "match", TechProblemStepInput(version: 1, memberId: world.memberA)).decode(
                TechProblemOutput.self)
            #expect(matched.status == .matched)
            #expect(matched.matchedMemberName == "梁东平")
            let before = try await step(
                world, raised.id, "solve",
                TechProblemStepInput(
                    version: 2, solution: "改进工艺",
                    date: "2024-02-01"))
            #expect(before.errorField == "date")
            let negative = try await step(
                world, raised.id, "solve", TechProblemStepInput(version: 2, solution: "改进工艺", benefitFen: -1, date: "2024-04-01"))
            #expect(negative.errorField == "benefitFen")
            let solved = try await step(
                world, raised.id, "solve", TechProblemStepInput(version: 2, solution: "改进工艺", benefitFen: 1_200_000, date: "2024-04-01")
            ).decode(TechProblemOutput.self)
            #expect(solved.status == .solved)
            #expect(try await step(world, raised.id, "close", TechProblemStepInput(version: 3, reason: "x")).status == .conflict)
        }
    }

    @Test func openProblemsByTradeAndFigures() async throws {
        try await TestWorld.run { world in
            let a = try await world.api(.POST, "api/v1/tech-problems", as: "officerA", body: problem(world, trade: "电力电缆工")).decode(
                TechProblemOutput.self)
            _ = try await world.api(.POST, "api/v1/tech-problems", as: "officerA", body: problem(world, trade: "焊工"))
            let c = try await world.api(.POST, "api/v1/tech-problems", as: "officerA", body: problem(world, trade: "焊工")).decode(
                TechProblemOutput.self)
            _ = try await step(world, a.id, "match", TechProblemStepInput(version: 1, memberId: world.memberA))
            _ = try await step(
                world, a.id, "solve", TechProblemStepInput(version: 2, solution: "方案", benefitFen: 500_000, date: "2024-05-01"))
            _ = try await step(world, c.id, "close", TechProblemStepInput(version: 1, reason: "重复"))
            let welding = try await world.api(.GET, "api/v1/tech-problems?open=true&trade=%E7%84%8A%E5%B7%A5", as: "officerA").decode(
                Page<TechProblemOutput>.self)
            #expect(welding.metadata.total == 1)
            let tree = try await UnitTree.load(on: world.app.db)
            let counts = try await TechProblemService.counts(
                scope: UnitScope(unitIDs: nil, tree: tree), list: ListQuery(from: "2024-01-01", to: "2024-12-31"), on: world.app.db)
            #expect(counts.raised == 3)
            #expect(counts.solved == 1)
            #expect(counts.open == 1)
            #expect(counts.benefitFen == 500_000)
            #expect(try await world.api(.GET, "api/v1/tech-problems/\(a.id)", as: "officerB").status == .notFound)
        }
    }

    @Test func aWorkerRaisesForTheirEmployerAndFollowsIt() async throws {
        try await TestWorld.run { world in
            let raised = try await world.api(
                .POST, "api/v1/tech-problems/raise", as: "worker",
                body: TechProblemInput(
                    title: "电缆沟积水",
                    description: "雨季电缆沟积水影响巡检"))
            #expect(raised.status == .created)
            let output = try raised.decode(TechProblemOutput.self)
            #expect(output.organizationId == world.employerA)
            #expect(try await world.api(.POST, "api/v1/tech-problems", as: "worker", body: problem(world)).status == .forbidden)
            #expect(try await world.api(.POST, "api/v1/tech-problems/raise", as: "officerA", body: problem(world)).status == .forbidden)
            var browser = try await Browser.signedIn(world, as: "worker")
            let form = try await browser.get("/me/tech-problems/new")
            #expect(form.status == .ok)
            let fields = [
                "_csrf": Browser.csrf(in: form), "_once": Browser.field("_once", in: form.body.string) ?? "", "title": "配电房温度高",
                "description": "夏季超温", "trade": "", "raisedDate": "",
            ]
            let sent = try await browser.post("/me/tech-problems", form: fields)
            #expect(sent.status == .seeOther)
            let resent = try await browser.post("/me/tech-problems", form: fields)
            #expect(resent.status == .seeOther)
            #expect(try await TechProblem.query(on: world.app.db).filter(\.$title == "配电房温度高").count() == 1)
            _ = try await world.api(
                .POST, "api/v1/tech-problems", as: "officerB",
                body: TechProblemInput(
                    organizationId: world.employerB, title: "环县电缆老化", description: "线路老化",
                    trade: "电力电缆工"))
            let me = try await browser.get("/me")
            #expect(me.body.string.contains("电缆沟积水"))
            // Open problems of the worker's trade across the city, whoever raised them.
            #expect(me.body.string.contains("本市电力电缆工工种待解决的技术难题"))
            #expect(me.body.string.contains("环县电缆老化"))
            #expect(me.body.string.contains("配电房温度高"))
            var officer = try await Browser.signedIn(world, as: "officerA")
            let index = try await officer.get("/tech-problems?open=true")
            #expect(index.body.string.contains("配电房温度高"))
            #expect(!index.body.string.contains("techProblemStatus."))
        }
    }
}
