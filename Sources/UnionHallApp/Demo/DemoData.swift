import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Loads the demo data set: the union trees of Jinchang and Qingyang, the organizations and people
/// the seed articles name, demo accounts, and synthetic members at Qingyang's real scale
/// (152,400 skilled workers in all). Everything in one transaction: it loads whole or not at all.
enum DemoData {
    static let defaultMemberCount = 200_000
    /// Qingyang's skilled workforce in 2024 (庆阳技能人才总量 15.24 万人).
    static let qingyangSkilledTotal = 152_400
    static let jinchangShare = 0.1
    static let password = "Union@2024"
    static let batchSize = 1_000

    static func load(on app: Application, members count: Int) async throws -> String {
        if try await UnionUnit.query(on: app.db).filter(\.$name == "庆阳市总工会").count() > 0 {
            return "演示数据已存在 Demo data already loaded.\n" + accountsText()
        }
        let started = ContinuousClock.now
        let hash = try app.password.hash(password)
        let plan = Plan(total: count)
        let now = app.current.now()
        let (synthetic, mentorship, studios, outreach, problems, innovation, skills, disputes, scholarships) = try await app.write { db in
            let units = try await createUnits(on: db)
            let organizations = try await createOrganizations(units: units, on: db)
            let people = try await createPeople(units: units, organizations: organizations, on: db)
            try await createHonors(people: people, on: db)
            try await createAccounts(units: units, people: people, hash: hash, on: db)
            let synthetic = try await insertSynthetic(plan: plan, units: units, organizations: organizations, on: db)
            try await MembershipBackfill.run(on: db)
            try await MemberCounts.recount(on: db)
            let mentorship = try await DemoMentorship.load(units: units, organizations: organizations, on: db)
            let studios = try await DemoStudios.load(units: units, organizations: organizations, people: people, on: db)
            let outreach = try await DemoOutreach.load(units: units, people: people, on: db)
            let problems = try await DemoTechProblems.load(organizations: organizations, people: people, on: db)
            try await DemoCampaigns.load(units: units, on: db)
            let innovation = try await DemoInnovation.load(units: units, people: people, at: now, on: db)
            try await DemoAlliances.load(units: units, on: db)
            let skills = try await DemoSkills.load(units: units, organizations: organizations, people: people, on: db)
            let disputes = try await DemoDisputes.load(units: units, organizations: organizations, people: people, on: db)
            _ = try await DemoServices.load(units: units, on: db)
            try await DemoSafety.load(units: units, organizations: organizations, people: people, on: db)
            let scholarships = try await DemoAid.load(units: units, people: people, today: CivilDate(now), on: db)
            _ = try await DemoRelief.load(units: units, people: people, today: CivilDate(now), on: db)
            _ = try await DemoMembership.load(units: units, organizations: organizations, today: CivilDate(now), on: db)
            return (synthetic, mentorship, studios, outreach, problems, innovation, skills, disputes, scholarships)
        }
        // Fresh statistics let the query planner pick the search indexes on a large register.
        if let sql = app.db as? any SQLDatabase { try await sql.raw("ANALYZE").run() }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(synthetic) / seconds : 0
        return String(
            format:
                "演示数据已载入 Demo data loaded: %d units, %d organizations, %d members (%d skilled in Qingyang) "
                + "in %.1f s (%.0f members/s).\n",
            DemoCatalog.units.count, DemoCatalog.organizations.count, synthetic + DemoCatalog.people.count,
            plan.qingyangSkilled + DemoCatalog.people.filter { $0.level != nil && isQingyang($0.unit) }.count, seconds, rate)
            + "工作室 Studios: \(studios + 1). 四进 Outreach activities: \(outreach). 技术难题 Technical problems: \(problems). "
            + "创新项目 Innovation items: \(innovation).\n"
            + "技能 Skills: \(skills.certifications) certifications, \(skills.events) competition events, "
            + "\(skills.honors) competition honors, \(skills.personTimes) training person-times.\n"
            + "劳动争议 Disputes: \(disputes) cases mediated in Qingyang in 2024. "
            + "金秋助学 Scholarships: \(scholarships) children paid in Qingyang in 2024.\n"
            + "师带徒 Mentorship: \(mentorship.grid) agreements at 国网庆阳供电公司, \(mentorship.huaneng) at 华能, "
            + "\(mentorship.jinchang) apprentices trained in Jinchang.\n"
            + accountsText()
    }

    static func accountsText() -> String {
        "演示账号 Demo accounts (password 密码 \(password)): "
            + DemoCatalog.accounts.map { "\($0.username) (\($0.displayName))" }.joined(separator: ", ")
    }

    /// How many synthetic members go where. At the default scale Qingyang's skilled count, with
    /// the named people, is exactly 152,400; other sizes scale in proportion.
    struct Plan {
        let qingyangSkilled: Int
        let qingyangOther: Int
        let jinchang: Int

        init(total: Int) {
            let namedSkilled = DemoCatalog.people.filter { $0.level != nil && DemoData.isQingyang($0.unit) }.count
            let skilledAtDefault = DemoData.qingyangSkilledTotal - namedSkilled
            let jinchang = Int(Double(total) * DemoData.jinchangShare)
            let qingyang = total - jinchang
            let skilled =
                total == DemoData.defaultMemberCount
                ? skilledAtDefault
                : Int((Double(total) * Double(skilledAtDefault) / Double(DemoData.defaultMemberCount)).rounded())
            self.qingyangSkilled = min(skilled, qingyang)
            self.qingyangOther = qingyang - self.qingyangSkilled
            self.jinchang = jinchang
        }
    }

