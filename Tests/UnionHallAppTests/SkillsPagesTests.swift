import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct SkillsPagesTests {
    func location(_ response: LiveResponse) -> String { response.headers.first(name: .location) ?? "" }

    @Test func anOfficerRunsAnOrderClassFromItsPages() async throws {
        try await TestWorld.run { world in
            let college = try await TrainingTests.college(world)
            var officer = try await Browser.signedIn(world, as: "officerA")
            let form = try await officer.get("/training-programs/new")
            #expect(form.status == .ok)
            #expect(form.body.string.contains("庆阳职业技术学院"))
            let csrf = Browser.csrf(in: form)
            let once = try #require(Browser.field("_once", in: form.body.string))
            var fields = [
                "_csrf": csrf, "_once": once, "kind": "orderClass", "title": "长钻班", "collegeId": college.uuidString, "places": "1",
                "startDate": "2024-03-01", "endDate": "2024-07-01", "offerSalary": "8,000",
            ]
            let refused = try await officer.post("/training-programs", form: fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("value=\"长钻班\""))
            fields["employerId"] = world.employerA.uuidString
            let created = try await officer.post("/training-programs", form: fields)
            #expect(created.status == .seeOther)
            let path = String(location(created).split(separator: "?")[0])
            var page = try await officer.get(path)
            #expect(page.body.string.contains("¥8,000.00"))
            let outside = try await officer.post("\(path)/sessions", form: ["_csrf": csrf, "date": "2024-09-01", "place": "实训楼"])
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.string.contains("2024-03-01 至 2024-07-01"))
            #expect(
                try await officer.post(
                    "\(path)/sessions",
                    form: [
                        "_csrf": csrf, "date": "2024-03-05", "place": "实训楼",
                        "headCount": "30",
                    ]
                )
                .status == .seeOther)
            #expect(try await officer.post("\(path)/enrolments", form: ["_csrf": csrf, "idNumber": TestWorld.idA]).status == .seeOther)
            let second = try await TrainingTests.member(world, day: 11)
            _ = second
            let idTwo = IDNumber.make(region: 621_002, birth: CivilDate(year: 2001, month: 4, day: 11)!, sequence: 311).value
            #expect(try await officer.post("\(path)/enrolments", form: ["_csrf": csrf, "idNumber": idTwo]).status == .seeOther)
            page = try await officer.get(path)
            #expect(page.body.string.contains("候补名单"))
            let foreign = try await officer.post("\(path)/enrolments", form: ["_csrf": csrf, "idNumber": TestWorld.idB])
            #expect(foreign.status == .unprocessableEntity)
            // A sign-in sheet with a bad row is reported row by row on the programme's page.
            let report = try await officer.upload(
                "\(path)/attendance/import", fields: ["_csrf": csrf], fileName: "sign.csv",
                bytes: TrainingTests.sheet([["2024-03-05", TestWorld.idA, "梁东平"], ["2024-03-06", TestWorld.idA, ""]]))
            #expect(report.status == .unprocessableEntity)
            #expect(report.body.string.contains("没有该项目的培训场次"))
            let imported = try await officer.upload(
                "\(path)/attendance/import", fields: ["_csrf": csrf], fileName: "sign.csv",
                bytes: TrainingTests.sheet([["2024-03-05", TestWorld.idA, "梁东平"]]))
            #expect(imported.status == .seeOther)
            let index = try await officer.get("/training-programs?from=2024-01-01&to=2024-12-31")
            #expect(index.body.string.contains(">31<"))
            #expect(index.body.string.contains("订单班"))
            #expect(try await officer.get("/partnerships").status == .ok)
            let partnershipForm = try await officer.get("/partnerships/new")
            #expect(partnershipForm.body.string.contains("name=\"status\""))
            #expect(partnershipForm.body.string.contains("实训基地"))
            #expect(try await officer.get("/partnerships?status=building").body.string.contains("建设中"))
            var worker = try await Browser.signedIn(world, as: "worker")
            #expect(try await worker.get(path).status == .forbidden)
        }
    }

    @Test func certificationsAndTheMembersCareerSection() async throws {
        try await TestWorld.run { world in
            var officer = try await Browser.signedIn(world, as: "officerB")
            let form = try await officer.get("/certifications/new?memberId=\(world.memberB)")
            #expect(form.body.string.contains("刘倩"))
            let csrf = Browser.csrf(in: form)
            let once = try #require(Browser.field("_once", in: form.body.string))
            let created = try await officer.post(
                "/certifications",
                form: [
                    "_csrf": csrf, "_once": once, "memberId": world.memberB.uuidString, "trade": "保育师",
                    "level": "3", "date": "2024-05-01", "certificateNumber": "S0001", "issuingBody": "庆阳市人社局",
                ])
            #expect(created.status == .seeOther)
            let shown = try await officer.get(location(created))
            #expect(shown.body.string.contains("未提升等级"))
            let index = try await officer.get("/certifications?from=2024-01-01&to=2024-12-31")
            #expect(index.status == .ok)
            #expect(index.body.string.contains("新增技能人才"))
            let member = try await officer.get("/members/\(world.memberB)")
            #expect(member.body.string.contains("参政议政"))
            let added = try await officer.post(
                "/members/\(world.memberB)/external-results",
                form: [
                    "_csrf": csrf, "contest": "全国育婴员职业技能竞赛", "level": "national", "year": "2024", "placing": "3",
                    "award": "三等奖",
                ])
            #expect(added.status == .seeOther)
            let bad = try await officer.post(
                "/members/\(world.memberB)/participation", form: ["_csrf": csrf, "kind": "peoplesCongressDeputy", "date": "2024-01-01"])
            #expect(location(bad).contains("careerError"))
            #expect(try await officer.get("/members/\(world.memberB)").body.string.contains("全国育婴员职业技能竞赛"))
        }
    }

    @Test func aCompetitionFromEventToCertificateInTheBrowser() async throws {
        try await TestWorld.run { world in
            let setup = try await CompetitionTests.setUp(world)
            var officer = try await Browser.signedIn(world, as: "city")
            let show = try await officer.get("/competitions/\(setup.competition.id)")
            #expect(show.body.string.contains("保育师"))
            let csrf = Browser.csrf(in: show)
            let badEvent = try await officer.post(
                "/competitions/\(setup.competition.id)/events",
                form: [
                    "_csrf": csrf, "trade": "焊工", "kind": "individual", "theoryWeight": "30", "practicalWeight": "60",
                    "items": "平焊,100",
                ])
            #expect(badEvent.status == .unprocessableEntity)
            #expect(badEvent.body.string.contains("平焊,100"))
            let event = try await officer.get("/competitions/\(setup.competition.id)/events/\(setup.event.id)")
            #expect(event.body.string.contains("judge1"))

            // Judges score on their own page, by entry number.
            var judge = try await Browser.signedIn(world, as: "judge2")
            let panel = try await judge.get("/judging")
            #expect(panel.body.string.contains("保育师"))
            let sheetPage = try await judge.get("/judging/events/\(setup.event.id)")
            #expect(!sheetPage.body.string.contains("梁东平"))
            let judgeCSRF = Browser.csrf(in: sheetPage)
            let items = setup.event.items
            let missing = try await judge.post(
                "/judging/events/\(setup.event.id)/entries/\(setup.entries[0].id)/sheet",
                form: ["_csrf": judgeCSRF, "m-\(items[0].id)": "30"])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("辅食制作"))
            let above = try await judge.post(
                "/judging/events/\(setup.event.id)/entries/\(setup.entries[0].id)/sheet",
                form: ["_csrf": judgeCSRF, "m-\(items[0].id)": "41", "m-\(items[1].id)": "50"])
            #expect(above.status == .unprocessableEntity)
            for entry in setup.entries {
                let sent = try await judge.post(
                    "/judging/events/\(setup.event.id)/entries/\(entry.id)/sheet",
                    form: ["_csrf": judgeCSRF, "m-\(items[0].id)": "35.5", "m-\(items[1].id)": "50"])
                #expect(sent.status == .seeOther)
            }
            #expect(try await judge.get("/judging/events/\(setup.event.id)").body.string.contains("已提交"))

            let current = try await world.api(.GET, setup.path, as: "city").decode(EventOutput.self).version
            let publish = try await officer.post(
                "/competitions/\(setup.competition.id)/events/\(setup.event.id)/publish",
                form: ["_csrf": csrf, "version": String(current), "noticeDays": "5"])
            #expect(publish.status == .seeOther)
            var page = try await officer.get("/competitions/\(setup.competition.id)/events/\(setup.event.id)")
            #expect(page.body.string.contains("公示期：2024-06-01 至 2024-06-05"))
            let version = try await world.api(.GET, setup.path, as: "city").decode(EventOutput.self).version
            let early = try await officer.post(
                "/competitions/\(setup.competition.id)/events/\(setup.event.id)/finalise",
                form: ["_csrf": csrf, "version": String(version)])
            #expect(early.status == .conflict)
            setup.clock.set(CivilDate(year: 2024, month: 6, day: 6)!)
            // Days later the officer signs in again.
            officer = try await Browser.signedIn(world, as: "city")
            let fresh = Browser.csrf(in: try await officer.get("/competitions/\(setup.competition.id)/events/\(setup.event.id)"))
            let final = try await officer.post(
                "/competitions/\(setup.competition.id)/events/\(setup.event.id)/finalise",
                form: ["_csrf": fresh, "version": String(version)])
            #expect(final.status == .seeOther)
            page = try await officer.get("/competitions/\(setup.competition.id)/events/\(setup.event.id)")
            #expect(page.body.string.contains("技术能手"))
            let entries = try await world.api(.GET, "\(setup.path)/entries", as: "city").decode([EntryOutput].self)
            let number = try #require(entries.compactMap(\.certificateNumber).first)
            // Anyone can open a certificate by its number, without signing in.
            let certificate = try await world.http.sendRequest(.GET, "certificates/\(number)")
            #expect(certificate.status == .ok)
            #expect(certificate.body.string.contains("荣誉证书"))
            #expect(try await world.http.sendRequest(.GET, "certificates/JS2024-999-999-ZZZZ").status == .notFound)
            let export = try await officer.get("/competitions/\(setup.competition.id)/events/\(setup.event.id)/export?format=csv")
            #expect(export.status == .ok)
            #expect(export.body.string.contains("刘倩"))
            #expect(export.body.string.contains("技术能手"))
            let index = try await officer.get("/competitions?from=2024-01-01&to=2024-12-31")
            #expect(index.body.string.contains("技术标兵"))

            var worker = try await Browser.signedIn(world, as: "worker")
            let mine = try await worker.get("/me/competitions")
            #expect(mine.status == .ok)
            #expect(mine.body.string.contains("保育师"))
            #expect(try await worker.get("/judging").status == .forbidden)
        }
    }
}
