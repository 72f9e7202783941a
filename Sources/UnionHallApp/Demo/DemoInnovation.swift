import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// The articles' innovation figures as items behind them. Jinchang since 2023: 6,430
/// rationalization proposals, 133 technical innovations, 45 inventions, 195 五小 and 280 advanced
/// methods. Qingyang in 2024: 88 achievements collected, 3 with provincial awards (钻杆动态作业密封装置
/// first) and 4 with international medals (2 gold, 1 silver, 1 bronze). 巩怀华's studio: 46
/// technical innovations in 5 years, ¥80,500,000 of benefit. 华能's 5G-A mine project: ¥5,600,000 a year.
enum DemoInnovation {
    static let jinchang: [(InnovationKind, Int)] = [
        (.proposal, 6_430), (.technicalInnovation, 133), (.invention, 45), (.fiveSmall, 195), (.advancedMethod, 280),
    ]
    static let qingyangAchievements2024 = 88
    static let gongProjects = 46
    static let gongBenefitYuan: Int64 = 80_500_000

    static let subjects = [
        "皮带机托辊快换", "电解槽密封改进", "离心泵节能运行", "检修工装定位", "化验取样流程",
        "尾气余热回收", "阀门在线堵漏",
        "巡检路线优化",
        "备件库存管理", "吊装安全防护",
    ]

    struct Made {
        var items: [InnovationItem] = []
        var authors: [InnovationAuthor] = []
        var awards: [InnovationAward] = []
        var events: [InnovationEvent] = []
    }

