import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// The register pages by key: following `next` and `previous` visits every member once, in the
/// order `?page=` gives, and a cursor is checked like any other parameter.
@Suite struct PagingTests {
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]

    /// 40 more members in county A, with names that tie on pinyin (the id breaks the tie).
    func addMembers(_ world: TestWorld) async throws {
        for index in 0..<40 {
            let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1985, month: 1, day: 1)!.adding(days: index), sequence: 500)
            let name = Self.surnames[index % 10] + (index < 20 ? "伟" : "芳")
            let draft = MemberDraft(name: name, gender: nil, idNumber: id.value, mobile: nil, trade: "电力电缆工", skillLevel: 2)
            let member = Member()
            member.version = 1
            member.apply(try draft.validate().orInvalid(), unitID: world.countyA, organizationID: nil, migrant: false, hardship: false)
            try await member.create(on: world.app.db)
        }
        try await MembershipBackfill.run(on: world.app.db)
        try await MemberCounts.recount(on: world.app.db)
    }

    func page(_ world: TestWorld, _ query: String) async throws -> ListPage<MemberOutput> {
        let response = try await world.api(.GET, "api/v1/members?\(query)", as: "city")
        #expect(response.status == .ok, "\(query)")
        return try response.decode(ListPage<MemberOutput>.self)
    }

    @Test(arguments: ["", "&sort=-name"])
    func followingCursorsVisitsEveryMemberOnceInPageOrder(sort: String) async throws {
        try await TestWorld.run { world in
            try await addMembers(world)
            var byNumber: [UUID] = []
            for number in 1...5 { byNumber += try await page(world, "per=10&page=\(number)\(sort)").items.map(\.id) }
            #expect(byNumber.count == 42 && Set(byNumber).count == 42)

            var walked: [UUID] = []
            var current = try await page(world, "per=10\(sort)")
            var pages: [ListPage<MemberOutput>] = [current]
            walked += current.items.map(\.id)
            while let next = current.metadata.next {
                current = try await page(world, "per=10&after=\(next)\(sort)")
                pages.append(current)
                walked += current.items.map(\.id)
            }
            #expect(walked == byNumber)
            #expect(pages.map(\.metadata.page) == [1, 2, 3, 4, 5])
            #expect(pages.last?.items.count == 2 && pages.first?.metadata.previous == nil)

            // Back from the last page by `previous` gives each page again.
            var back = try #require(pages.last)
            for expected in pages.dropLast().reversed() {
                back = try await page(world, "per=10&before=\(try #require(back.metadata.previous))\(sort)")
                #expect(back.items.map(\.id) == expected.items.map(\.id))
                #expect(back.metadata.page == expected.metadata.page)
            }
            #expect(back.metadata.previous == nil)
            // A page by number carries the cursors of its neighbours too.
            let third = try await page(world, "per=10&page=3\(sort)")
            let fourth = try await page(world, "per=10&after=\(try #require(third.metadata.next))\(sort)")
            #expect(fourth.items.map(\.id) == Array(byNumber[30..<40]))
        }
    }

    @Test func aCursorIsCheckedLikeAnyParameter() async throws {
        try await TestWorld.run { world in
            try await addMembers(world)
            let first = try await page(world, "per=10")
            let next = try #require(first.metadata.next)
            // Made for another sort, not a cursor, or with a page out of range.
            #expect(try await world.api(.GET, "api/v1/members?after=\(next)&sort=-name", as: "city").errorField == "after")
            #expect(try await world.api(.GET, "api/v1/members?after=not-a-cursor", as: "city").errorField == "after")
            let huge = PageCursor(sort: "name", value: "a", id: UUID(), page: Limits.page + 1).token
            #expect(try await world.api(.GET, "api/v1/members?before=\(huge)", as: "city").errorField == "before")
            // A cursor reads rows in the caller's scope only: county B's officer sees county B's member alone.
            let scoped = try await world.api(.GET, "api/v1/members?per=10&after=\(next)", as: "officerB").decode(
                ListPage<MemberOutput>.self)
            #expect(scoped.items.allSatisfy { $0.unitId == world.countyB })
        }
    }

    @Test func theListPageLinksItsNeighboursByCursor() async throws {
        try await TestWorld.run { world in
            try await addMembers(world)
            var browser = try await Browser.signedIn(world, as: "city")
            let html = try await browser.get("/members?per=10").body.string
            #expect(html.contains("after="))
            #expect(html.contains("第 1/5 页，共 42 条"))
        }
    }

    @Test func aTotalPastTheCapIsAFloor() async throws {
        try await TestWorld.run { world in
            try await addMembers(world)
            let (total, capped) = try await CappedCount.count(Member.query(on: world.app.db).query, on: world.app.db, cap: 10)
            #expect(total == 10 && capped)
            let exact = try await CappedCount.count(
                Member.query(on: world.app.db).filter(\.$unitID == world.countyB).query, on: world.app.db, cap: 10)
            #expect(exact.total == 1 && !exact.capped)
            let page = ListPage<MemberOutput>(items: [], list: ListQuery(per: 20), total: 10_000, capped: true)
            #expect(page.metadata.pageCount == 501 && page.metadata.totalCapped == true)
        }
    }
}
