import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct InnovationPagesTests {
    func location(_ response: LiveResponse) -> String { response.headers.first(name: .location) ?? "" }

    @Test func aWorkerSubmitsFromTheirPhoneAndFollowsTheItem() async throws {
        try await TestWorld.run { world in
            var worker = try await Browser.signedIn(world, as: "worker")
            let form = try await worker.get("/me/innovation/new")
            #expect(form.status == .ok)
            let csrf = Browser.csrf(in: form)
            let once = try #require(Browser.field("_once", in: form.body.string))
            let bad = try await worker.post(
                "/me/innovation",
                form: ["_csrf": csrf, "_once": once, "kind": "fiveSmall", "title": "电缆剥皮器", "problem": "慢", "proposal": "加导轨"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("必填") || bad.body.string.contains("field-error"))
            #expect(bad.body.string.contains("value=\"电缆剥皮器\""))
            let good = try await worker.post(
                "/me/innovation",
                form: [
                    "_csrf": csrf, "_once": once, "kind": "fiveSmall", "subKind": "smallInnovation",
                    "title": "电缆剥皮器", "problem": "慢", "proposal": "加导轨", "expectedBenefit": "3500",
                ])
            #expect(good.status == .seeOther)
            let itemPath = location(good)
            #expect(itemPath.hasPrefix("/me/innovation/"))
            // The same form again lands once.
            _ = try await worker.post(
                "/me/innovation",
                form: [
                    "_csrf": csrf, "_once": once, "kind": "fiveSmall", "subKind": "smallInnovation",
                    "title": "电缆剥皮器", "problem": "慢", "proposal": "加导轨",
                ])
            #expect(try await InnovationItem.query(on: world.app.db).count() == 1)
            let item = try #require(try await InnovationItem.query(on: world.app.db).first())

            // The officer rejects it from the item's page; the worker is told, with the reason.
            var officer = try await Browser.signedIn(world, as: "officerA")
            let page = try await officer.get("/innovation-items/\(try item.requireID())")
            #expect(page.body.string.contains("电缆剥皮器"))
            let rejected = try await officer.post(
                "/innovation-items/\(try item.requireID())/reject",
                form: ["_csrf": Browser.csrf(in: page), "version": "1", "reason": "与现有工装重复"])
            #expect(rejected.status == .seeOther)
            let me = try await worker.get("/me")
            #expect(me.body.string.contains("1 个项目有新进展"))
            let mine = try await worker.get("/me/innovation")
            #expect(mine.body.string.contains("有更新"))
            let itemPage = try await worker.get(itemPath)
            #expect(itemPage.body.string.contains("与现有工装重复"))
            #expect(!(try await worker.get("/me/innovation").body.string.contains("有更新")))
            // Officers' and reviewers' pages are not the worker's.
            #expect(try await worker.get("/innovation-items").status == .forbidden)
            #expect(try await worker.get("/reviews").status == .forbidden)
        }
    }

    @Test func officersAssignReviewersWhoScoreOnTheirOwnPage() async throws {
        try await TestWorld.run { world in
            let item = try await world.api(
                .POST, "api/v1/innovation-items", as: "officerA", body: InnovationTests.proposal(author: world.memberA)
            ).decode(InnovationItemOutput.self)
            let expert = try #require(try await User.query(on: world.app.db).filter(\.$username == "expert").first()?.requireID())
            var officer = try await Browser.signedIn(world, as: "officerA")
            let list = try await officer.get("/innovation-items")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("皮带机托辊快换工装"))
            let assigned = try await officer.post(
                "/innovation-items/reviewers",
                form: ["_csrf": Browser.csrf(in: list), "itemIds[]": item.id.uuidString, "reviewerIds[]": expert.uuidString])
            #expect(assigned.status == .seeOther)

            var reviewer = try await Browser.signedIn(world, as: "expert")
            let reviews = try await reviewer.get("/reviews")
            #expect(reviews.body.string.contains("皮带机托辊快换工装"))
            let review = try #require(try await InnovationReview.query(on: world.app.db).first())
            let sheet = try await reviewer.get("/reviews/\(try review.requireID())")
            #expect(sheet.status == .ok)
            #expect(!sheet.body.string.contains("梁东平"))
            let csrf = Browser.csrf(in: sheet)
            let notes = try await reviewer.post("/reviews/\(try review.requireID())/notes", form: ["_csrf": csrf, "notes": "现场看过"])
            #expect(notes.status == .seeOther)
            let tooHigh = try await reviewer.post(
                "/reviews/\(try review.requireID())/score",
                form: ["_csrf": csrf, "innovation": "120", "feasibility": "80", "benefit": "70"])
            #expect(tooHigh.status == .unprocessableEntity)
            #expect(tooHigh.body.string.contains("须在 0 到 100 之间"))
            #expect(tooHigh.body.string.contains("value=\"120\""))
            let scored = try await reviewer.post(
                "/reviews/\(try review.requireID())/score", form: ["_csrf": csrf, "innovation": "90", "feasibility": "80", "benefit": "70"])
            #expect(scored.status == .seeOther)
            let again = try await reviewer.get("/reviews/\(try review.requireID())")
            #expect(!again.body.string.contains("action=\"/reviews/\(try review.requireID())/score\""))
            // The officer sees the score, not the notes.
            let page = try await officer.get("/innovation-items/\(item.id)")
            #expect(page.body.string.contains("80.00"))
            #expect(!page.body.string.contains("现场看过"))
            // A refused step or payment shows again what was typed.
            let adoptedPage = try await officer.get("/innovation-items/\(item.id)")
            let adopt = try await officer.post(
                "/innovation-items/\(item.id)/adopt",
                form: ["_csrf": Browser.csrf(in: adoptedPage), "version": Browser.field("version", in: adoptedPage.body.string) ?? ""])
            #expect(adopt.status == .seeOther)
            let overPaid = try await officer.post(
                "/innovation-items/\(item.id)/subsidies", form: ["_csrf": Browser.csrf(in: adoptedPage), "amount": "123456.78"])
            #expect(overPaid.status == .unprocessableEntity)
            #expect(overPaid.body.string.contains("value=\"123456.78\""))
            let toImplement = try await officer.get("/innovation-items/\(item.id)")
            _ = try await officer.post(
                "/innovation-items/\(item.id)/implement",
                form: ["_csrf": Browser.csrf(in: adoptedPage), "version": Browser.field("version", in: toImplement.body.string) ?? ""])
            let toAssess = try await officer.get("/innovation-items/\(item.id)")
            let noMethod = try await officer.post(
                "/innovation-items/\(item.id)/assess",
                form: [
                    "_csrf": Browser.csrf(in: adoptedPage), "version": Browser.field("version", in: toAssess.body.string) ?? "",
                    "benefit": "5600000",
                ])
            #expect(noMethod.status == .unprocessableEntity)
            #expect(noMethod.body.string.contains("value=\"5600000\""))
            // Another county's officer does not see the item at all.
            var other = try await Browser.signedIn(world, as: "officerB")
            #expect(try await other.get("/innovation-items/\(item.id)").status == .notFound)
        }
    }

    @Test func importPageReportsEachBadRowAndImportsAGoodFile() async throws {
        try await TestWorld.run { world in
            var officer = try await Browser.signedIn(world, as: "city")
            let page = try await officer.get("/innovation-items/import")
            #expect(page.status == .ok)
            let csrf = Browser.csrf(in: page)
            let bad =
                "类别,标题,存在问题,建议或方案,第一作者身份证号\n合理化建议,好,问题,方案,\(TestWorld.idA)\n"
                + "未知类,坏,问题,方案,\(TestWorld.idA)\n"
            let refused = try await officer.upload(
                "/innovation-items/import", fields: ["_csrf": csrf], fileName: "items.csv", bytes: Array(bad.utf8))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("未知的创新类别"))
            #expect(refused.body.string.contains("<td data-label=\"行\">3</td>"))
            #expect(try await InnovationItem.query(on: world.app.db).count() == 0)
            let good = try await officer.upload(
                "/innovation-items/import", fields: ["_csrf": csrf], fileName: "items.xlsx",
                bytes: try Upload.fixture("innovation-items.xlsx"))
            #expect(good.status == .seeOther)
            #expect(location(good).contains("notice=imported"))
            #expect(try await InnovationItem.query(on: world.app.db).count() == 3)
            let noToken = try await officer.upload("/innovation-items/import", fields: [:], fileName: "items.csv", bytes: Array(bad.utf8))
            #expect(noToken.status == .forbidden)
        }
    }

    @Test func aLargePhotoStreamsInAndOversizedOnesAreRefusedOnThePage() async throws {
        try await TestWorld.run { world in
            let item = try await world.api(
                .POST, "api/v1/innovation-items", as: "officerA", body: InnovationTests.proposal(author: world.memberA)
            ).decode(InnovationItemOutput.self)
            var officer = try await Browser.signedIn(world, as: "officerA")
            let page = try await officer.get("/innovation-items/\(item.id)")
            let csrf = Browser.csrf(in: page)
            let photo = Upload.png + Array(repeating: 7, count: 3 * 1_048_576)
            let stored = try await officer.upload(
                "/innovation-items/\(item.id)/attachments", fields: ["_csrf": csrf], fileName: "现场.png", bytes: photo)
            #expect(stored.status == .seeOther)
            let wrong = try await officer.upload(
                "/innovation-items/\(item.id)/attachments", fields: ["_csrf": csrf], fileName: "x.png", bytes: Array("GIF89a....".utf8))
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("只能上传 JPEG、PNG 图片或 PDF 文件"))
            let huge = try await officer.upload(
                "/innovation-items/\(item.id)/attachments", fields: ["_csrf": csrf], fileName: "x.png",
                bytes: Upload.png + Array(repeating: 0, count: 7 * 1_048_576))
            #expect(huge.status == .payloadTooLarge)
            let shown = try await officer.get("/innovation-items/\(item.id)")
            #expect(shown.body.string.contains("现场.png"))
        }
    }

    @Test(arguments: [
        "/innovation-items", "/innovation-items/new", "/innovation-items/import", "/innovation-weights", "/innovation-budgets", "/patents",
        "/patents/new",
        "/innovation-items/export?format=xlsx", "/innovation-items/template?format=csv",
        "/innovation-items?sort=-seconds&minSeconds=0&kind=proposal",
    ])
    func everyOfficerPageOpens(_ path: String) async throws {
        try await TestWorld.run { world in
            var officer = try await Browser.signedIn(world, as: "officerA")
            let response = try await officer.get(path)
            #expect(response.status == .ok, "\(path)")
        }
    }

    @Test func theAdminSetsWeightsOnThePageAndOthersOnlyReadThem() async throws {
        try await TestWorld.run { world in
            var officer = try await Browser.signedIn(world, as: "officerA")
            let read = try await officer.get("/innovation-weights")
            #expect(!read.body.string.contains("name=\"innovation\""))
            #expect(
                try await officer.post(
                    "/innovation-weights",
                    form: ["_csrf": Browser.csrf(in: read), "kind": "proposal", "innovation": "40", "feasibility": "30", "benefit": "30"]
                ).status == .forbidden)
            var admin = try await Browser.signedIn(world, as: "admin")
            let page = try await admin.get("/innovation-weights")
            let bad = try await admin.post(
                "/innovation-weights",
                form: ["_csrf": Browser.csrf(in: page), "kind": "proposal", "innovation": "40", "feasibility": "30", "benefit": "20"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"20\""))
            #expect(bad.body.string.contains("三项权重之和须为 100"))
            let good = try await admin.post(
                "/innovation-weights",
                form: ["_csrf": Browser.csrf(in: page), "kind": "proposal", "innovation": "40", "feasibility": "30", "benefit": "30"])
            #expect(good.status == .seeOther)
            #expect(
                try await InnovationReviews.weights(for: .proposal, on: world.app.db)
                    == ScoreWeights(innovation: 40, feasibility: 30, benefit: 30))
            // A budget the rules refuse keeps what was typed.
            let budgets = try await admin.get("/innovation-budgets")
            let zero = try await admin.post(
                "/innovation-budgets",
                form: ["_csrf": Browser.csrf(in: budgets), "unitId": world.city.uuidString, "year": "1999", "amount": "8888"])
            #expect(zero.status == .unprocessableEntity)
            #expect(zero.body.string.contains("value=\"8888\""))
            #expect(zero.body.string.contains("value=\"1999\""))
        }
    }
}