    static func load(units: [String: UnionUnit], people: [String: Member], at now: Date, on db: any Database) async throws -> Int {
        var made = Made()
        let tree = try await UnitTree.load(on: db)
        func members(under key: String, limit: Int) async throws -> [Member] {
            guard let root = units[key]?.id else { return [] }
            return try await Member.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: root))).filter(\.$deletedAt == nil).sort(\.$id)
                .limit(limit).all()
        }

        // Jinchang, 2023-01-01 to 2024-05-31: the kinds in the article's numbers.
        let jinchangAuthors = try await members(under: "jinchang", limit: 800)
        var serial = 0
        for (kind, count) in jinchang where !jinchangAuthors.isEmpty {
            for index in 0..<count {
                serial += 1
                let author = jinchangAuthors[serial % jinchangAuthors.count]
                let submitted = CivilDate(year: 2023, month: 1, day: 1)!.adding(days: serial % 516)
                let status: InnovationStatus =
                    kind == .advancedMethod ? .implemented : [.adopted, .implemented, .adopted, .rejected, .assessed][index % 5]
                let sub = kind == .fiveSmall ? FiveSmallKind.allCases[index % FiveSmallKind.allCases.count] : nil
                try add(
                    &made, kind: kind, subKind: sub, title: "\(subjects[serial % subjects.count])（\(serial)）", author: author,
                    submitted: submitted,
                    status: status, benefitYuan: status == .assessed ? Int64(5_000 + index % 20 * 1_000) : 0, at: now)
            }
        }

        // Qingyang 2024: 88 achievements from its employers' members.
        let qingyangAuthors = try await members(under: "energy", limit: 200) + members(under: "xifeng", limit: 200)
        let liang = people["梁东平"]
        let liangStudio = try await Studio.query(on: db).filter(\.$name == "梁东平劳模创新工作室").first()
        let awards: [(InnovationAwardLevel, InnovationAwardGrade, String, String)] = [
            (.provincial, .first, "甘肃省总工会", "甘肃省职工技术成果一等奖"),
            (
                .provincial, .second, "甘肃省总工会",
                "甘肃省职工技术成果二等奖"
            ),
            (.provincial, .third, "甘肃省总工会", "甘肃省职工技术成果三等奖"), (.international, .gold, "国际发明展览会", "金奖"),
            (.international, .gold, "国际发明展览会", "金奖"), (.international, .silver, "国际发明展览会", "银奖"),
            (.international, .bronze, "国际发明展览会", "铜奖"),
        ]
        for index in 0..<qingyangAchievements2024 where !qingyangAuthors.isEmpty {
            let first = index == 0
            let author = first ? (liang ?? qingyangAuthors[0]) : qingyangAuthors[index % qingyangAuthors.count]
            let submitted = CivilDate(year: 2024, month: 1, day: 10)!.adding(days: index * 3)
            let award = index < awards.count ? awards[index] : nil
            let item = try add(
                &made, kind: .achievement, subKind: nil,
                title: first ? "钻杆动态作业密封装置" : "职工技术创新成果（\(index + 1)）",
                author: author,
                submitted: submitted, status: award == nil ? (index % 3 == 0 ? .assessed : .adopted) : .awarded,
                benefitYuan: award != nil || index % 3 == 0 ? Int64(100_000 + index * 10_000) : 0, studio: first ? liangStudio?.id : nil,
                at: now)
            if let (level, grade, body, name) = award {
                let made_ = InnovationAward()
                made_.id = UUID()
                made_.itemID = item.id!
                made_.unitID = item.unitID
                made_.level = level
                made_.grade = grade
                made_.year = 2024
                made_.awardedBy = body
                made_.name = name
                made.awards.append(made_)
            }
        }

        // 巩怀华's studio: 46 technical innovations over five years, ¥80,500,000 in all.
        if let gong = people["巩怀华"], let studio = try await Studio.query(on: db).filter(\.$name == "巩怀华劳模创新工作室").first() {
            let each = gongBenefitYuan / Int64(gongProjects)
            for index in 0..<gongProjects {
                let benefit = index == gongProjects - 1 ? gongBenefitYuan - each * Int64(gongProjects - 1) : each
                try add(
                    &made, kind: .technicalInnovation, subKind: nil,
                    title: index == 0 ? "催化裂化装置节能改造" : "催化装置技术革新（\(index + 1)）",
                    author: gong,
                    submitted: CivilDate(year: 2020 + index % 5, month: 3 + index % 8, day: 1 + index % 27)!, status: .assessed,
                    benefitYuan: benefit, studio: studio.id, at: now)
            }
        }
        // 华能's studio: the 5G-A smart mine project saving ¥5,600,000 a year, and its 5 invention and
        // 15 utility-model patents, 12 papers and 13 software copyrights as records of their own.
        var patents: [Patent] = []
        if let studio = try await Studio.query(on: db).filter(\.$name == "华能庆阳煤电制造有限公司科技创新工作室").first(),
            let lead = try await Member.find(studio.leadID, on: db)
        {
            try add(
                &made, kind: .technicalInnovation, subKind: nil, title: "数算融合-多矿共核5G-A智能矿山的应用研究", author: lead,
                submitted: CivilDate(year: 2023, month: 6, day: 1)!, status: .assessed, benefitYuan: 5_600_000, studio: studio.id, at: now)
            for (kind, count, prefix) in [
                (PatentKind.invention, 5, "ZL2021"), (.utilityModel, 15, "ZL2022"), (.paper, 12, "煤矿机电"),
                (.softwareCopyright, 13, "2023SR"),
            ] {
                for index in 0..<count {
                    let patent = Patent()
                    patent.unitID = studio.unitID
                    patent.kind = kind
                    patent.title = "智能矿山\(["井下定位", "设备诊断", "通风监测", "数字孪生", "运输调度"][index % 5])研究（\(index + 1)）"
                    patent.number =
                        kind == .paper
                        ? "\(prefix) \(2020 + index % 5) 年第 \(index % 12 + 1) 期"
                        : "\(prefix)\(String(format: "%07d", 1_000_000 + index * 37))"
                    patent.date = CivilDate(year: 2020 + index % 5, month: 1 + index % 12, day: 10)!.description
                    patent.studioID = studio.id
                    patent.version = 1
                    patents.append(patent)
                }
            }
        }

        for start in stride(from: 0, to: made.items.count, by: 400) {
            try await Array(made.items[start..<min(start + 400, made.items.count)]).create(on: db)
        }
        for start in stride(from: 0, to: made.authors.count, by: 1_000) {
            try await Array(made.authors[start..<min(start + 1_000, made.authors.count)]).create(on: db)
        }
        for start in stride(from: 0, to: made.events.count, by: 1_000) {
            try await Array(made.events[start..<min(start + 1_000, made.events.count)]).create(on: db)
        }
        try await made.awards.create(on: db)
        try await patents.create(on: db)
        try await subsidies(units: units, items: made.items, at: now, on: db)
        return made.items.count + (try await reviewQueue(units: units, at: now, on: db))
    }

    /// Proposals waiting at 国网庆阳供电公司, so the expert has a queue and co-workers something to
    /// second: three under review with the expert (one scored), three just submitted.
    static func reviewQueue(units: [String: UnionUnit], at now: Date, on db: any Database) async throws -> Int {
        guard let expert = try await User.query(on: db).filter(\.$username == "expert").first()?.requireID(),
            let officer = try await User.query(on: db).filter(\.$username == "qingyang").first()?.requireID()
        else { return 0 }
        let tree = try await UnitTree.load(on: db)
        guard let grid = units["grid"]?.id else { return 0 }
        let workers = try await Member.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: grid))).filter(\.$deletedAt == nil).sort(
            \.$id
        ).limit(12).all()
        guard workers.count >= 11 else { return 0 }
        let titles = [
            "配电房巡检机器人路径优化", "带电作业绝缘工具快速检测", "电缆沟积水自动抽排",
            "计量箱防窃电封印改进",
            "抢修车辆物资定置管理", "低压台区线损分析表格化",
        ]
        var made = Made()
        for (index, title) in titles.enumerated() {
            try add(
                &made, kind: .proposal, subKind: nil, title: title, author: workers[index],
                submitted: CivilDate(year: 2024, month: 12, day: 2 + index)!,
                status: index < 3 ? .underReview : .submitted, benefitYuan: 0, at: now)
            made.items[index].expectedBenefitFen = Int64(20_000 + index * 15_000) * 100
            made.items[index].secondsCount = 5 - index % 3
        }
        try await made.items.create(on: db)
        try await made.authors.create(on: db)
        try await made.events.create(on: db)
        for (index, item) in made.items.enumerated() {
            for colleague in workers[6..<(6 + item.secondsCount)] {
                let second = InnovationSecond()
                second.itemID = item.id!
                second.memberID = try colleague.requireID()
                second.at = now
                try await second.create(on: db)
            }
            guard index < 3 else { continue }
            let review = InnovationReview()
            review.itemID = item.id!
            review.unitID = item.unitID
            review.reviewerID = expert
            review.assignedBy = officer
            review.assignedAt = now
            if index == 0 {
                let scores = ReviewScores(innovation: 82, feasibility: 90, benefit: 76)
                review.innovationScore = scores.innovation
                review.feasibilityScore = scores.feasibility
                review.benefitScore = scores.benefit
                review.weightedScore = scores.weighted(by: .standard(for: .proposal))
                review.submittedAt = now
                item.reviewScore = review.weightedScore
                try await item.update(on: db)
            }
            try await review.create(on: db)
        }
        return made.items.count
    }

    @discardableResult
    static func add(
        _ made: inout Made, kind: InnovationKind, subKind: FiveSmallKind?, title: String, author: Member, submitted: CivilDate,
        status: InnovationStatus, benefitYuan: Int64, studio: UUID? = nil, at now: Date
    ) throws -> InnovationItem {
        let item = InnovationItem()
        let id = UUID()
        item.id = id
        item.unitID = author.unitID
        item.kind = kind
        item.subKind = subKind
        item.title = title
        item.problem = "生产现场存在的问题：效率低、能耗高或存在安全隐患。"
        item.proposal = "经班组讨论提出的改进办法，已在车间试行。"
        item.expectedBenefitFen = benefitYuan * 100
        item.authorID = try author.requireID()
        item.studioID = studio
        item.submittedDate = submitted.description
        item.status = status
        item.secondsCount = 0
        let decided = submitted.adding(days: 30)
        if status != .submitted && status != .underReview { item.decisionDate = decided.description }
        if status == .rejected { item.rejectReason = "同类方案已在实施。" }
        if [.implemented, .assessed, .awarded].contains(status) { item.implementedDate = decided.adding(days: 30).description }
        item.benefitFen = 0
        if status == .assessed || (status == .awarded && benefitYuan > 0) {
            item.benefitFen = benefitYuan * 100
            item.benefitMethod = "节约材料、能耗与停机时间，按年测算"
            item.assessedDate = decided.adding(days: 60).description
        }
        item.authorUnread = false
        item.version = 1
        made.items.append(item)
        made.authors.append(InnovationAuthor(itemID: id, memberID: item.authorID, position: 0))
        made.events.append(InnovationEvent(itemID: id, at: now, status: status, note: item.rejectReason))
        return item
    }

    /// Qingyang's innovation subsidy fund for 2024, paid to 20 adopted achievements.
    static func subsidies(units: [String: UnionUnit], items: [InnovationItem], at now: Date, on db: any Database) async throws {
        // Paid by Qingyang's officer, whose account the demo creates.
        guard let city = units["qingyang"]?.id,
            let officer = try await User.query(on: db).filter(\.$username == "qingyang").first()?.requireID()
        else { return }
        let budget = InnovationBudget()
        budget.unitID = city
        budget.year = 2024
        budget.amountFen = 50_000_000
        budget.spentFen = 0
        budget.version = 1
        let paid = items.filter { $0.kind == .achievement && $0.status.isAdopted }.prefix(20)
        budget.spentFen = Int64(paid.count) * 1_000_000
        try await budget.create(on: db)
        for (index, item) in paid.enumerated() {
            let grant = SubsidyGrant()
            grant.budgetID = try budget.requireID()
            grant.itemID = item.id!
            grant.unitID = item.unitID
            grant.amountFen = 1_000_000
            grant.paidDate = CivilDate(year: 2024, month: 11, day: 1 + index)!.description
            grant.paidBy = officer
            try await grant.create(on: db)
        }
    }
}
