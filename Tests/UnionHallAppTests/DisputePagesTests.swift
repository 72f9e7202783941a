import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct DisputePagesTests {
    func location(_ response: LiveResponse) -> String {
        String((response.headers.first(name: .location) ?? "").split(separator: "?").first ?? "")
    }

    @Test func anOfficerTakesACaseFromIntakeToPayment() async throws {
        try await TestWorld.run { world in
            var officer = try await Browser.signedIn(world, as: "officerA")
            let form = try await officer.get("/dispute-cases/new")
            #expect(form.status == .ok)
            let csrf = Browser.csrf(in: form)
            let once = try #require(Browser.field("_once", in: form.body.string))
            var fields = [
                "_csrf": csrf, "_once": once, "channel": "walkIn", "type": "wageArrears", "employerName": "西峰区某建筑劳务公司",
                "claimed": "5,450",
                "summary": "拖欠三个月工资", "acceptedDate": "2024-03-20",
                "claimants": "陈帮贵,\(DisputeTests.migrantID),13912345678,农民工",
            ]
            fields["claimed"] = "-1"
            let refused = try await officer.post("/dispute-cases", form: fields)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("拖欠三个月工资"))
            fields["claimed"] = "5,450"
            let created = try await officer.post("/dispute-cases", form: fields)
            #expect(created.status == .seeOther)
            let path = location(created)
            var page = try await officer.get(path)
            #expect(page.body.string.contains(Masking.idNumber(DisputeTests.migrantID)))
            #expect(!page.body.string.contains(DisputeTests.migrantID))
            #expect(page.body.string.contains("2024-04-04"))
            #expect(try await officer.post("\(path)/mediate", form: ["_csrf": csrf, "version": "1"]).status == .seeOther)
            // A refused session keeps its notes, and the message names the field it is about.
            let undated = try await officer.post(
                "\(path)/sessions",
                form: [
                    "_csrf": csrf, "date": "2024-13-40",
                    "reason": "双方同意分两期支付",
                ])
            #expect(undated.status == .unprocessableEntity)
            #expect(undated.body.string.contains(">双方同意分两期支付</textarea>"))
            #expect(undated.body.string.contains("日期："))
            let unnoted = try await officer.post("\(path)/sessions", form: ["_csrf": csrf, "date": "2024-03-25"])
            #expect(unnoted.body.string.contains("调解记录："))
            let noAmount = try await officer.post("\(path)/settle", form: ["_csrf": csrf, "version": "2", "date": "2024-04-01"])
            #expect(noAmount.status == .unprocessableEntity)
            #expect(
                try await officer.post("\(path)/settle", form: ["_csrf": csrf, "version": "2", "date": "2024-04-01", "agreed": "5450"])
                    .status == .seeOther)
            let above = try await officer.post("\(path)/payments", form: ["_csrf": csrf, "date": "2024-04-02", "agreed": "6000"])
            #expect(above.status == .unprocessableEntity)
            #expect(above.body.string.contains("¥5,450.00"))
            #expect(
                try await officer.post("\(path)/payments", form: ["_csrf": csrf, "date": "2024-04-02", "agreed": "5450"]).status
                    == .seeOther)
            page = try await officer.get(path)
            #expect(page.body.string.contains("调解成功"))
            let index = try await officer.get("/dispute-cases?from=2024-01-01&to=2024-12-31")
            #expect(index.body.string.contains("¥5,450.00"))
            let export = try await officer.get("/dispute-cases/export?format=csv").body.string
            #expect(export.contains("西峰区某建筑劳务公司"))
            #expect(!export.contains(DisputeTests.migrantID))
        }
    }

    @Test func aWorkerAsksForMediationAndSeesEachStep() async throws {
        try await TestWorld.run { world in
            var worker = try await Browser.signedIn(world, as: "worker")
            let page = try await worker.get("/me/disputes")
            #expect(page.status == .ok)
            let csrf = Browser.csrf(in: page)
            let missing = try await worker.post(
                "/me/disputes", form: ["_csrf": csrf, "type": "wageArrears", "employerName": "国网庆阳供电公司", "claimed": "1200"])
            #expect(missing.status == .unprocessableEntity)
            let filed = try await worker.post(
                "/me/disputes",
                form: [
                    "_csrf": csrf, "type": "wageArrears", "employerName": "国网庆阳供电公司", "claimed": "1200",
                    "summary": "加班费未发",
                ])
            #expect(filed.status == .seeOther)
            let mine = try await worker.get(location(filed))
            #expect(mine.body.string.contains("已受理"))
            #expect(try await worker.get("/dispute-cases").status == .forbidden)
            var officer = try await Browser.signedIn(world, as: "officerA")
            let list = try await officer.get("/dispute-cases")
            #expect(list.body.string.contains("国网庆阳供电公司"))
        }
    }
}
