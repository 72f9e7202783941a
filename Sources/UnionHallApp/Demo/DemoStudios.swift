import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// The studios the articles name, with their results, and Qingyang's 2024 naming list: 11
/// model-worker studios and 19 innovative teams (the rest of the list led by synthetic members).
enum DemoStudios {
    static let qingyangModelWorkerStudios2024 = 11
    static let qingyangInnovativeTeams2024 = 19
    /// "带动59名成员晋升高级职称": 梁东平's team members whose title changes reached 副高级.
    static let liangTeamPromoted = 59

    struct Named {
        let name: String
        let kind: StudioKind
        let level: HonorLevel
        let year: Int
        let namedBy: String
        let lead: String?
        let leadUnit: String
        let organization: String
        let partner: String?
        let results: [(StudioResultKind, String, Int, Int, Int64)]
        /// 负责人, where not the lead.
        var head: String? = nil
        var otherPartners: [String] = []
        var designations: [(StudioKind, HonorLevel, Int, String)] = []
        /// Benefits that are not money: title, quantity, unit, baseline.
        var measured: [(String, Int, String, String?)] = []
    }

    static let named: [Named] = [
        Named(
            name: "华能庆阳煤电制造有限公司科技创新工作室", kind: .innovativeTeam, level: .city, year: 2024,
            namedBy: "庆阳市总工会",
            lead: nil,
            leadUnit: "huaneng", organization: "huaneng", partner: nil,
            results: [
                (.nationalProject, "国家级项目", 2024, 2, 0), (.provincialAchievement, "省部级科技成果（30余项）", 2024, 31, 0),
                (.inventionPatent, "授权发明专利", 2024, 5, 0), (.utilityModelPatent, "授权实用新型专利", 2024, 15, 0),
                (.paper, "发表学术论文", 2024, 12, 0), (.softwareCopyright, "软件著作权", 2024, 13, 0),
                (.funding, "政府科研经费", 2024, 1, 20_000_000),
                (.benefit, "数算融合-多矿共核5G-A智能矿山的应用研究（每年节约成本）", 2024, 1, 560_000_000),
                (.nationalBenchmarkCase, "国家级标杆案例", 2024, 2, 0),
                (.enterpriseListing, "推动企业入选甘肃省2024年5G全链接工厂示范名录", 2024, 1, 0),
                (
                    .registeredAchievement, "《数算融合-多矿共核5G-A智能矿山的应用研究》通过科技成果登记", 2024,
                    1, 0
                ),
                (.nominationPending, "冲刺甘肃省科技进步奖", 2024, 1, 0),
            ],
            designations: [
                (.skillMasterStudio, .city, 2024, "庆阳市总工会"),
                (.techInnovationClassroom, .national, 2024, "中国职工技术协会"),
            ]),
        Named(
            name: "巩怀华劳模创新工作室", kind: .modelWorkerStudio, level: .city, year: 2019, namedBy: "庆阳市总工会", lead: "巩怀华",
            leadUnit: "petrochem", organization: "petrochem", partner: nil,
            results: [
                (.innovationProject, "五年累计完成技术革新项目", 2024, 46, 0),
                (.benefit, "累计创造经济效益（8000余万元）", 2024, 1, 8_050_000_000),
                (.backboneTrained, "培养技术骨干", 2024, 12, 0),
            ],
            measured: [
                ("催化裂化装置节能改造：装置能耗降低", 12, "%", "改造前"),
                ("催化裂化装置节能改造：年节约标准煤", 12_000, "吨/年", nil),
            ]),
        Named(
            name: "梁东平劳模创新工作室", kind: .modelWorkerStudio, level: .provincial, year: 2018, namedBy: "甘肃省总工会", lead: "梁东平",
            leadUnit: "grid-liang", organization: "grid", partner: nil,
            results: [
                (.award, "钻杆动态作业密封装置 甘肃省职工技术成果一等奖", 2024, 1, 0)
            ],
            head: "张远东"),
        Named(
            name: "智慧能源校企协同创新工作室", kind: .schoolEnterpriseStudio, level: .city, year: 2024,
            namedBy: "陇东学院、国网庆阳供电公司", lead: nil,
            leadUnit: "longdong", organization: "longdong", partner: "grid",
            results: [
                (.innovationProject, "带电接火机器人（与西北工业大学联合研发）", 2024, 1, 0)
            ],
            otherPartners: ["nwpu"],
            measured: [
                ("带电接火机器人试点应用", 8, "家供电企业", nil),
                ("带电接火机器人：节约人工成本", 67, "%", "人工导线接火"),
                ("带电接火机器人：提升工作效率", 30, "%", "人工导线接火"),
            ]),
        Named(
            name: "孙学祥国家级技能大师工作室", kind: .skillMasterStudio, level: .national, year: 2020,
            namedBy: "人力资源和社会保障部",
            lead: "孙学祥",
            leadUnit: "jinhua-team", organization: "jinhua", partner: nil,
            results: [
                (.backboneTrained, "导师带徒培养化工设备维修骨干（20余名）", 2024, 21, 0)
            ]),
    ]

