import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct MemberImportTests {
    static let header = MemberImport.Column.allCases.map(\.header)

    static func id(_ sequence: Int, day: Int = 9) -> String {
        IDNumber.make(region: 621_002, birth: CivilDate(year: 1988, month: 4, day: day)!, sequence: sequence).value
    }

    static let goodRows = [
        ["马学祥", id(301), "13900002222", "汽车驾驶员", "", "2024-05-06", "平台灵活就业", "货拉拉"],
        ["孙快递", id(302), "13900003333", "快递员", "4", "2024-05-07", "劳务派遣", ""],
        ["王电工", id(303), "", "电工", "高级工", "", "", ""],
    ]

    func send(_ world: TestWorld, _ data: Data, name: String = "roster.csv", unit: UUID? = nil, as user: String = "officerA") async throws
        -> LiveResponse
    {
        try await world.upload("api/v1/members/import?unitId=\(unit ?? world.enterpriseA)", as: user, fileName: name, bytes: Array(data))
    }

    @Test(arguments: ["csv", "xlsx"])
    func aRosterLandsWhole(_ format: String) async throws {
        try await TestWorld.run { world in
            let data = try SpreadsheetWriter.write(format == "csv" ? .csv : .xlsx, header: Self.header, rows: Self.goodRows)
            let response = try await send(world, data, name: "roster.\(format)")
            #expect(response.status == .created, "\(response.body.string)")
            #expect(try response.decode(ImportReport.self).imported == 3)
            let list = try await world.api(.GET, "api/v1/members?unitId=\(world.enterpriseA)&sort=-joinDate", as: "officerA")
                .decode(ListPage<MemberOutput>.self)
            let driver = try #require(list.items.first { $0.name == "马学祥" })
            #expect(driver.employmentForm == .platform && driver.platform == "货拉拉" && driver.joinDate == "2024-05-06")
            #expect(MembershipNumber.isWellFormed(driver.membershipNumber ?? ""))
            #expect(list.items.first { $0.name == "王电工" }?.skillLevel == 3)
            let found = try await world.api(.GET, "api/v1/members?q=学祥", as: "officerA").decode(ListPage<MemberOutput>.self)
            #expect(found.items.map(\.name) == ["马学祥"])
            let numbers = Set(list.items.compactMap(\.membershipNumber))
            #expect(numbers.count == list.items.count)
            let events = try await MembershipEvent.query(on: world.app.db).filter(\.$kind == .joined).filter(\.$unitID == world.enterpriseA)
                .count()
            #expect(events == 3)
            let total = try await world.api(.GET, "api/v1/members", as: "officerA").decode(ListPage<MemberOutput>.self).metadata.total
            #expect(total == 4)
        }
    }

    /// A file past the row limit is refused as unreadable (422 on `file`), for every import, on the API and the page.
    @Test func aRosterPastTheRowLimitIsRefused() async throws {
        try await TestWorld.run { world in
            let limit = SpreadsheetReader.Limits().maxRows
            var text = "姓名,身份证号\n"
            text += String(repeating: "甲,1\n", count: limit + 1)
            let roster = try await send(world, Data(text.utf8))
            #expect(roster.status == .unprocessableEntity && roster.errorField == "file", "\(roster.body.string)")
            let innovationHeader = "类别,标题,存在问题,建议或方案,第一作者身份证号\n"
            let innovation = innovationHeader + String(repeating: "a,b,c,d,e\n", count: limit + 1)
            let items = try await world.upload(
                "api/v1/innovation-items/import", as: "officerA", fileName: "x.csv", bytes: Array(innovation.utf8))
            #expect(items.status == .unprocessableEntity && items.errorField == "file")
            var browser = try await Browser.signedIn(world, as: "officerA")
            let form = try await browser.get("/members/import")
            #expect(form.status == .ok && form.body.string.contains("name=\"unitId\""))
            let page = try await browser.upload(
                "/members/import", fields: ["unitId": world.enterpriseA.uuidString, "_csrf": Browser.csrf(in: form)], fileName: "x.csv",
                bytes: Array(text.utf8))
            #expect(page.status == .unprocessableEntity && page.body.string.contains("100000"))
        }
    }

    @Test func thePageImportsIntoTheChosenUnion() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "officerA")
            let form = try await browser.get("/members/import")
            let template = try await browser.get("/members/template?format=csv")
            #expect(template.status == .ok && template.body.string.contains("入会日期"))
            let data = try SpreadsheetWriter.write(.csv, header: Self.header, rows: Self.goodRows)
            let done = try await browser.upload(
                "/members/import", fields: ["unitId": world.teamA.uuidString, "_csrf": Browser.csrf(in: form)], fileName: "r.csv",
                bytes: Array(data))
            #expect(done.status == .seeOther)
            #expect(try await Member.query(on: world.app.db).filter(\.$unitID == world.teamA).count() == 4)
        }
    }

    @Test func aGBKRosterReadsAsWell() async throws {
        try await TestWorld.run { world in
            let response = try await send(world, Data(try Upload.fixture("members-gbk.csv")))
            #expect(response.status == .created, "\(response.body.string)")
            let found = try await world.api(.GET, "api/v1/members?q=学祥", as: "officerA").decode(ListPage<MemberOutput>.self)
            #expect(found.items.count == 1)
        }
    }

    @Test func everyBadRowIsReportedAndNothingLands() async throws {
        try await TestWorld.run { world in
            let rows = [
                ["马学祥", Self.id(301), "13900002222", "汽车驾驶员", "", "2024-05-06", "平台灵活就业", "货拉拉"],
                ["重复人", Self.id(301), "13900002222", "", "", "", "", ""],
                ["梁东平", TestWorld.idA, "", "", "", "", "", ""],
                ["刘倩", TestWorld.idB, "", "", "", "", "", ""],
                ["错号", "620102198001011235", "", "", "", "", "", ""],
                ["无平台", Self.id(305), "", "", "", "", "平台灵活就业", ""],
                ["怪工种", Self.id(306), "", "宇航员", "", "", "", ""],
                ["明天", Self.id(307), "", "", "", "2999-01-01", "", ""],
                ["等级", Self.id(308), "", "", "9", "", "", ""],
            ]
            let response = try await send(world, try SpreadsheetWriter.write(.csv, header: Self.header, rows: rows))
            #expect(response.status == .unprocessableEntity)
            let body = try response.decode(ImportFailureBody.self)
            let byRow = Dictionary(grouping: body.rows, by: \.row)
            #expect(byRow[3]?.contains { $0.column == "身份证号" && $0.message.contains("2") } == true)
            #expect(byRow[3]?.contains { $0.column == "手机号" } == true)
            #expect(byRow[4]?.first?.message.contains("QY") == true)
            // Registered in the other county: told to transfer, and nothing about where.
            #expect(byRow[5]?.first?.message.contains("转会") == true && !response.body.string.contains("环县"))
            for row in [6, 7, 8, 9, 10] { #expect(byRow[row] != nil, "row \(row)") }
            #expect(byRow[2] == nil)
            let count = try await Member.query(on: world.app.db).count()
            #expect(count == 2)

            let elsewhere = try await send(
                world, try SpreadsheetWriter.write(.csv, header: Self.header, rows: Self.goodRows), unit: world.countyB)
            #expect(elsewhere.errorField == "unitId")
            let worker = try await send(world, Data(), as: "worker")
            #expect(worker.status == .forbidden)
        }
    }
}

