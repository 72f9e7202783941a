import Fluent
import Foundation
import Testing
@testable import UnionHallApp
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

/// The statistics document: every module's figures for a subtree and period beside the previous
/// period's, scoped as every list is, aid only for those who handle aid.
@Suite struct StatisticsTests {
    static func honor(_ world: TestWorld, member: UUID, year: Int, title: HonorTitle = .modelWorker) async throws {
        let body = HonorInput(memberId: member, title: title, level: .city, year: year, awardingBody: "庆阳市人民政府")
        let response = try await world.api(.POST, "api/v1/honors", as: "city", body: body)
        #expect(response.status == .created, "\(response.body.string)")
    }

    static func document(_ world: TestWorld, _ query: String, as user: String) async throws -> StatisticsDocument {
        let response = try await world.api(.GET, "api/v1/statistics?\(query)", as: user)
        #expect(response.status == .ok, "\(response.body.string)")
        return try response.decode(StatisticsDocument.self)
    }

    /// The first group of each match.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func figure(_ value: FigureValue?, _ key: String) -> Int64? {
        guard case .object(let fields)? = value, case .integer(let number)? = fields[key] else { return nil }
        return number
    }

    @Test func figuresForThePeriodBesideThePreviousOne() async throws {
        try await TestWorld.run { world in
            try await Self.honor(world, member: world.memberA, year: 2024)
            try await Self.honor(world, member: world.memberA, year: 2024, title: .cityCraftsman)
            try await Self.honor(world, member: world.memberB, year: 2024)
            try await Self.honor(world, member: world.memberA, year: 2023)

            let year = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            #expect(year.previousFrom == "2023-01-01" && year.previousTo == "2023-12-31")
            #expect(Self.figure(year.modules["honors"]?.current, "conferred") == 3)
            #expect(Self.figure(year.modules["honors"]?.previous, "conferred") == 1)
            // Members on the register at the period's end: none yet at the end of 2024, all of them this year.
            let members = try await Member.query(on: world.app.db).filter(\.$deletedAt == nil).count()
            #expect(Self.figure(year.modules["members"]?.current, "members") == 0)
            let now = try await Self.document(world, "", as: "city")
            #expect(Self.figure(now.modules["members"]?.current, "members") == Int64(members))
            #expect(Self.figure(now.modules["members"]?.current, "registered") == Int64(members))
            // Every module but aid's for an officer who does not handle aid.
            let expected: Set = [
                "members", "honors", "studios", "outreach", "techProblems", "mentorship", "training", "certifications", "competitions",
                "innovation", "disputes", "services", "safety", "campaigns", "alliances",
            ]
            #expect(Set(year.modules.keys) == expected)

            // A subtree counts its own: memberA is in 西峰区, memberB in 环县.
            let county = try await Self.document(world, "from=2024-01-01&to=2024-12-31&unitId=\(world.countyA)", as: "city")
            #expect(Self.figure(county.modules["honors"]?.current, "conferred") == 2)

            // A period of days is compared with the days just before it.
            let days = try await Self.document(world, "from=2024-03-01&to=2024-03-10", as: "city")
            #expect(days.previousFrom == "2024-02-20" && days.previousTo == "2024-02-29")
        }
    }

    @Test func scopeAndNeedToKnow() async throws {
        try await TestWorld.run { world in
            // Another county's subtree is not found; a worker may not ask.
            #expect(try await world.api(.GET, "api/v1/statistics?unitId=\(world.countyB)", as: "officerA").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/statistics", as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/statistics", as: nil).status == .unauthorized)
            #expect(try await world.api(.GET, "api/v1/statistics?from=2024-02-01&to=2024-01-01", as: "city").status == .unprocessableEntity)
            #expect(try await world.api(.GET, "api/v1/statistics?from=0001-01-01&to=0001-06-30", as: "city").status == .unprocessableEntity)
            // Aid figures for the admin (and aid officers), not for other officers.
            let admin = try await Self.document(world, "", as: "admin")
            #expect(admin.modules["aid"] != nil && admin.modules["hardship"] != nil)
            let city = try await Self.document(world, "", as: "city")
            #expect(city.modules["aid"] == nil && city.modules["hardship"] == nil)
            // This year by default.
            let today = CivilDate(world.app.current.now())
            #expect(city.from == "\(today.year)-01-01" && city.to == "\(today.year)-12-31")
        }
    }

    /// The document is kept and read again until a record changes; one slow to count is answered as
    /// kept while it is counted again behind the answer.
    @Test func keptUntilRecordsChange() async throws {
        try await TestWorld.run { world in
            try await Self.honor(world, member: world.memberA, year: 2024)
            let first = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            #expect(Self.figure(first.modules["honors"]?.current, "conferred") == 1 && first.computedAt != nil)
            let kept = try #require(try await StatisticsSnapshot.query(on: world.app.db).first())
            #expect(try await StatisticsSnapshot.query(on: world.app.db).count() == 1)
            // A period nobody asked for in a day is dropped when another is counted.
            let old = StatisticsSnapshot()
            (old.key, old.document, old.computedAt, old.millis) = ("old", "{}", Date().addingTimeInterval(-2 * 86_400), 1)
            try await old.create(on: world.app.db)
            // A change is counted at once while counting is quick.
            try await Self.honor(world, member: world.memberB, year: 2024)
            let second = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            #expect(Self.figure(second.modules["honors"]?.current, "conferred") == 2)
            #expect(try await StatisticsSnapshot.query(on: world.app.db).filter(\.$key == "old").count() == 0)
            // Another county's officer reads another document, of their own subtree.
            let county = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "officerA")
            #expect(Self.figure(county.modules["honors"]?.current, "conferred") == 1)
            #expect(try await StatisticsSnapshot.query(on: world.app.db).count() == 2)

            // Slow to count: the kept document answers, marked with its time, and a refresh follows.
            let row = try #require(try await StatisticsSnapshot.query(on: world.app.db).filter(\.$key == kept.key).first())
            row.millis = 60_000
            try await row.save(on: world.app.db)
            try await Self.honor(world, member: world.memberA, year: 2024, title: .mayDayMedal)
            let stale = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            #expect(Self.figure(stale.modules["honors"]?.current, "conferred") == 2)
            var refreshed: StatisticsSnapshot?
            for _ in 0..<100 {
                refreshed = try await StatisticsSnapshot.query(on: world.app.db).filter(\.$key == kept.key).first()
                if refreshed?.millis != 60_000 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(refreshed?.millis != 60_000)
            let fresh = try await Self.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            #expect(Self.figure(fresh.modules["honors"]?.current, "conferred") == 3)
        }
    }

    @Test func exportsAsATableAndIsAudited() async throws {
        try await TestWorld.run { world in
            try await Self.honor(world, member: world.memberA, year: 2024)
            let response = try await world.api(.GET, "api/v1/statistics/export?format=csv&from=2024-01-01&to=2024-12-31", as: "city")
            #expect(response.status == .ok)
            let text = response.body.string
            #expect(text.contains("模块") && text.contains("本期（2024-01-01 至 2024-12-31）"))
            #expect(text.contains("劳模与荣誉,conferred,1,0"))
            // Named in the reader's language where the dashboard names the figure: a headline, a bar of a breakdown.
            #expect(text.contains("劳模与荣誉,conferred,1,0,获得荣誉"))
            #expect(text.contains("劳模与荣誉,byTitle.modelWorker,1,,荣誉（按称号）：劳动模范"))
            #expect(!text.contains("困难职工帮扶") && !text.contains("金秋助学"))
            let entries = try await AuditEntry.query(on: world.app.db).all().filter { $0.entity == "statistics" }
            #expect(entries.count == 1 && entries.first?.action == .export)
            // The audit page offers the statistics among what it filters by, and finds the download.
            var admin = try await Browser.signedIn(world, as: "admin")
            let audit = try await admin.get("/audit?entity=statistics").body.string
            #expect(audit.contains(#"<option value="statistics" selected"#) && audit.contains(#"<option value="annualReport""#))
            #expect(audit.contains("导出"))
            #expect(try await world.api(.GET, "api/v1/statistics/export", as: "city").status == .unprocessableEntity)
        }
    }
}