    static func load(units: [String: UnionUnit], organizations: [String: Organization], people: [String: Member], on db: any Database)
        async throws -> Int
    {
        var made = 0
        for spec in named {
            guard let lead = try await lead(named: spec.lead, in: units[spec.leadUnit], people: people, on: db) else { continue }
            let studio = try await create(
                name: spec.name, kind: spec.kind, level: spec.level, year: spec.year, namedBy: spec.namedBy, lead: lead,
                organization: organizations[spec.organization]?.id,
                partners: ([spec.partner].compactMap { $0 } + spec.otherPartners).compactMap { organizations[$0]?.id }, on: db)
            if let head = spec.head.flatMap({ people[$0]?.id }) {
                studio.headID = head
                try await studio.update(on: db)
            }
            if spec.lead == "梁东平" {
                try await promoteTeam(of: studio, from: ["grid-liang", "grid"].compactMap { units[$0]?.id }, on: db)
            }
            for (kind, level, year, namedBy) in spec.designations {
                let designation = StudioDesignation()
                designation.studioID = try studio.requireID()
                designation.unitID = studio.unitID
                designation.kind = kind
                designation.level = level
                designation.year = year
                designation.namedBy = namedBy
                try await designation.create(on: db)
            }
            for (title, quantity, unit, baseline) in spec.measured {
                let result = StudioResult()
                result.studioID = try studio.requireID()
                result.unitID = studio.unitID
                result.kind = .measuredBenefit
                result.title = title
                result.year = 2024
                result.quantity = quantity
                result.amountFen = 0
                result.unit = unit
                result.baseline = baseline
                try await result.create(on: db)
            }
            for (kind, title, year, quantity, amount) in spec.results {
                let result = StudioResult()
                result.studioID = try studio.requireID()
                result.unitID = studio.unitID
                result.kind = kind
                result.title = title
                result.year = year
                result.quantity = quantity
                result.amountFen = amount
                try await result.create(on: db)
            }
            made += 1
        }
        // The rest of Qingyang's 2024 list, led by senior technicians of the city's enterprise unions.
        let alreadyNamed = named.filter { $0.year == 2024 && DemoData.isQingyang($0.leadUnit) }
        let teams = qingyangInnovativeTeams2024 - alreadyNamed.filter { $0.kind == .innovativeTeam }.count
        let studios = qingyangModelWorkerStudios2024 - alreadyNamed.filter { $0.kind == .modelWorkerStudio }.count
        let enterpriseUnits = DemoCatalog.units.filter { $0.kind == .enterprise && DemoData.isQingyang($0.key) }.compactMap {
            units[$0.key]?.id
        }
        let leads = try await Member.query(on: db).filter(\.$unitID ~~ enterpriseUnits).filter(\.$deletedAt == nil)
            .filter(\.$skillLevel == SkillLevel.seniorTechnician.rawValue).sort(\.$pinyin).limit(teams + studios).all()
        for (index, lead) in leads.enumerated() {
            let isStudio = index < studios
            let name = isStudio ? "\(lead.name)劳模创新工作室" : "\(lead.trade ?? "技术")创新型班组（\(lead.name)）"
            _ = try await create(
                name: name, kind: isStudio ? .modelWorkerStudio : .innovativeTeam, level: .city, year: 2024, namedBy: "庆阳市总工会",
                lead: lead, organization: lead.organizationID, partners: [], on: db)
            made += 1
        }
        return made
    }

    /// 梁东平's team: members of the grid company's unions join the studio, and 59 of them are
    /// promoted from 中级 to 副高级 in 2024, each a title change the figures count.
    private static func promoteTeam(of studio: Studio, from units: [UUID], on db: any Database) async throws {
        let team = try await Member.query(on: db).filter(\.$unitID ~~ units).filter(\.$deletedAt == nil)
            .filter(\.$id != studio.leadID).sort(\.$idNumber).limit(liangTeamPromoted + 6).all()
        for (index, member) in team.enumerated() {
            let memberID = try member.requireID()
            try await StudioMember(studio: studio, memberID: memberID, joinedAt: Date()).create(on: db)
            member.title = .intermediate
            guard index < liangTeamPromoted else {
                try await member.update(on: db)
                continue
            }
            member.title = .associateSenior
            try await member.update(on: db)
            let day = CivilDate(year: 2024, month: 3, day: 1)!.adding(days: index * 4)
            try await MemberTitles.record(member, from: .intermediate, on: day, in: db)
        }
    }

    /// 周勇劳模创新工作室, whose field classes the outreach demo records.
    static func zhouYongStudio(lead: Member, on db: any Database) async throws -> Studio {
        try await create(
            name: "周勇劳模创新工作室", kind: .modelWorkerStudio, level: .city, year: 2021, namedBy: "金昌市总工会", lead: lead,
            organization: lead.organizationID, partners: [], on: db)
    }

    private static func lead(named name: String?, in unit: UnionUnit?, people: [String: Member], on db: any Database) async throws
        -> Member?
    {
        if let name { return people[name] }
        guard let unitID = unit?.id else { return nil }
        return try await Member.query(on: db).filter(\.$unitID == unitID).filter(\.$deletedAt == nil)
            .filter(\.$skillLevel <= SkillLevel.technician.rawValue).sort(\.$pinyin).first()
    }

    private static func create(
        name: String, kind: StudioKind, level: HonorLevel, year: Int, namedBy: String, lead: Member,
        organization: UUID?, partners: [UUID], on db: any Database
    ) async throws -> Studio {
        let studio = Studio()
        studio.unitID = lead.unitID
        studio.name = name
        studio.kind = kind
        studio.level = level
        studio.yearNamed = year
        studio.namedBy = namedBy
        studio.leadID = try lead.requireID()
        studio.organizationID = organization
        studio.version = 1
        try await studio.create(on: db)
        for organization in partners {
            let link = StudioPartner()
            link.studioID = try studio.requireID()
            link.unitID = studio.unitID
            link.organizationID = organization
            try await link.create(on: db)
        }
        try await StudioMember(studio: studio, memberID: studio.leadID, joinedAt: Date()).create(on: db)
        try await Audit.record(.create, studio, by: .system, on: db)
        return studio
    }
}
