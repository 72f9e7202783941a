import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// The skills figures as the records behind them. Qingyang 2024: 21,000 members whose first
/// certification falls in the year; 142 delegates and deputies, 225 who joined the Party and 258
/// activists; 甘肃省工匠学院 and three modern industry colleges at 庆阳职业技术学院; the 长钻班 order
/// class with 李阳 and its 8,000-yuan offer; the city's contest over 90 trades, scored by five judges
/// and ranked by the competition code, which makes 80 技术能手, 120 技术标兵, 172 优秀选手 (刘倩 among
/// the 标兵, later 3rd nationally) and 112 team prizes. Jinchang since 2023: 10,480 training person-times.
enum DemoSkills {
    static let newSkilled2024 = 21_000
    static let roles: [(ParticipationKind, HonorLevel, Int)] = [
        (.partyCongressDelegate, .city, 60), (.peoplesCongressDeputy, .county, 52), (.cppccMember, .county, 30),
    ]
    static let joinedParty = 225
    static let activists = 258
    static let individualEvents = 74
    static let teamEvents = 16

    struct Pooled: Decodable {
        var id: UUID
        var unit_id: UUID
        var organization_id: UUID?
        var trade: String?
        var skill_level: Int?
    }

    struct Summary {
        var certifications = 0
        var events = 0
        var honors = 0
        var personTimes = 0
    }

    static func load(units: [String: UnionUnit], organizations: [String: Organization], people: [String: Member], on db: any Database)
        async throws -> Summary
    {
        guard let sql = db as? any SQLDatabase else { return Summary() }
        var summary = Summary()
        let tree = try await UnitTree.load(on: db)
        func subtree(_ key: String) -> [UUID] { units[key]?.id.map { Array(tree.subtree(of: $0)) } ?? [] }
        let named = Set(people.values.compactMap(\.id))
        let pool = try await sql.select().columns("id", "unit_id", "organization_id", "trade", "skill_level").from(Member.schema)
            .where("unit_id", .in, subtree("qingyang")).where("skill_level", .isNot, SQLLiteral.null).where(
                "deleted_at", .is, SQLLiteral.null
            )
            .orderBy("id").limit(26_000).all(decoding: Pooled.self).filter { !named.contains($0.id) }
        var next = 0
        func take(_ count: Int) -> ArraySlice<Pooled> {
            let slice = pool[min(next, pool.count)..<min(next + count, pool.count)]
            next += count
            return slice
        }

        // Certifications: 刘倩's and 20,999 others, each member's first, spread over 2024.
        let now = Date()
        var certificationRows: [[any Encodable & Sendable]] = []
        if let liu = people["刘倩"], let id = liu.id {
            certificationRows.append([
                UUID(), liu.unitID, id, "保育师", liu.skillLevel ?? 3, "2024-03-18", "QY2024-JD000001",
                "庆阳市职业技能鉴定指导中心", true,
                1, now, now,
            ])
        }
        for (index, member) in take(newSkilled2024 - certificationRows.count).enumerated() {
            let date = CivilDate(year: 2024, month: 1, day: 1)!.adding(days: index % 366)
            certificationRows.append([
                UUID(), member.unit_id, member.id, member.trade ?? "电工", member.skill_level ?? 5, date.description,
                String(format: "QY2024-JD%06d", index + 2), "庆阳市职业技能鉴定指导中心", true, 1, now, now,
            ])
        }
        try await BulkInsert.rows(
            into: Certification.schema,
            columns: [
                "id", "unit_id", "member_id", "trade", "level", "date", "certificate_number", "issuing_body",
                "raised", "version", "created_at", "updated_at",
            ], certificationRows, on: db)
        summary.certifications = certificationRows.count

        // Political participation of skilled workers.
        var participation: [[any Encodable & Sendable]] = []
        for (kind, level, count) in roles {
            for member in take(count) {
                participation.append([UUID(), member.id, member.unit_id, kind.rawValue, level.rawValue as String?, "2022-01-10", ""])
            }
        }
        for (kind, count, month) in [(ParticipationKind.joinedParty, joinedParty, 7), (.partyActivist, activists, 5)] {
            for (index, member) in take(count).enumerated() {
                participation.append([
                    UUID(), member.id, member.unit_id, kind.rawValue, nil as String?,
                    String(format: "2024-%02d-%02d", month, 1 + index % 28), "",
                ])
            }
        }
        try await BulkInsert.rows(
            into: Participation.schema, columns: ["id", "member_id", "unit_id", "kind", "level", "date", "note"], participation, on: db)
        if let liu = people["刘倩"], let id = liu.id {
            let result = ExternalResult()
            result.memberID = id
            result.unitID = liu.unitID
            result.contest = "全国托育职业技能竞赛"
            result.level = .national
            result.year = 2024
            result.placing = 3
            result.award = "第三名"
            try await result.create(on: db)
            try await Audit.record(.create, result, by: .system, on: db)
        }

        let entrants = Array(pool[min(next, pool.count)...])
        (summary.events, summary.honors) = try await loadCompetition(entrants: entrants, units: units, people: people, on: db)
        summary.personTimes = try await loadTraining(units: units, organizations: organizations, people: people, tree: tree, on: db)
        return summary
    }