@Suite struct TradeVocabularyTests {
    @Test func theAdminAddsRenamesAndRetiresTrades() async throws {
        try await TestWorld.run { world in
            let newTrade = TradeInput(name: "网约配送员")
            #expect(try await world.api(.POST, "api/v1/trades", as: "officerA", body: newTrade).status == .forbidden)
            let added = try await world.api(.POST, "api/v1/trades", as: "admin", body: TradeInput(name: "网约配送员"))
            #expect(added.status == .created)
            #expect(try await world.api(.POST, "api/v1/trades", as: "admin", body: TradeInput(name: "网约配送员")).status == .conflict)
            let changed = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA", body: MemberInput(trade: "网约配送员", version: 1))
            #expect(changed.status == .ok)

            let trades = try await world.api(.GET, "api/v1/trades", as: "worker").decode([TradeOutput].self)
            let cable = try #require(trades.first { $0.name == "电力电缆工" })
            let renamed = try await world.api(
                .PATCH, "api/v1/trades/\(cable.id)", as: "admin", body: TradeInput(name: "电力电缆安装运维工"))
            #expect(try renamed.decode(TradeOutput.self).name == "电力电缆安装运维工")
            let memberB = try await world.api(.GET, "api/v1/members/\(world.memberB)", as: "officerB").decode(MemberOutput.self)
            #expect(memberB.trade == "电力电缆安装运维工")

            // Retired: kept where it is held, refused for anyone new.
            _ = try await world.api(.PATCH, "api/v1/trades/\(cable.id)", as: "admin", body: TradeInput(retired: true))
            let keep = try await world.api(
                .PATCH, "api/v1/members/\(world.memberB)", as: "officerB", body: MemberInput(migrant: true, version: 1))
            #expect(keep.status == .ok, "\(keep.body.string)")
            let retiredTrade = MemberInput(trade: "电力电缆安装运维工", version: 2)
            let refused = try await world.api(.PATCH, "api/v1/members/\(world.memberA)", as: "officerA", body: retiredTrade)
            #expect(refused.errorField == "trade")
            var browser = try await Browser.signedIn(world, as: "admin")
            #expect(try await browser.get("/trades").body.string.contains("电力电缆安装运维工"))
        }
    }
}