/// The officer's start page: the period's figures by programme beside the previous period's, and
/// what waits for them, each a link to its records.
@Suite struct DashboardTests {
    @Test func theOfficerSeesTheYearAndWhatWaits() async throws {
        try await TestWorld.run { world in
            try await StatisticsTests.honor(world, member: world.memberA, year: 2024)
            let report = try await world.api(
                .POST, "api/v1/hazard-reports/report", as: "worker",
                body: HazardInput(place: "配电室", description: "电缆沟盖板破损", severity: .major))
            #expect(report.status == .created, "\(report.body.string)")

            var city = try await Browser.signedIn(world, as: "city")
            let page = try await city.get("/?from=2024-01-01&to=2024-12-31")
            #expect(page.status == .ok)
            let html = page.body.string
            // The honour of 2024 beside none the year before, linked to the list for the period.
            #expect(html.contains("获得荣誉"))
            #expect(
                html.contains(#"href="/honors?from=2024-01-01&amp;to=2024-12-31""#)
                    || html.contains(#"href="/honors?from=2024-01-01&to=2024-12-31""#))
            #expect(html.contains("与上期（2023-01-01 至 2023-12-31）对比"))
            // Every figure, bar and to-do links to a list that opens.
            let links = Set(StatisticsTests.matches(#"href="(/[a-z-]+(?:\?[^"]*)?)""#, in: html)).filter { $0.contains("?") }
            #expect(links.count >= 15)
            for link in links {
                let list = try await city.get(link.replacingOccurrences(of: "&amp;", with: "&"))
                #expect(list.status == .ok, "\(link): \(list.status)")
            }
            // The reported hazard waits for verification; nothing of aid for an officer who does not handle it.
            #expect(html.contains("条隐患举报待核实"))
            #expect(html.contains(#"/hazard-reports?status=reported"#))
            #expect(!html.contains("助学申请待本级审批") && !html.contains("金秋助学") && !html.contains("困难职工帮扶"))
            // The export behind the dashboard's link works with the session.
            let export = try await city.get("/statistics/export?format=csv&from=2024-01-01&to=2024-12-31")
            #expect(export.status == .ok && export.body.string.contains("劳模与荣誉,conferred,1,0"))

            // Another county's subtree is refused with a message, and the page still shows this year.
            var officerA = try await Browser.signedIn(world, as: "officerA")
            let refused = try await officerA.get("/?unitId=\(world.countyB)")
            #expect(refused.status == .ok && refused.body.string.contains(#"class="form-error""#))
            let malformed = try await officerA.get("/?unitId=not-an-id")
            #expect(malformed.status == .ok && malformed.body.string.contains(#"class="form-error""#))

            // A worker's start page has no officer's figures, and shows their own report in progress.
            var worker = try await Browser.signedIn(world, as: "worker")
            let own = try await worker.get("/")
            #expect(own.status == .ok && !own.body.string.contains("工作概览"))
            #expect(own.body.string.contains("<strong>1</strong> 条隐患举报处理中"))
            #expect(own.body.string.contains(#"href="/me/hazards""#))
        }
    }

    /// A case due within three days waits on the dashboard beside the overdue ones, and lists under `dueSoon`.
    @Test func casesNearTheirDeadlineWait() async throws {
        try await TestWorld.run { world in
            let today = CivilDate(world.app.current.now())
            func file(acceptedDaysAgo days: Int) async throws -> DisputeOutput {
                try await world.api(
                    .POST, "api/v1/dispute-cases", as: "officerA",
                    body: DisputeInput(
                        channel: .hotline, type: .wageArrears, employerName: "西峰区某企业", summary: "拖欠工资",
                        claimedFen: 10_000,
                        acceptedDate: today.adding(days: -days).description, claimants: [ClaimantInput(memberId: world.memberA)])
                ).decode(DisputeOutput.self)
            }
            let soon = try await file(acceptedDaysAgo: 13)
            let late = try await file(acceptedDaysAgo: 20)
            _ = try await file(acceptedDaysAgo: 1)
            let dueSoon = try await world.api(.GET, "api/v1/dispute-cases?dueSoon=true", as: "officerA").decode(
                ListPage<DisputeOutput>.self)
            #expect(dueSoon.items.map(\.id) == [soon.id])
            let overdue = try await world.api(.GET, "api/v1/dispute-cases?overdue=true", as: "officerA").decode(
                ListPage<DisputeOutput>.self)
            #expect(overdue.items.map(\.id) == [late.id])
            var officer = try await Browser.signedIn(world, as: "officerA")
            let html = try await officer.get("/").body.string
            #expect(html.contains("<strong>1</strong> 件争议案件三日内到期") && html.contains("/dispute-cases?dueSoon=true"))
            #expect(html.contains("<strong>1</strong> 件争议案件已超过调解期限"))
            // The list the to-do opens says what it is filtered by.
            let list = try await officer.get("/dispute-cases?dueSoon=true").body.string
            #expect(list.contains(#"name="dueSoon" value="true" checked"#))
            #expect(try await officer.get("/hazard-reports?overdue=true").body.string.contains(#"name="overdue" value="true" checked"#))
        }
    }

    @Test func everyHeadlineAndTodoIsNamedInBothLanguages() async throws {
        try await TestWorld.run { world in
            let localizer = world.app.localizer
            let parts = Features.all.flatMap(\.figures)
            let keys =
                parts.flatMap { $0.headlines.map(\.label) + $0.charts.map(\.title) + ["statistics.module.\($0.key)"] }
                + Features.all.flatMap(\.todos).map(\.label)
            #expect(keys.count > 40)
            for language in UILanguage.allCases {
                let known = localizer.keys(language)
                for key in keys { #expect(known.contains(key), "\(language): \(key)") }
            }
        }
    }
}
