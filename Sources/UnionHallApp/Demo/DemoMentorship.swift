import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// The mentorship agreements behind the articles' figures: 40 signed at 国网庆阳供电公司 in 2024, 20 at 华能,
/// and Jinchang's 3,100 apprentices trained since 2023 (each a completed agreement with a
/// qualified mentor). Built from the synthetic members; a smaller demo gets as many as it can hold.
enum DemoMentorship {
    static let qingyangGridAgreements = 40
    static let huanengAgreements = 20
    static let jinchangApprentices = 3_100
    static let mentorsPerTeam = 400

    struct Report {
        var grid = 0
        var huaneng = 0
        var jinchang = 0
    }

    static func load(units: [String: UnionUnit], organizations: [String: Organization], on db: any Database) async throws -> Report {
        var report = Report()
        let gridUnits = ["grid", "grid-liang"].compactMap { units[$0]?.id }
        report.grid = try await create(
            count: qingyangGridAgreements, in: gridUnits, organization: organizations["grid"]?.id,
            dates: { index in
                let signed = CivilDate(year: 2024, month: 3, day: 1)!.adding(days: index * 5)
                return (signed, signed.adding(days: 365), nil)
            }, goals: "掌握配网带电作业与电缆头制作工艺", on: db)
        // 华能's innovation team: 20 导师带徒 agreements signed in its founding year.
        report.huaneng = try await create(
            count: huanengAgreements, in: ["huaneng"].compactMap { units[$0]?.id }, organization: organizations["huaneng"]?.id,
            dates: { index in
                let signed = CivilDate(year: 2024, month: 4, day: 8)!.adding(days: index * 7)
                return (signed, signed.adding(days: 365), nil)
            }, goals: "数字孪生与智能矿山应用场景适配", on: db)
        let jinchangUnits = units.filter { !DemoData.isQingyang($0.key) }.compactMap { $0.value.id }
        report.jinchang = try await create(
            count: jinchangApprentices, in: jinchangUnits, organization: nil,
            dates: { index in
                let signed = CivilDate(year: 2023, month: 1, day: 3)!.adding(days: index % 150)
                return (signed, signed.adding(days: 365), signed.adding(days: 180 + index % 150))
            }, goals: "师带徒：化工设备维修与操作技能", on: db)
        return report
    }

    /// Pairs qualified mentors (技师 and above) with distinct apprentices of the same units.
    private static func create(
        count: Int, in unitIDs: [UUID], organization: UUID?, dates: (Int) -> (CivilDate, CivilDate, CivilDate?),
        goals: String, on db: any Database
    ) async throws -> Int {
        guard let sql = db as? any SQLDatabase, !unitIDs.isEmpty else { return 0 }
        let mentors = try await Member.query(on: db).filter(\.$unitID ~~ unitIDs).filter(\.$deletedAt == nil)
            .filter(\.$skillLevel <= SkillLevel.technician.rawValue).limit(mentorsPerTeam).all()
        let apprentices = try await Member.query(on: db).filter(\.$unitID ~~ unitIDs).filter(\.$deletedAt == nil)
            .filter(\.$skillLevel >= SkillLevel.senior.rawValue).limit(count).all()
        guard !mentors.isEmpty else { return 0 }
        let columns = [
            "id", "unit_id", "mentor_id", "apprentice_id", "organization_id", "start_date", "end_date", "goals", "milestones", "status",
            "signed_date", "completed_date", "level_before", "level_after", "version", "created_at", "updated_at",
        ]
        let now = Date()
        var made = 0
        for batch in stride(from: 0, to: apprentices.count, by: DemoData.batchSize) {
            let insert = sql.insert(into: MentorshipAgreement.schema).columns(columns)
            for index in batch..<min(batch + DemoData.batchSize, apprentices.count) {
                let apprentice = apprentices[index]
                let mentor = mentors[index % mentors.count]
                let (signed, end, completed) = dates(index)
                let before = apprentice.skillLevel ?? SkillLevel.junior.rawValue
                let after: Int? = completed == nil ? nil : max(before - 1, SkillLevel.seniorTechnician.rawValue)
                insert.values([
                    SQLBind(UUID()), SQLBind(apprentice.unitID), SQLBind(try mentor.requireID()), SQLBind(try apprentice.requireID()),
                    SQLBind(organization ?? apprentice.organizationID), SQLBind(signed.description), SQLBind(end.description),
                    SQLBind(goals),
                    SQLBind("季度考核，年度出师"), SQLBind((completed == nil ? MentorshipStatus.inProgress : .completed).rawValue),
                    SQLBind(signed.description), SQLBind(completed?.description), SQLBind(before), SQLBind(after), SQLBind(1), SQLBind(now),
                    SQLBind(now),
                ])
                made += 1
            }
            try await insert.run()
        }
        return made
    }
}
