import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// Qingyang's 2024 安康杯: five employers with 20,000 workers take part; their accidents fall from
/// 300 people hurt in 2023 to 219 in 2024 — a 27.0 % fall in the rate per 1,000 — while the
/// employers outside it do not improve. Hazard rewards are capped at ¥5,000.00.
enum DemoSafety {
    static let participants: [(String, Int, Int, Int)] = [
        ("changqing", 6_000, 90, 66), ("petrochem", 5_000, 75, 55), ("huaneng", 4_000, 60, 44), ("grid", 3_000, 45, 33),
        ("logistics", 2_000, 30, 21),
    ]

    /// "每个班组都有安全检查": the teams' monthly inspections of 2024, each held but December's (cancelled
    /// for a holiday shutdown), by the team's safety officer.
    static let teamInspections: [(team: String, inspector: String?)] = [("grid-liang", "张远东"), ("jinhua-team", "孙学祥")]

    static func load(units: [String: UnionUnit], organizations: [String: Organization], people: [String: Member], on db: any Database)
        async throws
    {
        guard let qingyang = units["qingyang"]?.id else { return }
        for (team, name) in teamInspections {
            guard let unit = units[team]?.id, let inspector = name.flatMap({ people[$0]?.id }) else { continue }
            for month in 1...12 {
                let day = String(format: "2024-%02d-10", month)
                _ = try await inspection(
                    unit: unit, inspector: inspector, planned: day, held: month < 12 ? day : nil, note: "班组月度安全检查", on: db)
            }
        }
        let campaign = SafetyCampaign()
        campaign.unitID = qingyang
        campaign.year = 2024
        campaign.name = "庆阳市2024年“安康杯”竞赛"
        campaign.rewardCapFen = 500_000
        campaign.version = 1
        try await campaign.create(on: db)
        try await Audit.record(.create, campaign, by: .system, on: db)
        func record(_ organization: Organization, year: Int, headcount: Int, casualties: Int) async throws {
            let row = AccidentRecord()
            row.unitID = organization.unitID
            row.employerID = try organization.requireID()
            row.year = year
            row.headcount = headcount
            row.injured = casualties
            row.deaths = 0
            row.lostDays = casualties * 23
            row.version = 1
            try await row.create(on: db)
        }
        for (key, headcount, before, after) in participants {
            guard let organization = organizations[key] else { continue }
            let participant = CampaignParticipant()
            participant.campaignID = try campaign.requireID()
            participant.employerID = try organization.requireID()
            participant.headcount = headcount
            try await participant.create(on: db)
            try await record(organization, year: 2023, headcount: headcount, casualties: before)
            try await record(organization, year: 2024, headcount: headcount, casualties: after)
        }
        // 郭一帆, safety officer at 庆阳石化, found a major hazard; rectified and rewarded at the cap.
        if let guo = people["郭一帆"], let guoID = guo.id {
            guo.post = "安全监督员"
            try await guo.update(on: db)
            let hazard = HazardReport()
            hazard.unitID = guo.unitID
            hazard.campaignID = campaign.id
            hazard.reporterID = guoID
            hazard.employerID = guo.organizationID
            hazard.place = "常减压装置加热炉区域"
            hazard.description = "加热炉燃料气管线法兰渗漏，附近有高温作业"
            hazard.severity = .major
            hazard.status = .rewarded
            hazard.reportedDate = "2024-06-12"
            hazard.rectifyBy = "2024-06-15"
            hazard.rectifiedDate = "2024-06-14"
            hazard.rewardFen = try HazardRewards.amount(asked: nil, severity: .major, cap: campaign.rewardCapFen).get()
            hazard.rewardedDate = "2024-06-20"
            hazard.version = 1
            // Found in 庆阳石化's June inspection, which 郭一帆 held as its safety officer.
            hazard.inspectionID = try await inspection(
                unit: guo.unitID, inspector: guoID, planned: "2024-06-12", held: "2024-06-12", note: "常减压装置月度安全检查",
                on: db)
            try await hazard.create(on: db)
            try await Audit.record(.create, hazard, by: .system, on: db)
        }
        if let tianshui = organizations["tianshui"] {
            try await record(tianshui, year: 2023, headcount: 400, casualties: 5)
            try await record(tianshui, year: 2024, headcount: 420, casualties: 6)
        }
    }

    private static func inspection(unit: UUID, inspector: UUID, planned: String, held: String?, note: String, on db: any Database)
        async throws -> UUID
    {
        let row = SafetyInspection()
        row.unitID = unit
        row.inspectorID = inspector
        row.plannedDate = planned
        row.status = held == nil ? .cancelled : .held
        row.heldDate = held
        row.note = note
        row.cancelReason = held == nil ? "年末停产检修，检查并入检修验收" : nil
        row.version = 1
        try await row.create(on: db)
        return try row.requireID()
    }
}