    // MARK: The contest

    /// Marks for the entrant meant to finish `place`-th (0 first): five judges around a score that
    /// falls with the place, so the ranking the code computes is the intended one.
    static func marks(place: Int, maximum: Int, judge: Int) -> Int {
        let base = maximum * (95 - 3 * place) / 100
        return min(maximum, max(0, base + (judge - 2) * 20))
    }

    static func loadCompetition(entrants pool: [Pooled], units: [String: UnionUnit], people: [String: Member], on db: any Database)
        async throws -> (Int, Int)
    {
        guard let qingyang = units["qingyang"]?.id else { return (0, 0) }
        let competition = Competition()
        competition.unitID = qingyang
        competition.name = "庆阳市2024年职工职业技能大赛"
        competition.year = 2024
        competition.organizer = "庆阳市总工会"
        competition.level = .city
        competition.eventCount = individualEvents + teamEvents
        competition.version = 1
        try await competition.create(on: db)
        try await Audit.record(.create, competition, by: .system, on: db)
        let competitionID = try competition.requireID()
        let judges = try await User.query(on: db).filter(\.$username ~~ ["expert", "judge1", "judge2", "judge3", "judge4"]).sort(
            \.$username
        ).all()
        let trades = ["保育师"] + Trades.all.filter { $0 != "保育师" }.prefix(individualEvents + teamEvents - 1)
        var unused = pool
        var byTrade: [String: [Pooled]] = [:]
        for member in pool { byTrade[member.trade ?? "", default: []].append(member) }
        var used: Set<UUID> = []
        func entrant(trade: String) -> Pooled? {
            while let candidate = byTrade[trade]?.popLast() { if used.insert(candidate.id).inserted { return candidate } }
            while let candidate = unused.popLast() { if used.insert(candidate.id).inserted { return candidate } }
            return nil
        }
        var byEmployer: [UUID: [Pooled]] = [:]
        for member in pool.reversed() {
            if let organization = member.organization_id { byEmployer[organization, default: []].append(member) }
        }
        let employers = byEmployer.keys.sorted { $0.uuidString < $1.uuidString }

        var entries: [[any Encodable & Sendable]] = []
        var entrantRows: [[any Encodable & Sendable]] = []
        var sheets: [[any Encodable & Sendable]] = []
        var marks: [[any Encodable & Sendable]] = []
        var events: [CompetitionEvent] = []
        let submitted = CivilDate(year: 2024, month: 9, day: 12)!.startOfDay
        for (index, trade) in trades.enumerated() {
            let individual = index < individualEvents
            let event = CompetitionEvent()
            event.competitionID = competitionID
            event.unitID = qingyang
            event.number = index + 1
            event.trade = trade
            event.kind = individual ? .individual : .team
            event.theoryWeight = 30
            event.practicalWeight = 70
            event.expertCount = individual ? (index < 6 ? 2 : 1) : 0
            event.pacesetterCount = individual ? (index < 46 ? 2 : 1) : 0
            event.outstandingCount = individual ? (index < 24 ? 3 : 2) : 0
            event.firstPrizes = individual ? 0 : 2
            event.secondPrizes = individual ? 0 : 2
            event.thirdPrizes = individual ? 0 : 3
            event.minimumTotal = 60 * CompetitionScoring.scale
            event.status = .open
            event.entryCount = individual ? 10 : 8
            event.version = 1
            try await event.create(on: db)
            let eventID = try event.requireID()
            events.append(event)
            var items: [CompetitionItem] = []
            for (position, (name, maximum, kind)) in [
                ("安全文明操作", 3_000, ItemKind.judgement), ("工艺规范", 3_000, .judgement), ("成品质量", 4_000, .measurement),
            ].enumerated() {
                let item = CompetitionItem()
                item.eventID = eventID
                item.position = position + 1
                item.name = name
                item.maximum = maximum
                item.kind = kind
                try await item.create(on: db)
                items.append(item)
            }
            for (number, judge) in judges.enumerated() {
                let row = CompetitionJudge()
                row.eventID = eventID
                row.userID = try judge.requireID()
                row.chief = number == 0
                try await row.create(on: db)
            }
            // The entrants in the order they are meant to finish.
            var field: [(members: [(UUID, UUID, UUID?)], team: String?)] = []
            if individual {
                var people10: [(UUID, UUID, UUID?)] = []
                for _ in 0..<10 {
                    if let member = entrant(trade: trade) { people10.append((member.id, member.unit_id, member.organization_id)) }
                }
                if trade == "保育师", let liu = people["刘倩"], let id = liu.id {
                    people10.insert((id, liu.unitID, liu.organizationID), at: min(event.expertCount, people10.count))
                    if people10.count > 10 { people10.removeLast() }
                }
                field = people10.map { ([$0], nil) }
            } else {
                for (slot, employer) in employers.prefix(8).enumerated() {
                    var team: [(UUID, UUID, UUID?)] = []
                    while team.count < 3, let candidate = byEmployer[employer]?.popLast() {
                        if used.insert(candidate.id).inserted { team.append((candidate.id, candidate.unit_id, candidate.organization_id)) }
                    }
                    if team.count == 3 { field.append((team, "\(trade)代表队\(slot + 1)")) }
                }
            }
            for (place, contestant) in field.enumerated() {
                let entryID = UUID()
                let first = contestant.members[0]
                entries.append([
                    entryID, eventID, competitionID, first.1, place + 1, individual ? first.0 : nil as UUID?, contestant.team, first.2,
                    9_600 - 250 * place, 1_800 + 30 * place, submitted,
                ])
                for member in contestant.members { entrantRows.append([UUID(), entryID, eventID, member.0]) }
                for (number, judge) in judges.enumerated() {
                    let sheetID = UUID()
                    sheets.append([sheetID, eventID, entryID, try judge.requireID(), submitted])
                    for item in items {
                        marks.append([
                            UUID(), sheetID, eventID, entryID, try item.requireID(),
                            Self.marks(place: place, maximum: item.maximum, judge: number),
                        ])
                    }
                }
            }
            event.entryCount = field.count
            try await event.update(on: db)
        }
        try await BulkInsert.rows(
            into: CompetitionEntry.schema,
            columns: [
                "id", "event_id", "competition_id", "unit_id", "number", "member_id", "team_name", "employer_id",
                "theory_marks", "completion_seconds", "created_at",
            ], entries, on: db)
        try await BulkInsert.rows(
            into: CompetitionEntrant.schema, columns: ["id", "entry_id", "event_id", "member_id"], entrantRows, on: db)
        try await BulkInsert.rows(
            into: CompetitionSheet.schema, columns: ["id", "event_id", "entry_id", "judge_id", "submitted_at"], sheets, on: db)
        try await BulkInsert.rows(
            into: CompetitionMark.schema, columns: ["id", "sheet_id", "event_id", "entry_id", "item_id", "marks"], marks, on: db)
        // Results through the competition code: ranked, on notice for seven days, then final.
        for event in events {
            let results = try await CompetitionResults.compute(event, on: db)
            try await CompetitionResults.publish(
                event, results: results, on: CivilDate(year: 2024, month: 9, day: 20)!, noticeDays: 7, on: db)
            try await CompetitionResults.finalise(
                event, competition: competition, on: CivilDate(year: 2024, month: 9, day: 30)!, editor: .system, on: db)
        }
        let honors = try await Honor.query(on: db).filter(\.$source != nil).count()
        return (events.count, honors)
    }

