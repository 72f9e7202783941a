import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct MembersAPITests {
    static let newID = IDNumber.make(region: 621_002, birth: CivilDate(year: 1988, month: 8, day: 8)!, sequence: 135).value

    func input(
        _ world: TestWorld, idNumber: String = MembersAPITests.newID, unit: UUID? = nil, mobile: String? = "15012345678",
        gender: Gender? = nil, trade: String? = "焊工"
    ) -> MemberInput {
        MemberInput(
            name: "张远东", gender: gender, idNumber: idNumber, mobile: mobile, unitId: unit ?? world.enterpriseA,
            organizationId: .set(world.employerA), trade: trade, skillLevel: 2, migrant: false, hardship: false, version: nil)
    }

    /// Titles are kept with their history: the figures count promotions to a senior title from
    /// those changes, and a studio's "members promoted" comes from its team's, never from a typed line.
    @Test func aTitleChangeIsKeptAndCountedAndAPostIsBounded() async throws {
        try await TestWorld.run { world in
            var body = input(world)
            body.professionalTitle = .intermediate
            body.post = " 安全监督员 "
            let member = try await world.api(.POST, "api/v1/members", as: "officerA", body: body).decode(MemberOutput.self)
            #expect(member.professionalTitle == .intermediate && member.post == "安全监督员")
            let tooLong = try await world.api(
                .PATCH, "api/v1/members/\(member.id)", as: "officerA",
                body: MemberInput(post: String(repeating: "岗", count: 31), version: 1))
            #expect(tooLong.errorField == "post")
            let promoted = try await world.api(
                .PATCH, "api/v1/members/\(member.id)", as: "officerA", body: MemberInput(professionalTitle: .associateSenior, version: 1)
            ).decode(MemberOutput.self)
            #expect(promoted.professionalTitle == .associateSenior && promoted.post == "安全监督员")
            // The same title again is no change; a step within the senior titles is no promotion.
            _ = try await world.api(
                .PATCH, "api/v1/members/\(member.id)", as: "officerA", body: MemberInput(professionalTitle: .associateSenior, version: 2))
            _ = try await world.api(
                .PATCH, "api/v1/members/\(member.id)", as: "officerA", body: MemberInput(professionalTitle: .senior, version: 3))
            let changes = try await MemberTitleChange.query(on: world.app.db).filter(\.$memberID == member.id).sort(\.$to).all()
            #expect(changes.map(\.to) == [.associateSenior, .intermediate, .senior] && changes.filter(\.toSenior).count == 1)

            let tree = try await UnitTree.load(on: world.app.db)
            let today = CivilDate(Date())
            func figures(_ root: UUID) async throws -> MemberStatistics {
                try await MemberStatistics.compute(
                    FigureQuery(
                        scope: UnitScope(unitIDs: tree.subtree(of: root), tree: tree), from: CivilDate(year: today.year, month: 1, day: 1)!,
                        to: today, unitId: nil, today: today, db: world.app.db))
            }
            #expect(try await figures(world.countyA).promotedToSenior == 1)
            #expect(try await figures(world.countyB).promotedToSenior == 0)

            let studio = try await world.api(
                .POST, "api/v1/studios", as: "officerA",
                body: StudioInput(
                    name: "电缆创新工作室", kind: .craftsmanStudio, level: .city, yearNamed: today.year,
                    namedBy: "庆阳市总工会",
                    leadId: world.memberA)
            ).decode(StudioOutput.self)
            #expect(studio.figures["membersPromoted"] == nil)
            let typed = try await world.api(
                .POST, "api/v1/studios/\(studio.id)/results", as: "officerA",
                body: StudioResultInput(kind: .membersPromoted, title: "晋升高级职称", year: today.year, quantity: 59))
            #expect(typed.errorField == "kind")
            _ = try await world.api(
                .POST, "api/v1/studios/\(studio.id)/members", as: "officerA", body: StudioMemberInput(memberId: member.id))
            let counted = try await world.api(.GET, "api/v1/studios/\(studio.id)", as: "officerA").decode(StudioOutput.self)
            #expect(counted.figures["membersPromoted"] == 1)
            var browser = try await Browser.signedIn(world, as: "officerA")
            let page = try await browser.get("/members/\(member.id)").body.string
            #expect(page.contains("正高级") && page.contains("安全监督员"))
            #expect(try await browser.get("/members/\(member.id)/edit").body.string.contains(#"name="professionalTitle""#))
        }
    }

    @Test func createReturnsTheMemberMasked() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(.POST, "api/v1/members", as: "officerA", body: input(world))
            #expect(response.status == .created)
            let member = try response.decode(MemberOutput.self)
            #expect(member.idNumber == Masking.idNumber(Self.newID))
            #expect(member.mobile == "150****5678")
            #expect(member.gender == .male)
            #expect(member.masked)
            #expect(member.version == 1)
            let stored = try await Member.find(member.id, on: world.app.db)
            #expect(stored?.idNumber == Self.newID)
            #expect(stored?.pinyin == "zhangyuandong")
            #expect(stored?.initials == "zyd")
        }
    }

    @Test(arguments: [
        ("idNumber", "621002198808081350", "error.idNumber.checksum"),
        ("mobile", "1501234567", "error.mobile.invalid"),
        ("trade", "宇航员", "error.trade.unknown"),
        ("gender", "female", "error.gender.mismatch"),
    ])
    func invalidFieldIs422AndWritesNothing(_ field: String, _ value: String, _ key: String) async throws {
        try await TestWorld.run { world in
            var body = input(world)
            switch field {
            case "idNumber": body.idNumber = value
            case "mobile": body.mobile = value
            case "trade": body.trade = value
            default: body.gender = Gender(rawValue: value)
            }
            let before = try await Member.query(on: world.app.db).count()
            let response = try await world.api(.POST, "api/v1/members", as: "officerA", body: body)
            #expect(response.status == .unprocessableEntity)
            let error = try response.decode(ErrorResponse.self)
            #expect(error.field == field)
            #expect(error.error == world.app.localizer.text(key, .zhHans))
            #expect(try await Member.query(on: world.app.db).count() == before)
            #expect(try await AuditEntry.query(on: world.app.db).count() == 0)
        }
    }

    @Test func errorsAnswerInEnglishWhenAsked() async throws {
        try await TestWorld.run { world in
            var body = input(world)
            body.idNumber = "621002198808081350"
            let response = try await world.api(
                .POST, "api/v1/members", as: "officerA", body: body, headers: ["Accept-Language": "en-GB,en"])
            #expect(try response.decode(ErrorResponse.self).error == "The ID's check character is wrong; please check the number.")
        }
    }

    @Test func errorsNeverEchoPersonalData() async throws {
        try await TestWorld.run { world in
            var body = input(world)
            body.idNumber = "62100219880808135"
            let response = try await world.api(.POST, "api/v1/members", as: "officerA", body: body)
            #expect(!response.body.string.contains("62100219880808135"))
        }
    }

    @Test func duplicateIDIs409EvenWhenTheOtherIsDeleted() async throws {
        try await TestWorld.run { world in
            let first = try await world.api(.DELETE, "api/v1/members/\(world.memberA)", as: "officerA")
            #expect(first.status == .noContent)
            let response = try await world.api(.POST, "api/v1/members", as: "officerA", body: input(world, idNumber: TestWorld.idA))
            #expect(response.status == .conflict)
            #expect(response.errorField == "idNumber")
        }
    }

    @Test func missingRequiredFieldNamesIt() async throws {
        try await TestWorld.run { world in
            var body = input(world)
            body.name = "  "
            let response = try await world.api(.POST, "api/v1/members", as: "officerA", body: body)
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "name")
        }
    }

    @Test func malformedBodyIs400() async throws {
        try await TestWorld.run { world in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await world.token("officerA"))
            headers.contentType = .json
            let response = try await world.http.sendRequest(
                .POST, "api/v1/members", headers: headers, body: ByteBuffer(string: "{\"name\": 5"))
            #expect(response.status == .badRequest)
            let typed = try await world.http.sendRequest(
                .POST, "api/v1/members", headers: headers, body: ByteBuffer(string: "{\"skillLevel\": \"high\"}"))
            #expect(typed.status == .badRequest)
            #expect(typed.errorField == "skillLevel")
        }
    }

    // MARK: Scope

    @Test func officerCannotTouchAnotherCountysMember() async throws {
        try await TestWorld.run { world in
            let path = "api/v1/members/\(world.memberA)"
            #expect(try await world.api(.GET, path, as: "officerB").status == .notFound)
            #expect(try await world.api(.PATCH, path, as: "officerB", body: MemberInput(name: "改名", version: 1)).status == .notFound)
            #expect(try await world.api(.DELETE, path, as: "officerB").status == .notFound)
            #expect(try await world.api(.POST, path + "/restore", as: "officerB").status == .notFound)
            let stored = try await Member.find(world.memberA, on: world.app.db)
            #expect(stored?.name == "梁东平")
            #expect(stored?.deletedAt == nil)
            // Their own county's member is theirs to read, and the city officer sees both.
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberB)", as: "officerB").status == .ok)
            #expect(try await world.api(.GET, path, as: "city").status == .ok)
        }
    }

    @Test func listsShowOnlyTheSubtree() async throws {
        try await TestWorld.run { world in
            let a = try await world.api(.GET, "api/v1/members", as: "officerA").decode(Page<MemberOutput>.self)
            #expect(a.items.map(\.name) == ["梁东平"])
            let all = try await world.api(.GET, "api/v1/members", as: "city").decode(Page<MemberOutput>.self)
            #expect(all.metadata.total == 2)
            #expect(try await world.api(.GET, "api/v1/members?unitId=\(world.countyA)", as: "officerB").status == .notFound)
        }
    }

    @Test func officerCannotMoveAMemberOutOfTheirSubtree() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA", body: MemberInput(unitId: world.countyB, version: 1))
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "unitId")
            let organization = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA",
                body: MemberInput(organizationId: .set(world.employerB), version: 1))
            #expect(organization.errorField == "organizationId")
            #expect(try await Member.find(world.memberA, on: world.app.db)?.unitID == world.teamA)
        }
    }

    @Test func rolesWithoutTheRegisterAreRefused() async throws {
        try await TestWorld.run { world in
            let reviewer = try await world.api(.GET, "api/v1/members", as: "expert")
            #expect(reviewer.status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/members", as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/members", as: nil).status == .unauthorized)
            // A worker reads their own record and nobody else's.
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "worker").status == .ok)
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberB)", as: "worker").status == .notFound)
        }
    }

    // MARK: Masking and audit

    @Test func revealShowsFullDataAndIsAudited() async throws {
        try await TestWorld.run { world in
            let masked = try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerA").decode(MemberOutput.self)
            #expect(masked.idNumber == Masking.idNumber(TestWorld.idA))
            let revealed = try await world.api(.GET, "api/v1/members/\(world.memberA)?reveal=true", as: "officerA").decode(
                MemberOutput.self)
            #expect(revealed.idNumber == TestWorld.idA)
            #expect(revealed.mobile == "13812345678")
            #expect(!revealed.masked)
            let entries = try await AuditEntry.query(on: world.app.db).filter(\.$action == .reveal).all()
            #expect(entries.count == 1)
            #expect(entries.first?.entityID == world.memberA)
            #expect(entries.first?.actorName == "officera")
        }
    }

    @Test func updateIsAuditedWithBeforeAndAfter() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA",
                body: MemberInput(mobile: "13900001111", skillLevel: 1, version: 1))
            #expect(response.status == .ok)
            let member = try response.decode(MemberOutput.self)
            #expect(member.version == 2)
            #expect(member.skillLevel == 1)
            let entry = try #require(try await AuditEntry.query(on: world.app.db).filter(\.$action == .update).first())
            let before = Audit.decode(entry.before)
            let after = Audit.decode(entry.after)
            #expect(before["skillLevel"] == "2")
            #expect(after["skillLevel"] == "1")
            #expect(after["mobile"] == "139****1111")
            #expect(entry.before?.contains("13812345678") == false)
        }
    }

    @Test func staleVersionIs409AndChangesNothing() async throws {
        try await TestWorld.run { world in
            let first = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA", body: MemberInput(name: "梁东平一", version: 1))
            #expect(first.status == .ok)
            let second = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "city", body: MemberInput(name: "梁东平二", version: 1))
            #expect(second.status == .conflict)
            #expect(second.errorField == "version")
            #expect(try await Member.find(world.memberA, on: world.app.db)?.name == "梁东平一")
            let missing = try await world.api(.PATCH, "api/v1/members/\(world.memberA)", as: "city", body: MemberInput(name: "x"))
            #expect(missing.errorField == "version")
        }
    }

    @Test func softDeleteHidesAndRestoreBringsBack() async throws {
        try await TestWorld.run { world in
            #expect(try await world.api(.DELETE, "api/v1/members/\(world.memberA)", as: "officerA").status == .noContent)
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerA").status == .notFound)
            let deleted = try await world.api(.GET, "api/v1/members?deleted=true", as: "officerA").decode(Page<MemberOutput>.self)
            #expect(deleted.items.map(\.id) == [world.memberA])
            #expect(try await world.api(.POST, "api/v1/members/\(world.memberA)/restore", as: "officerA").status == .ok)
            #expect(try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerA").status == .ok)
            let actions = try await AuditEntry.query(on: world.app.db).filter(\.$entityID == world.memberA).sort(\.$at).all().map(\.action)
            #expect(actions == [.delete, .restore])
        }
    }

    @Test func perUnitCountsFollowEveryWrite() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(.POST, "api/v1/members", as: "city", body: input(world)).decode(MemberOutput.self)
            _ = try await world.api(
                .PATCH, "api/v1/members/\(created.id)", as: "city", body: MemberInput(unitId: world.countyB, version: 1))
            _ = try await world.api(.DELETE, "api/v1/members/\(world.memberA)", as: "city")
            _ = try await world.api(.DELETE, "api/v1/members/\(world.memberB)", as: "city")
            _ = try await world.api(.POST, "api/v1/members/\(world.memberB)/restore", as: "city")
            let db = world.app.db
            for unit in [world.teamA, world.enterpriseA, world.countyB] {
                let actual = try await Member.query(on: db).filter(\.$unitID == unit).filter(\.$deletedAt == nil).count()
                #expect(try await MemberCounts.total(in: [unit], on: db) == actual)
            }
            #expect(try await MemberCounts.total(in: nil, on: db) == 2)
            let page = try await world.api(.GET, "api/v1/members", as: "officerB").decode(Page<MemberOutput>.self)
            #expect(page.metadata.total == 2)
            #expect(page.items.count == 2)
        }
    }

    // MARK: Search

    @Test(arguments: ["孫學祥", "孙学", "sunxuexiang", "sunx", "sxx", "SXX", "1111", "2468"])
    func findsByScriptPinyinInitialsOrDigits(_ query: String) async throws {
        try await TestWorld.run { world in
            let sun = IDNumber.make(region: 620_302, birth: CivilDate(year: 1972, month: 3, day: 14)!, sequence: 111)
            var body = input(world, idNumber: sun.value, mobile: "13700002468")
            body.name = "孙学祥"
            #expect(try await world.api(.POST, "api/v1/members", as: "city", body: body).status == .created)
            let encoded = query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query
            let page = try await world.api(.GET, "api/v1/members?q=\(encoded)", as: "city").decode(Page<MemberOutput>.self)
            if query == "1111" {
                #expect(page.items.map(\.name).contains("孙学祥") == (sun.lastFour == "1111"))
            } else {
                #expect(page.items.map(\.name) == ["孙学祥"])
            }
        }
    }

    @Test func listPagesAndSorts() async throws {
        try await TestWorld.run { world in
            for (index, name) in ["安然", "白雪", "陈晨"].enumerated() {
                let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1990, month: 1, day: 1 + index)!, sequence: 201 + index * 2)
                var body = input(world, idNumber: id.value)
                body.name = name
                #expect(try await world.api(.POST, "api/v1/members", as: "city", body: body).status == .created)
            }
            let first = try await world.api(.GET, "api/v1/members?per=2&page=1", as: "city").decode(Page<MemberOutput>.self)
            #expect(first.items.map(\.name) == ["安然", "白雪"])
            #expect(first.metadata.total == 5)
            let last = try await world.api(.GET, "api/v1/members?per=2&page=3", as: "city").decode(Page<MemberOutput>.self)
            #expect(last.items.map(\.name) == ["刘倩"])
            let descending = try await world.api(.GET, "api/v1/members?per=1&sort=-name", as: "city").decode(Page<MemberOutput>.self)
            #expect(descending.items.map(\.name) == ["刘倩"])
            let filtered = try await world.api(.GET, "api/v1/members?organizationId=\(world.employerB)", as: "city").decode(
                Page<MemberOutput>.self)
            #expect(filtered.items.map(\.name) == ["刘倩"])
            let badDate = try await world.api(.GET, "api/v1/members?from=2024-13-01", as: "city")
            #expect(badDate.status == .unprocessableEntity)
            #expect(badDate.errorField == "from")
        }
    }
}
