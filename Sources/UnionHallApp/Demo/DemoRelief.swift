import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Qingyang's relief for hardship households in 2025, on the same approval and payment path as
/// 金秋助学: 春节送温暖 to 300 households, living aid to 120 (20 still waiting for the city), medical aid
/// to 40 (10 just submitted), each household once per programme at its level's amount. This year's
/// living aid is open, so 陈帮贵, whose file is in force, can apply himself.
enum DemoRelief {
    struct Plan {
        let kind: AidKind
        let name: String
        let budgetFen: Int64
        /// Deep, relative, accident.
        let amountsFen: [Int64]
        let households: Int
        /// How many of them are paid; the rest wait at `waiting`.
        let paid: Int
        let waiting: AidStatus
        let submitted: CivilDate
        let paidDate: String
    }

    static let plans = [
        Plan(
            kind: .springFestival, name: "庆阳市2025年春节送温暖", budgetFen: 80_000_000, amountsFen: [100_000, 60_000, 80_000],
            households: 300, paid: 300, waiting: .approved, submitted: CivilDate(year: 2025, month: 1, day: 6)!, paidDate: "2025-01-20"),
        Plan(
            kind: .livingAid, name: "庆阳市2025年困难职工生活救助", budgetFen: 60_000_000,
            amountsFen: [300_000, 200_000, 250_000],
            households: 120, paid: 100, waiting: .countyApproved, submitted: CivilDate(year: 2025, month: 4, day: 1)!,
            paidDate: "2025-06-18"),
        Plan(
            kind: .medicalAid, name: "庆阳市2025年困难职工医疗救助", budgetFen: 50_000_000,
            amountsFen: [1_000_000, 600_000, 800_000],
            households: 40, paid: 30, waiting: .submitted, submitted: CivilDate(year: 2025, month: 8, day: 4)!, paidDate: "2025-10-15"),
    ]

    static func load(units: [String: UnionUnit], people: [String: Member], today: CivilDate, on db: any Database) async throws -> Int {
        guard let qingyang = units["qingyang"]?.id else { return 0 }
        let tree = try await UnitTree.load(on: db)
        let named = Set(people.values.compactMap(\.id))
        let files = try await HardshipFile.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: qingyang)))
            .filter(\.$status == .verified).filter(\.$deletedAt == nil).sort(\.$memberID).all()
            .filter { !named.contains($0.memberID) }
        let names = try await MentorshipService.memberNames(files.map(\.memberID), on: db)
        var made = 0
        for plan in plans {
            made += try await load(plan, files: Array(files.prefix(plan.households)), names: names, unit: qingyang, on: db)
        }
        if today.year > 2025 {
            let open = try await programme(
                Plan(
                    kind: .livingAid, name: "庆阳市\(today.year)年困难职工生活救助", budgetFen: 60_000_000,
                    amountsFen: [300_000, 200_000, 250_000], households: 0, paid: 0, waiting: .submitted, submitted: today, paidDate: ""),
                year: today.year, unit: qingyang, on: db)
            try await Audit.record(.create, open, by: .system, on: db)
        }
        return made
    }

    private static func programme(_ plan: Plan, year: Int, unit: UUID, on db: any Database) async throws -> AidProgram {
        let program = AidProgram()
        program.unitID = unit
        program.year = year
        program.kind = plan.kind
        program.name = plan.name
        program.budgetFen = plan.budgetFen
        program.priorityIndustrial = false
        for stage in SchoolStage.allCases { program.setAmount(0, for: stage) }
        for (level, fen) in zip([HardshipLevel.deep, .relative, .accident], plan.amountsFen) { program.setAmount(fen, for: level) }
        program.approvedFen = 0
        program.paidFen = 0
        program.version = 1
        try await program.create(on: db)
        return program
    }

    private static func load(_ plan: Plan, files: [HardshipFile], names: [UUID: String], unit: UUID, on db: any Database) async throws
        -> Int
    {
        let program = try await programme(plan, year: plan.submitted.year, unit: unit, on: db)
        let programID = try program.requireID()
        let batch = UUID()
        let now = Date()
        var applications: [[any Encodable & Sendable]] = []
        var events: [[any Encodable & Sendable]] = []
        var approved: Int64 = 0
        var paid: Int64 = 0
        let situations = [
            "家庭成员长期患病，收入难以维持基本生活", "单亲抚养子女，收入低", "因工伤致残后收入下降",
            "子女就学开支大，家庭入不敷出",
        ]
        for (index, file) in files.enumerated() {
            guard let fileID = file.id else { continue }
            let expenses: Int64? = plan.kind == .medicalAid ? Int64(400_000 + (index % 9) * 150_000) : nil
            let amount = try ReliefAmount.amount(
                kind: plan.kind, levelAmountFen: program.amount(for: file.level), medicalExpensesFen: expenses
            ).get()
            let status: AidStatus = index < plan.paid ? .paid : plan.waiting
            let submitted = plan.submitted.adding(days: index % 10)
            let id = UUID()
            let funded = status == .approved || status == .paid
            if funded { approved += amount }
            if status == .paid { paid += amount }
            applications.append([
                id, file.unitID, programID, program.year, plan.kind.rawValue, file.memberID, fileID, false, fileID.uuidString,
                situations[index % situations.count], expenses, amount, "62170" + String(format: "%014d", 31_000_000_000 + index * 7_919),
                status.rawValue, submitted.description, funded ? submitted.adding(days: 9).description : nil,
                status == .paid ? batch : nil, status == .paid ? plan.paidDate : nil, 1, now, now,
            ])
            let reached: [String] =
                switch status {
                case .submitted: ["submitted"]
                case .enterpriseApproved: ["submitted", "enterpriseApproved"]
                case .countyApproved: ["submitted", "enterpriseApproved", "countyApproved"]
                default: ["submitted", "enterpriseApproved", "countyApproved", "approved"]
                }
            for (step, what) in reached.enumerated() {
                events.append([
                    UUID(), id, submitted.adding(days: step * 3).startOfDay, what, "", step == 0 ? names[file.memberID] ?? "" : "system",
                ])
            }
            if status == .paid {
                events.append([UUID(), id, CivilDate(plan.paidDate)!.startOfDay, AidStatus.paid.rawValue, plan.paidDate, "system"])
            }
        }
        if plan.paid > 0 {
            try await BulkInsert.rows(
                into: AidPaymentBatch.schema,
                columns: ["id", "program_id", "unit_id", "number", "paid_date", "count", "total_fen", "created_at"],
                [[batch, programID, unit, 1, plan.paidDate, min(plan.paid, files.count), paid, now]], on: db)
        }
        try await BulkInsert.rows(
            into: AidApplication.schema,
            columns: [
                "id", "unit_id", "program_id", "program_year", "kind", "member_id", "hardship_file_id", "priority_group", "household_key",
                "situation", "medical_expenses_fen", "amount_fen", "payee_account", "status", "submitted_date", "approved_date", "batch_id",
                "paid_date", "version", "created_at", "updated_at",
            ], applications, on: db)
        try await BulkInsert.rows(into: AidEvent.schema, columns: ["id", "subject_id", "at", "what", "note", "actor"], events, on: db)
        program.approvedFen = approved
        program.paidFen = paid
        try await program.update(on: db)
        try await Audit.record(.create, program, by: .system, on: db)
        return applications.count
    }
}