    // MARK: Training and partnerships

    static func loadTraining(
        units: [String: UnionUnit], organizations: [String: Organization], people: [String: Member], tree: UnitTree, on db: any Database
    ) async throws -> Int {
        guard let sql = db as? any SQLDatabase, let qingyang = units["qingyang"]?.id, let college = organizations["college"]?.id else {
            return 0
        }
        var personTimes = 0
        func partnership(
            _ kind: PartnershipKind, _ name: String, college: UUID, employer: String?, signed: String, note: String,
            status: PartnershipStatus = .running
        ) async throws -> Partnership {
            let row = Partnership()
            row.unitID = qingyang
            row.kind = kind
            row.name = name
            row.collegeID = college
            row.employerID = employer.flatMap { organizations[$0]?.id }
            row.signedDate = signed
            row.status = status
            row.note = note
            row.version = 1
            try await row.create(on: db)
            try await Audit.record(.create, row, by: .system, on: db)
            return row
        }
        let academy = try await partnership(
            .craftsmanAcademy, "甘肃省工匠学院", college: college, employer: nil, signed: "2024-04-26",
            note: "全省首个省级工匠学院，设在庆阳职业技术学院")
        // The article: three modern industry colleges with 东软教育科技 and the 数算电产业融合研究院, the 全球鹰 one
        // still being built; 长庆油田's is a training base, where order-class students work on real projects.
        _ = try await partnership(
            .industryCollege, "数字经济现代产业学院", college: college, employer: "neusoft", signed: "2024-05-20",
            note: "与东软教育科技共建")
        _ = try await partnership(
            .industryCollege, "数算电融合现代产业学院", college: college, employer: "shusuandian", signed: "2024-05-20",
            note: "与数算电产业融合研究院共建")
        _ = try await partnership(
            .industryCollege, "全球鹰产业学院", college: college, employer: "global-eagle", signed: "2024-09-10",
            note: "与全球鹰（深圳）无人机有限公司对接，推进建设", status: .building)
        _ = try await partnership(
            .trainingBase, "长庆油田实训基地", college: college, employer: "changqing", signed: "2023-09-01",
            note: "学院与长庆油田共建，订单班学员参与真实项目")
        if let longdong = organizations["longdong"]?.id {
            let grid = try await partnership(
                .schoolEnterprise, "陇东学院—国网庆阳供电公司校企合作", college: longdong, employer: "grid", signed: "2023-03-15",
                note: "带电作业接线机器人在8家供电公司试点")
            if let studio = try await Studio.query(on: db).filter(\.$name == "智慧能源校企协同创新工作室").first(), let id = studio.id {
                try await PartnershipStudio(partnershipID: try grid.requireID(), studioID: id).create(on: db)
            }
        }

        func program(
            _ kind: TrainingKind, _ title: String, unit: UUID, college: UUID? = nil, employer: UUID? = nil, partnership: UUID? = nil,
            trade: String?,
            places: Int, start: String, end: String, offer: Int64? = nil, note: String? = nil
        ) async throws -> TrainingProgram {
            let row = TrainingProgram()
            row.unitID = unit
            row.kind = kind
            row.title = title
            row.trade = trade
            row.collegeID = college
            row.employerID = employer
            row.partnershipID = partnership
            row.places = places
            row.startDate = start
            row.endDate = end
            row.offerSalaryFen = offer
            row.offerNote = note
            row.enrolledCount = 0
            row.version = 1
            try await row.create(on: db)
            try await Audit.record(.create, row, by: .system, on: db)
            return row
        }
        /// Sessions on the given days; `heads` counted at the door, `present` signed in by name.
        func sessions(_ program: TrainingProgram, dates: [CivilDate], place: String, trainers: String, heads: Int, present: [UUID])
            async throws
        {
            var attendance: [[any Encodable & Sendable]] = []
            for date in dates {
                let session = TrainingSession()
                session.programID = try program.requireID()
                session.unitID = program.unitID
                session.date = date.description
                session.place = place
                session.trainers = trainers
                session.headCount = heads
                session.namedCount = present.count
                try await session.create(on: db)
                for member in present { attendance.append([UUID(), try session.requireID(), try program.requireID(), member]) }
                personTimes += heads + present.count
            }
            try await BulkInsert.rows(
                into: TrainingAttendance.schema, columns: ["id", "session_id", "program_id", "member_id"], attendance, on: db)
        }
        func enrol(_ program: TrainingProgram, _ members: [UUID]) async throws {
            let since = Date(timeIntervalSince1970: 1_693_526_400)
            try await BulkInsert.rows(
                into: TrainingEnrolment.schema, columns: ["id", "program_id", "member_id", "status", "since"],
                members.enumerated().map {
                    [UUID(), try program.requireID(), $1, EnrolmentStatus.enrolled.rawValue, since.addingTimeInterval(Double($0))]
                }, on: db)
            program.enrolledCount = members.count
            try await program.update(on: db)
        }
        func every(_ days: Int, from start: CivilDate, count: Int) -> [CivilDate] { (0..<count).map { start.adding(days: $0 * days) } }
        func members(under key: String, limit: Int) async throws -> [UUID] {
            try await sql.select().column("id").from(Member.schema).where(
                "unit_id", .in, Array(tree.subtree(of: units[key]?.id ?? qingyang))
            )
            .where("deleted_at", .is, SQLLiteral.null).orderBy("id").limit(limit).all(decoding: IDRow.self).map(\.id)
        }

        // 长钻班: 李阳 and 39 classmates, trained for 长庆油田 with an 8,000-yuan offer.
        var cohort = try await members(under: "college", limit: 40).filter { $0 != people["李阳"]?.id }.prefix(39).map { $0 }
        if let li = people["李阳"]?.id { cohort.insert(li, at: 0) }
        let drilling = try await program(
            .orderClass, "长钻班（长庆油田钻井订单班）", unit: units["xifeng"]?.id ?? qingyang, college: college,
            employer: organizations["changqing"]?.id,
            partnership: try academy.requireID(), trade: "石油钻井工", places: 40, start: "2023-09-01", end: "2024-06-30",
            offer: 800_000, note: "毕业前签订就业协议")
        try await enrol(drilling, cohort)
        try await sessions(
            drilling, dates: every(30, from: CivilDate(year: 2023, month: 9, day: 15)!, count: 8), place: "庆阳职业技术学院钻井实训基地",
            trainers: "长庆油田钻井技师", heads: 0, present: cohort)
        let field = try await program(
            .fieldClass, "田间课堂·苹果种植技术", unit: units["ningxian"]?.id ?? qingyang, trade: "果树工", places: 200,
            start: "2024-03-01",
            end: "2024-10-31")
        try await sessions(
            field, dates: every(30, from: CivilDate(year: 2024, month: 3, day: 10)!, count: 6), place: "宁县早胜镇果园",
            trainers: "劳模技术服务队",
            heads: 80, present: [])

        // Qingyang's 劳模工匠大讲堂 at 庆阳职业技术学院: 张小春, provincial model worker, tells the students his way
        // from migrant worker to logistics entrepreneur.
        let hall = try await program(
            .lectureHall, "劳模工匠大讲堂", unit: units["college"]?.id ?? qingyang, college: college, trade: nil, places: 300,
            start: "2024-10-01", end: "2024-12-31")
        try await sessions(
            hall, dates: [CivilDate(year: 2024, month: 10, day: 16)!], place: "庆阳职业技术学院报告厅",
            trainers: "张小春（甘肃省劳动模范）",
            heads: 280, present: [])

        // Jinchang since 2023: 劳模工匠进一线 training, field classes, on-site order training and skill upgrades.
        guard let jinchang = units["jinchang"]?.id else { return personTimes }
        let frontLine = try await program(
            .skillUpgrade, "劳模工匠进一线·产业工人培训", unit: jinchang, trade: nil, places: 300, start: "2023-03-01",
            end: "2024-05-31")
        try await sessions(
            frontLine, dates: every(19, from: CivilDate(year: 2023, month: 3, day: 8)!, count: 24), place: "金昌市各企业生产一线",
            trainers: "孙学祥等劳模工匠",
            heads: 250, present: [])
        let farm = try await program(
            .fieldClass, "田间课堂·科技助农", unit: units["yongchang"]?.id ?? jinchang, trade: "家畜饲养员", places: 200,
            start: "2023-04-01",
            end: "2024-05-31")
        try await sessions(
            farm, dates: every(21, from: CivilDate(year: 2023, month: 4, day: 6)!, count: 20), place: "永昌县养殖基地",
            trainers: "周勇",
            heads: 160,
            present: [])
        let onSite = try await program(
            .onSiteOrder, "订单式上门培训·化工设备检修", unit: units["jinhua"]?.id ?? jinchang, employer: organizations["jinhua"]?.id,
            trade: "化工设备检修工", places: 40, start: "2023-10-01", end: "2024-03-31")
        try await sessions(
            onSite, dates: every(30, from: CivilDate(year: 2023, month: 10, day: 12)!, count: 6), place: "金化集团检修车间",
            trainers: "孙学祥",
            heads: 40, present: [])
        let upgrade = try await members(under: "jinchang", limit: 130)
        for (index, group) in [Array(upgrade.prefix(65)), Array(upgrade.dropFirst(65))].enumerated() where !group.isEmpty {
            let course = try await program(
                .skillUpgrade, "技能提升培训·第\(index + 1)期", unit: units["jinchuan-group"]?.id ?? jinchang,
                employer: organizations["jinchuan-group"]?.id,
                trade: "电解精炼工", places: 65, start: "2023-06-01", end: "2024-05-31")
            try await enrol(course, group)
            try await sessions(
                course, dates: every(40, from: CivilDate(year: 2023, month: 6, day: 10 + index)!, count: 8), place: "金川集团培训中心",
                trainers: "金川集团首席技师", heads: 0, present: group)
        }
        return personTimes
    }

    struct IDRow: Decodable {
        var id: UUID
    }
}
