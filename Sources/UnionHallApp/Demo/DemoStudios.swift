import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// The studios the articles name, with their results, and Qingyang's 2024 naming list: 11
/// model-worker studios and 19 innovative teams (the rest of the list led by synthetic members).
enum DemoStudios {
    static let qingyangModelWorkerStudios2024 = 11
    static let qingyangInnovativeTeams2024 = 19

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
            ]),
        Named(
            name: "巩怀华劳模创新工作室", kind: .modelWorkerStudio, level: .city, year: 2019, namedBy: "庆阳市总工会", lead: "巩怀华",
            leadUnit: "petrochem", organization: "petrochem", partner: nil,
            results: [
                (.innovationProject, "五年累计完成技术革新项目", 2024, 46, 0),
                (.benefit, "累计创造经济效益（8000余万元）", 2024, 1, 8_050_000_000),
                (.backboneTrained, "培养技术骨干", 2024, 12, 0),
            ]),
        Named(
            name: "梁东平劳模创新工作室", kind: .modelWorkerStudio, level: .provincial, year: 2018, namedBy: "甘肃省总工会", lead: "梁东平",
            leadUnit: "grid-liang", organization: "grid", partner: nil,
            results: [
                (.award, "钻杆动态作业密封装置 甘肃省职工技术成果一等奖", 2024, 1, 0),
                (.membersPromoted, "带动成员晋升高级职称", 2024, 59, 0),
            ]),
        Named(
            name: "智慧能源校企协同创新工作室", kind: .schoolEnterpriseStudio, level: .city, year: 2024,
            namedBy: "陇东学院、国网庆阳供电公司", lead: nil,
            leadUnit: "longdong", organization: "longdong", partner: "grid",
            results: [
                (.innovationProject, "带电接火机器人（全市8家供电企业试点应用）", 2024, 1, 0)
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
                organization: organizations[spec.organization]?.id, partner: spec.partner.flatMap { organizations[$0]?.id }, on: db)
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
                lead: lead, organization: lead.organizationID, partner: nil, on: db)
            made += 1
        }
        return made
    }

    /// 周勇劳模创新工作室, whose field classes the outreach demo records.
    static func zhouYongStudio(lead: Member, on db: any Database) async throws -> Studio {
        try await create(
            name: "周勇劳模创新工作室", kind: .modelWorkerStudio, level: .city, year: 2021, namedBy: "金昌市总工会", lead: lead,
            organization: lead.organizationID, partner: nil, on: db)
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
        organization: UUID?, partner: UUID?, on db: any Database
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
        studio.partnerID = partner
        studio.version = 1
        try await studio.create(on: db)
        try await StudioMember(studio: studio, memberID: studio.leadID, joinedAt: Date()).create(on: db)
        try await Audit.record(.create, studio, by: .system, on: db)
        return studio
    }
}
