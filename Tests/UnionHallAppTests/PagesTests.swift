import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct PagesTests {
    static let newID = IDNumber.make(region: 621_002, birth: CivilDate(year: 1992, month: 9, day: 9)!, sequence: 357).value

    func memberForm(_ world: TestWorld, csrf: String, once: String?, idNumber: String = PagesTests.newID) -> [String: String] {
        var form = [
            "_csrf": csrf, "name": "张远东", "idNumber": idNumber, "mobile": "13511112222", "unitId": world.teamA.uuidString,
            "organizationId": world.employerA.uuidString, "trade": "电力电缆工", "skillLevel": "2", "migrant": "on",
        ]
        if let once { form["_once"] = once }
        return form
    }

    @Test func anonymousVisitorsGoToLogin() async throws {
        try await TestWorld.run { world in
            var browser = Browser(world)
            let response = try await browser.get("/members")
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location)?.hasPrefix("/login?next=") == true)
        }
    }

    @Test func loginNeedsCSRFAndRenewsTheSession() async throws {
        try await TestWorld.run { world in
            var browser = Browser(world)
            let form = try await browser.get("/login")
            let anonymous = try #require(browser.cookies[Sessions.cookieName])
            let withoutToken = try await browser.post("/login", form: ["username": "officerA", "password": TestWorld.password])
            #expect(withoutToken.status == .forbidden)
            let wrong = try await browser.post(
                "/login", form: ["username": "officerA", "password": "nope", "_csrf": Browser.csrf(in: form)])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("用户名或密码不正确"))
            #expect(wrong.body.string.contains("value=\"officerA\""))
            let good = try await browser.post(
                "/login",
                form: ["username": "officerA", "password": TestWorld.password, "_csrf": Browser.csrf(in: form), "next": "/members"])
            #expect(good.status == .seeOther)
            #expect(good.headers.first(name: .location) == "/members")
            #expect(browser.cookies[Sessions.cookieName] != anonymous)
            #expect(try await AuthSession.query(on: world.app.db).filter(\.$tokenHash == Sessions.hash(anonymous)).count() == 0)
            let page = try await browser.get("/members")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("梁东平"))
            #expect(!page.body.string.contains("刘倩"))
        }
    }

    @Test func loginRefusesOffSiteRedirects() {
        #expect(LoginPages.safeNext("https://evil.example/") == "/")
        #expect(LoginPages.safeNext("//evil.example/") == "/")
        #expect(LoginPages.safeNext("/members?q=1") == "/members?q=1")
    }

    @Test func logoutEndsTheSession() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let home = try await browser.get("/")
            let out = try await browser.post("/logout", form: ["_csrf": Browser.csrf(in: home)])
            #expect(out.status == .seeOther)
            #expect(try await browser.get("/members").status == .seeOther)
        }
    }

    @Test func formsWithoutTheTokenAreRefused() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let response = try await browser.post("/members", form: memberForm(world, csrf: "forged", once: nil))
            #expect(response.status == .forbidden)
            #expect(try await Member.query(on: world.app.db).count() == 2)
        }
    }

    @Test func submittingACreateFormTwiceMakesOneRecord() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let form = try await browser.get("/members/new")
            #expect(form.status == .ok)
            let once = try #require(Browser.field("_once", in: form.body.string))
            let fields = memberForm(world, csrf: Browser.csrf(in: form), once: once)
            let first = try await browser.post("/members", form: fields)
            let second = try await browser.post("/members", form: fields)
            #expect(first.status == .seeOther)
            #expect(second.status == .seeOther)
            let location = try #require(first.headers.first(name: .location))
            #expect(location.hasPrefix(second.headers.first(name: .location) ?? "-"))
            #expect(try await Member.query(on: world.app.db).filter(\.$idNumber == Self.newID).count() == 1)
            let shown = try await browser.get(location)
            #expect(shown.body.string.contains("张远东"))
            #expect(shown.body.string.contains(Masking.idNumber(Self.newID)))
            #expect(!shown.body.string.contains(Self.newID))
        }
    }

    @Test func aRejectedFormKeepsWhatWasTypedAndNamesTheField() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let form = try await browser.get("/members/new")
            let response = try await browser.post(
                "/members", form: memberForm(world, csrf: Browser.csrf(in: form), once: "x1", idNumber: "621002199209093571"))
            #expect(response.status == .unprocessableEntity)
            let html = response.body.string
            #expect(html.contains("身份证号校验位不正确"))
            #expect(html.contains("value=\"张远东\""))
            #expect(html.contains("value=\"621002199209093571\""))
            #expect(html.contains("aria-invalid=\"true\""))
        }
    }

    @Test func revealIsAuditedAndTheEditFormStaysMasked() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let show = try await browser.get("/members/\(world.memberA)")
            #expect(!show.body.string.contains(TestWorld.idA))
            let revealed = try await browser.post("/members/\(world.memberA)/reveal", form: ["_csrf": Browser.csrf(in: show)])
            #expect(revealed.body.string.contains(TestWorld.idA))
            #expect(try await AuditEntry.query(on: world.app.db).filter(\.$action == .reveal).count() == 1)
            let edit = try await browser.get("/members/\(world.memberA)/edit")
            #expect(!edit.body.string.contains(TestWorld.idA))
            // Saving the form untouched keeps the real ID and phone.
            var fields = memberForm(world, csrf: Browser.csrf(in: edit), once: nil, idNumber: Masking.idNumber(TestWorld.idA))
            fields["mobile"] = "138****5678"
            fields["name"] = "梁东平"
            fields["version"] = "1"
            let saved = try await browser.post("/members/\(world.memberA)", form: fields)
            #expect(saved.status == .seeOther)
            let stored = try await Member.find(world.memberA, on: world.app.db)
            #expect(stored?.idNumber == TestWorld.idA)
            #expect(stored?.mobile == "13812345678")
            #expect(stored?.migrant == true)
        }
    }

    @Test func aStaleEditShowsTheNewerData() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let edit = try await browser.get("/members/\(world.memberA)/edit")
            _ = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "city",
                body: MemberInput(
                    name: "梁东平（已改）",
                    version: 1))
            var fields = memberForm(world, csrf: Browser.csrf(in: edit), once: nil, idNumber: Masking.idNumber(TestWorld.idA))
            fields["version"] = "1"
            let response = try await browser.post("/members/\(world.memberA)", form: fields)
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("该记录已被他人修改"))
            #expect(response.body.string.contains("梁东平（已改）"))
            #expect(try await Member.find(world.memberA, on: world.app.db)?.name == "梁东平（已改）")
        }
    }

    @Test func anotherCountysPagesAre404() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerB")
            #expect(try await browser.get("/members/\(world.memberA)").status == .notFound)
            #expect(try await browser.get("/members/\(world.memberA)/edit").status == .notFound)
            #expect(try await browser.get("/units/\(world.countyA)").status == .notFound)
            #expect(try await browser.get("/organizations/\(world.employerA)").status == .notFound)
            let home = try await browser.get("/")
            let delete = try await browser.post("/members/\(world.memberA)/delete", form: ["_csrf": Browser.csrf(in: home)])
            #expect(delete.status == .notFound)
            #expect(try await Member.find(world.memberA, on: world.app.db)?.deletedAt == nil)
        }
    }

    @Test func englishIsSwitchableAndRemembered() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            browser.language = "en-US,en"
            #expect(try await browser.get("/members").body.string.contains("职工名册"))
            let switched = try await browser.get("/lang/en?next=%2Fmembers")
            #expect(switched.headers.first(name: .location) == "/members")
            let page = try await browser.get("/members")
            #expect(page.body.string.contains("Member register"))
            #expect(page.body.string.contains("lang=\"en\""))
        }
    }

    @Test func everyPageRendersForItsRoles() async throws {
        try await TestWorld.run { world in
            var admin = try await Browser.signedIn(world, as: "admin")
            for path in [
                "/", "/members", "/members/new", "/members/\(world.memberA)", "/members/\(world.memberA)/edit", "/organizations",
                "/organizations/new", "/organizations/\(world.employerA)", "/organizations/\(world.employerA)/edit", "/units",
                "/units?q=西峰", "/units/new", "/units/\(world.countyA)", "/units/\(world.countyA)/edit", "/users", "/users/new", "/audit",
                "/members?deleted=true", "/members?q=ldp&skilled=true&sort=skillLevel", "/honors", "/honors/new",
                "/honors?roster=true&sort=name&year=2024", "/honors/new?memberId=\(world.memberA)",
            ] {
                let response = try await admin.get(path)
                #expect(response.status == .ok, "\(path)")
                #expect(!response.body.string.contains("error."), "\(path) shows a raw message key")
            }
            var worker = try await Browser.signedIn(world, as: "worker")
            #expect(try await worker.get("/").status == .ok)
            #expect(try await worker.get("/members").status == .forbidden)
            #expect(try await worker.get("/users").status == .forbidden)
        }
    }

    @Test func aWorkerSeesTheirOwnRecordAndNothingElse() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "worker")
            let home = try await browser.get("/")
            #expect(home.body.string.contains("href=\"/me\""))
            let me = try await browser.get("/me")
            #expect(me.status == .ok)
            #expect(me.body.string.contains("梁东平"))
            #expect(me.body.string.contains(TestWorld.idA))
            #expect(try await browser.get("/members/\(world.memberA)").status == .forbidden)
            let logins = try await AuditEntry.query(on: world.app.db).filter(\.$action == .login).count()
            #expect(logins == 1)
        }
    }

    @Test func unitAndOrganizationFormsWork() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let unitForm = try await browser.get("/units/new")
            let unit = try await browser.post(
                "/units",
                form: [
                    "_csrf": Browser.csrf(in: unitForm), "_once": "u1", "name": "新班组", "kind": "team",
                    "parentId": world.enterpriseA.uuidString,
                ])
            #expect(unit.status == .seeOther)
            let bad = try await browser.post(
                "/units",
                form: [
                    "_csrf": Browser.csrf(in: unitForm), "_once": "u2", "name": "", "kind": "team",
                    "parentId": world.enterpriseA.uuidString,
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("此项为必填项"))
            let unitPage = try await browser.get("/units/\(world.teamA)")
            let refused = try await browser.post("/units/\(world.teamA)/delete", form: ["_csrf": Browser.csrf(in: unitPage)])
            #expect(refused.status == .seeOther)
            let explained = try await browser.get(try #require(refused.headers.first(name: .location)))
            #expect(explained.body.string.contains("该工会下还有下级组织、单位或职工，不能删除"))
            #expect(try await UnionUnit.find(world.teamA, on: world.app.db)?.deletedAt == nil)
            let orgForm = try await browser.get("/organizations/new")
            let org = try await browser.post(
                "/organizations",
                form: [
                    "_csrf": Browser.csrf(in: orgForm), "_once": "o1", "name": "陇东学院", "kind": "college", "creditCode": "",
                    "unitId": world.countyA.uuidString,
                ])
            #expect(org.status == .seeOther)
            let badCode = try await browser.post(
                "/organizations",
                form: [
                    "_csrf": Browser.csrf(in: orgForm), "_once": "o2", "name": "某公司", "kind": "employer",
                    "creditCode": "91350100M000100Y44", "unitId": world.countyA.uuidString,
                ])
            #expect(badCode.status == .unprocessableEntity)
            #expect(badCode.body.string.contains("统一社会信用代码校验位不正确"))
        }
    }
}
