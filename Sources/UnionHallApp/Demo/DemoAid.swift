import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Qingyang's 2024 金秋助学 with industrial workers added as a priority group: 1,515 children of
/// hardship (or priority) workers each given ¥3,000.00 for college, ¥4,545,000.00 in all, every
/// application approved by the enterprise union, the county and the city and paid in two batches.
/// Hardship files behind them are verified by the counties; 陈帮贵 has one, and this year's
/// programme is open, so he can apply himself.
enum DemoAid {
    static let children = 1_515
    static let amountFen: Int64 = 300_000
    static let twoChildFamilies = 315
    static let priorityFamilies = 300
    /// The demo's officers who handle aid (and so see children's data).
    static let handlers = ["qingyang", "xifeng", "huanxian", "gridunion"]

    static func load(units: [String: UnionUnit], people: [String: Member], today: CivilDate, on db: any Database) async throws -> Int {
        guard let qingyang = units["qingyang"]?.id, let sql = db as? any SQLDatabase else { return 0 }
        try await User.query(on: db).filter(\.$username ~~ handlers).set(\.$handlesAid, to: true).update()
        let program = AidProgram()
        program.unitID = qingyang
        program.year = 2024
        program.kind = .scholarship
        program.name = "庆阳市2024年“金秋助学”"
        program.budgetFen = 500_000_000
        program.priorityIndustrial = true
        for stage in SchoolStage.allCases {
            program.setAmount([.juniorCollege, .university, .postgraduate].contains(stage) ? amountFen : 0, for: stage)
        }
        for level in HardshipLevel.allCases { program.setAmount(0, for: level) }
        (program.noticeFrom, program.noticeUntil) = ("2024-08-20", "2024-08-26")
        program.approvedFen = 0
        program.paidFen = 0
        program.version = 1
        try await program.create(on: db)
        try await Audit.record(.create, program, by: .system, on: db)
        let programID = try program.requireID()

        let tree = try await UnitTree.load(on: db)
        let named = Set(people.values.compactMap(\.id))
        let families = children - twoChildFamilies
        let workers = try await Member.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: qingyang))).filter(\.$deletedAt == nil)
            .sort(\.$idNumber).limit(families * 2).all().filter { !named.contains($0.id ?? UUID()) }
        // Industrial workers (an employer and a trade) may come as the priority group; the rest hold verified files.
        let priority = Array(workers.filter(AidApplications.isIndustrialWorker).prefix(priorityFamilies))
        let priorityIDs = Set(priority.compactMap(\.id))
        let withFiles = Array(workers.filter { !priorityIDs.contains($0.id ?? UUID()) }.prefix(families - priority.count))
        var fileOf: [UUID: UUID] = [:]
        var files: [[any Encodable & Sendable]] = []
        let levels: [HardshipLevel] = [.relative, .relative, .deep, .accident]
        let now = Date()
        var fileEvents: [[any Encodable & Sendable]] = []
        // Files verified in early 2024; two in three re-verified this year, the rest lapsed for want of it.
        func file(
            _ member: Member, level: HardshipLevel, cause: String, size: Int, income: Int64, opened: CivilDate, reverified: CivilDate?
        ) {
            guard let memberID = member.id else { return }
            let id = UUID()
            fileOf[memberID] = id
            let verified = opened.adding(days: 20)
            files.append([
                id, member.unitID, memberID, memberID, level.rawValue, cause, size, income, HardshipStatus.verified.rawValue,
                opened.description,
                (reverified ?? verified).description, 1, now, now,
            ])
            let steps = [("opened", opened), ("verify", verified)] + (reverified.map { [("reverify", $0)] } ?? [])
            fileEvents += steps.map { [UUID(), id, $0.1.startOfDay, $0.0, "", "system"] }
        }
        for (index, member) in withFiles.enumerated() {
            file(
                member, level: levels[index % levels.count],
                cause: [
                    "家庭成员患重病", "单亲家庭抚养子女", "因工伤致残",
                    "子女多就学负担重",
                ][index % 4],
                size: 3 + index % 3,
                income: Int64(45_000 + (index % 20) * 1_000), opened: CivilDate(year: 2024, month: 2, day: 1)!.adding(days: index % 40),
                reverified: index % 3 == 2 || today.year <= 2024 ? nil : today.adding(days: -(30 + index % 60)))
        }
        if let chen = people["陈帮贵"] {
            file(
                chen, level: .accident, cause: "工地欠薪期间家庭生活困难，子女在读", size: 4, income: 52_000,
                opened: CivilDate(year: 2024, month: 5, day: 6)!,
                reverified: today.year <= 2024 ? nil : today.adding(days: -20))
        }
        try await BulkInsert.rows(
            into: HardshipFile.schema,
            columns: [
                "id", "unit_id", "member_id", "open_member_id", "level", "cause", "household_size", "income_per_head_fen",
                "status", "opened_date", "verified_date", "version", "created_at", "updated_at",
            ], files, on: db)
        try await BulkInsert.rows(into: AidEvent.schema, columns: ["id", "subject_id", "at", "what", "note", "actor"], fileEvents, on: db)
        let holders = withFiles.compactMap(\.id) + (people["陈帮贵"]?.id.map { [$0] } ?? [])
        if !holders.isEmpty { try await sql.update(Member.schema).set("hardship", to: true).where("id", .in, holders).run() }

        let applicants = withFiles + priority
        var applications: [[any Encodable & Sendable]] = []
        var events: [[any Encodable & Sendable]] = []
        let batches = [(UUID(), 1, "2024-09-05"), (UUID(), 2, "2024-09-25")]
        let stages: [SchoolStage] = [
            .university, .university, .university, .juniorCollege, .juniorCollege, .university, .juniorCollege, .university, .university,
            .postgraduate,
        ]
        let schools = ["兰州大学", "西北师范大学", "陇东学院", "庆阳职业技术学院", "甘肃农业大学", "兰州理工大学"]
        var count = 0
        var paidPerBatch: [Int: Int] = [:]
        for (index, member) in applicants.enumerated() where count < children {
            guard let memberID = member.id else { continue }
            for child in 0..<(index < twoChildFamilies ? 2 : 1) where count < children {
                let serial = count
                count += 1
                let birth = CivilDate(year: 2001, month: 9, day: 1)!.adding(days: serial % 1_800)
                let childID = IDNumber.make(region: 621_002, birth: birth, sequence: 500 + child * 200 + serial / 1_800).value
                let stage = stages[serial % stages.count]
                let submitted = CivilDate(year: 2024, month: 7, day: 1)!.adding(days: serial % 45)
                let batch = batches[serial % 2]
                paidPerBatch[batch.1, default: 0] += 1
                let id = UUID()
                let childName = String(member.name.prefix(1)) + ["子涵", "欣怡", "浩然", "雨桐", "思远", "佳琪", "博文", "晨阳"][serial % 8]
                applications.append([
                    id, member.unitID, programID, 2024, memberID, fileOf[memberID], fileOf[memberID] == nil, childName, childID, childID,
                    schools[serial % schools.count], stage.rawValue, 2024 - serial % 3, amountFen,
                    "62170" + String(format: "%014d", 27_000_000_000 + serial * 7_919), AidStatus.paid.rawValue, submitted.description,
                    submitted.adding(days: 30).description, batch.0, batch.2, 6, now, now,
                ])
                for (step, what) in ["submitted", "enterpriseApproved", "countyApproved", "approved"].enumerated() {
                    events.append([UUID(), id, submitted.adding(days: step * 10).startOfDay, what, "", step == 0 ? member.name : "system"])
                }
                events.append([UUID(), id, CivilDate(batch.2)!.startOfDay, AidStatus.paid.rawValue, batch.2, "system"])
            }
        }
        for (id, number, date) in batches {
            let size = paidPerBatch[number] ?? 0
            try await BulkInsert.rows(
                into: AidPaymentBatch.schema,
                columns: ["id", "program_id", "unit_id", "number", "paid_date", "count", "total_fen", "created_at"],
                [[id, programID, qingyang, number, date, size, Int64(size) * amountFen, now]], on: db)
        }
        try await BulkInsert.rows(
            into: AidApplication.schema,
            columns: [
                "id", "unit_id", "program_id", "program_year", "member_id", "hardship_file_id", "priority_group", "child_name",
                "child_id_number", "child_key",
                "school", "stage", "admission_year", "amount_fen", "payee_account", "status", "submitted_date", "approved_date", "batch_id",
                "paid_date",
                "version", "created_at", "updated_at",
            ], applications, on: db)
        try await BulkInsert.rows(into: AidEvent.schema, columns: ["id", "subject_id", "at", "what", "note", "actor"], events, on: db)
        program.approvedFen = Int64(count) * amountFen
        program.paidFen = Int64(count) * amountFen
        try await program.update(on: db)
        // This year's programme, open for applications (陈帮贵 can apply for his child).
        if today.year > program.year {
            let current = AidProgram()
            current.unitID = qingyang
            current.year = today.year
            current.kind = .scholarship
            current.name = "庆阳市\(today.year)年“金秋助学”"
            current.budgetFen = 500_000_000
            current.priorityIndustrial = true
            for stage in SchoolStage.allCases { current.setAmount(program.amount(for: stage), for: stage) }
            for level in HardshipLevel.allCases { current.setAmount(0, for: level) }
            current.approvedFen = 0
            current.paidFen = 0
            current.version = 1
            try await current.create(on: db)
            try await Audit.record(.create, current, by: .system, on: db)
        }
        return count
    }
}