    static func isQingyang(_ unitKey: String) -> Bool {
        var key: String? = unitKey
        while let current = key, let spec = DemoCatalog.units.first(where: { $0.key == current }) {
            if spec.parent == nil { return spec.key == "qingyang" }
            key = spec.parent
        }
        return false
    }

    private static func createUnits(on db: any Database) async throws -> [String: UnionUnit] {
        var units: [String: UnionUnit] = [:]
        for spec in DemoCatalog.units {
            let unit = UnionUnit(name: spec.name, kind: spec.kind, parentID: spec.parent.flatMap { units[$0]?.id })
            try await unit.create(on: db)
            try await Audit.record(.create, unit, by: .system, on: db)
            units[spec.key] = unit
        }
        return units
    }

    private static func createOrganizations(units: [String: UnionUnit], on db: any Database) async throws -> [String: Organization] {
        var organizations: [String: Organization] = [:]
        for (index, spec) in DemoCatalog.organizations.enumerated() {
            guard let unitID = units[spec.unit]?.id else { continue }
            let region = DemoCatalog.units.first { $0.key == spec.unit }?.region ?? 621_000
            // 9 = registered by the market regulator (1 for courts and colleges: public institutions).
            let authority = spec.kind == .employer || spec.kind == .cooperative ? "91" : "12"
            let code = CreditCode.make(body: "\(authority)\(region)MA\(String(format: "%07d", 1_000_000 + index * 7_919))")
            let organization = Organization(unitID: unitID, name: spec.name, kind: spec.kind, creditCode: code?.value)
            organization.sector = DemoCatalog.sectors[spec.key]
            try await organization.create(on: db)
            try await Audit.record(.create, organization, by: .system, on: db)
            organizations[spec.key] = organization
        }
        return organizations
    }

    private static func createPeople(units: [String: UnionUnit], organizations: [String: Organization], on db: any Database) async throws
        -> [String: Member]
    {
        var people: [String: Member] = [:]
        for (index, spec) in DemoCatalog.people.enumerated() {
            guard let unitID = units[spec.unit]?.id, let birth = CivilDate(year: spec.birth.0, month: spec.birth.1, day: spec.birth.2)
            else { continue }
            // Sequences below 100 are the named people's; synthetic members use 100–999.
            let sequence = 10 + index * 2 + (spec.gender == .male ? 1 : 0)
            let draft = MemberDraft(
                name: spec.name, gender: spec.gender, idNumber: IDNumber.make(region: spec.region, birth: birth, sequence: sequence).value,
                mobile: "139\(String(format: "%08d", 9_310_000 + index * 3_571))", trade: spec.trade, skillLevel: spec.level?.rawValue)
            let member = Member()
            member.version = 1
            member.apply(
                try draft.validate().orInvalid(), unitID: unitID, organizationID: spec.organization.flatMap { organizations[$0]?.id },
                migrant: spec.migrant, hardship: false)
            try await member.create(on: db)
            try await Audit.record(.create, member, by: .system, on: db)
            people[spec.name] = member
        }
        return people
    }

    private static func createHonors(people: [String: Member], on db: any Database) async throws {
        for spec in DemoCatalog.honors {
            guard let member = people[spec.person] else { continue }
            let valid = try HonorDraft(title: spec.title, level: spec.level, year: spec.year, awardingBody: spec.awardingBody)
                .validate(currentYear: CivilDate(Date()).year).orInvalid()
            let honor = try Honor(member: member, valid: valid)
            try await honor.create(on: db)
            try await Audit.record(.create, honor, by: .system, on: db)
        }
    }

    private static func createAccounts(units: [String: UnionUnit], people: [String: Member], hash: String, on db: any Database) async throws
    {
        for spec in DemoCatalog.accounts {
            let user = User(
                username: spec.username, passwordHash: hash, displayName: spec.displayName, role: spec.role,
                unitID: units[spec.unit]?.id, memberID: spec.member.flatMap { people[$0]?.id })
            try await user.create(on: db)
            try await Audit.record(.create, user, by: .system, on: db)
        }
    }

    static let firstRegistration = CivilDate(year: 2015, month: 1, day: 1)!.startOfDay

    /// Synthetic members, written in multi-row INSERTs: Fluent's per-model path is ten times slower here.
    private static func insertSynthetic(plan: Plan, units: [String: UnionUnit], organizations: [String: Organization], on db: any Database)
        async throws -> Int
    {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let generator = SyntheticMembers(units: units, organizations: organizations)
        let columns = [
            "id", "unit_id", "organization_id", "name", "gender", "id_number", "mobile", "trade", "skill_level",
            "migrant", "hardship", "name_key", "pinyin", "initials", "id_last4", "mobile_last4", "version", "created_at", "updated_at",
        ]
        let groups: [(city: String, skilled: Bool, count: Int)] = [
            ("qingyang", true, plan.qingyangSkilled), ("qingyang", false, plan.qingyangOther), ("jinchang", true, plan.jinchang),
        ]
        var serial = 0
        let now = Date()
        for group in groups {
            var remaining = group.count
            while remaining > 0 {
                let batch = min(remaining, batchSize)
                let insert = sql.insert(into: Member.schema).columns(columns)
                for _ in 0..<batch {
                    // Registered over the years before the articles' (2015–2023), so a year's register reads as it would.
                    let registered = min(now, Self.firstRegistration.addingTimeInterval(Double(serial % 3_285) * 86_400))
                    insert.values(generator.row(serial: serial, city: group.city, skilled: group.skilled, now: registered))
                    serial += 1
                }
                try await insert.run()
                remaining -= batch
            }
        }
        return serial
    }
}
