import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A hardship worker household's file (困难职工档案): made by the enterprise union, verified by the
/// county, re-verified every year, closed when the household leaves hardship.
final class HardshipFile: Model, @unchecked Sendable {
    static let schema = "hardship_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "member_id") var memberID: UUID
    /// The member while the file is open: a unique index keeps one open file per household.
    @OptionalField(key: "open_member_id") var openMemberID: UUID?
    @Enum(key: "level") var level: HardshipLevel
    @Field(key: "cause") var cause: String
    @Field(key: "household_size") var householdSize: Int
    @Field(key: "income_per_head_fen") var incomePerHeadFen: Int64
    /// pending, verified or closed; `lapsed` is read from `verified_date`.
    @Enum(key: "status") var status: HardshipStatus
    @Field(key: "opened_date") var openedDate: String
    @OptionalField(key: "verified_date") var verifiedDate: String?
    @OptionalField(key: "closed_date") var closedDate: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    func standing(today: CivilDate) -> HardshipStatus {
        HardshipFiles.standing(stored: status, verified: verifiedDate.flatMap(CivilDate.init), today: today)
    }
}

/// A yearly aid programme: 金秋助学 with amounts by school stage and whether the priority group
/// (industrial workers) may apply without a hardship file; or relief (送温暖, living aid, medical
/// aid) with amounts by hardship level. Either way a budget that approvals and payments move within.
final class AidProgram: Model, @unchecked Sendable {
    static let schema = "aid_programs"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "year") var year: Int
    @Enum(key: "kind") var kind: AidKind
    @Field(key: "name") var name: String
    @Field(key: "budget_fen") var budgetFen: Int64
    /// Committed by the city's approvals, moved in SQL within the budget.
    @Field(key: "approved_fen") var approvedFen: Int64
    /// Paid in batches, moved in SQL within the budget.
    @Field(key: "paid_fen") var paidFen: Int64
    @Field(key: "priority_industrial") var priorityIndustrial: Bool
    @Field(key: "senior_high_fen") var seniorHighFen: Int64
    @Field(key: "vocational_fen") var vocationalFen: Int64
    @Field(key: "junior_college_fen") var juniorCollegeFen: Int64
    @Field(key: "university_fen") var universityFen: Int64
    @Field(key: "postgraduate_fen") var postgraduateFen: Int64
    @Field(key: "deep_fen") var deepFen: Int64
    @Field(key: "relative_fen") var relativeFen: Int64
    @Field(key: "accident_fen") var accidentFen: Int64
    /// The public notice (公示) of the funded children runs from … until these dates, inclusive;
    /// outside them the notice page is for signed-in aid officers only.
    @OptionalField(key: "notice_from") var noticeFrom: String?
    @OptionalField(key: "notice_until") var noticeUntil: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    func amount(for stage: SchoolStage) -> Int64 {
        switch stage {
        case .seniorHigh: seniorHighFen
        case .vocational: vocationalFen
        case .juniorCollege: juniorCollegeFen
        case .university: universityFen
        case .postgraduate: postgraduateFen
        }
    }

    func setAmount(_ fen: Int64, for stage: SchoolStage) {
        switch stage {
        case .seniorHigh: seniorHighFen = fen
        case .vocational: vocationalFen = fen
        case .juniorCollege: juniorCollegeFen = fen
        case .university: universityFen = fen
        case .postgraduate: postgraduateFen = fen
        }
    }

    func amount(for level: HardshipLevel) -> Int64 {
        switch level {
        case .deep: deepFen
        case .relative: relativeFen
        case .accident: accidentFen
        }
    }

    func setAmount(_ fen: Int64, for level: HardshipLevel) {
        switch level {
        case .deep: deepFen = fen
        case .relative: relativeFen = fen
        case .accident: accidentFen = fen
        }
    }

    /// The amounts in order: by school stage (a scholarship) or by hardship level (relief), each with
    /// its code and the key of its name.
    var amountLines: [(key: String, labelKey: String, fen: Int64)] {
        kind.isRelief
            ? HardshipLevel.allCases.map { ($0.rawValue, $0.labelKey, amount(for: $0)) }
            : SchoolStage.allCases.map { ($0.rawValue, $0.labelKey, amount(for: $0)) }
    }

    var amountsFen: [String: Int64] { Dictionary(uniqueKeysWithValues: amountLines.map { ($0.key, $0.fen) }) }
}

/// A worker's application: for a child's scholarship, or for relief for their hardship household.
final class AidApplication: Model, @unchecked Sendable {
    static let schema = "aid_applications"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "program_id") var programID: UUID
    @Field(key: "program_year") var programYear: Int
    /// The programme's kind, kept on the row for the figures.
    @Enum(key: "kind") var kind: AidKind
    @Field(key: "member_id") var memberID: UUID
    @OptionalField(key: "hardship_file_id") var hardshipFileID: UUID?
    @Field(key: "priority_group") var priorityGroup: Bool
    @OptionalField(key: "child_name") var childName: String?
    @OptionalField(key: "child_id_number") var childIDNumber: String?
    /// The child's ID while the application stands: unique with the programme year, so two
    /// simultaneous submissions for one child cannot both land. Cleared on rejection.
    @OptionalField(key: "child_key") var childKey: String?
    /// Relief: the household's hardship file while the application stands, unique with the programme
    /// (one application per household per programme). Cleared on rejection.
    @OptionalField(key: "household_key") var householdKey: String?
    @OptionalField(key: "school") var school: String?
    @OptionalEnum(key: "stage") var stage: SchoolStage?
    @OptionalField(key: "admission_year") var admissionYear: Int?
    /// Medical aid: the costs the household bore itself; the amount is at most the programme's for its level.
    @OptionalField(key: "medical_expenses_fen") var medicalExpensesFen: Int64?
    /// Relief: the household's situation as the applicant tells it.
    @OptionalField(key: "situation") var situation: String?
    @Field(key: "amount_fen") var amountFen: Int64
    @OptionalField(key: "payee_account") var payeeAccount: String?
    @Enum(key: "status") var status: AidStatus
    @Field(key: "submitted_date") var submittedDate: String
    @OptionalField(key: "approved_date") var approvedDate: String?
    @OptionalField(key: "reject_reason") var rejectReason: String?
    @OptionalField(key: "batch_id") var batchID: UUID?
    @OptionalField(key: "paid_date") var paidDate: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// Approved applications paid together on one date; its list goes to the bank as xlsx.
final class AidPaymentBatch: Model, @unchecked Sendable {
    static let schema = "aid_payment_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "program_id") var programID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "paid_date") var paidDate: String
    @Field(key: "count") var count: Int
    @Field(key: "total_fen") var totalFen: Int64
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A file's or an application's history, as the worker and the officers follow it.
final class AidEvent: Model, @unchecked Sendable {
    static let schema = "aid_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "what") var what: String
    @Field(key: "note") var note: String
    @Field(key: "actor") var actor: String

    init() {}

    init(subjectID: UUID, editor: Editor, what: String, note: String = "") {
        self.subjectID = subjectID
        self.at = editor.at
        self.what = what
        self.note = note
        self.actor = editor.name
    }
}

extension HardshipLevel: FluentEnumRepresentable {}
extension HardshipStatus: FluentEnumRepresentable {}
extension SchoolStage: FluentEnumRepresentable {}
extension AidStatus: FluentEnumRepresentable {}
extension AidKind: FluentEnumRepresentable {}

extension HardshipFile: Audited, Versioned, SoftDeletable {
    static let auditEntity = "hardshipFile"
    var auditUnitID: UUID? { unitID }

    /// Hardship details are sensitive: the log names the level and standing, not the household's means.
    func auditSnapshot() -> [String: String] {
        [
            "memberId": memberID.uuidString, "level": level.rawValue, "status": status.rawValue, "verifiedDate": verifiedDate ?? "",
            "closedDate": closedDate ?? "",
        ]
    }
}

extension AidProgram: Audited, Versioned, SoftDeletable {
    static let auditEntity = "aidProgram"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        var snapshot = [
            "year": String(year), "kind": kind.rawValue, "name": name, "budgetFen": String(budgetFen),
            "priorityIndustrial": String(priorityIndustrial),
        ]
        for (key, fen) in amountsFen { snapshot["\(key)Fen"] = String(fen) }
        return snapshot
    }
}

extension AidApplication: Audited, Versioned, SoftDeletable {
    static let auditEntity = "aidApplication"
    var auditUnitID: UUID? { unitID }

    /// Children's data stays out of the log: the child's name and ID appear masked.
    func auditSnapshot() -> [String: String] {
        [
            "memberId": memberID.uuidString, "kind": kind.rawValue, "childName": childName.map(Masking.name) ?? "",
            "childIdNumber": childIDNumber.map(Masking.idNumber) ?? "", "stage": stage?.rawValue ?? "",
            "amountFen": String(amountFen), "status": status.rawValue, "rejectReason": rejectReason ?? "", "paidDate": paidDate ?? "",
        ]
    }
}

/// 008 - aid: hardship files, programmes, applications, payment batches and their history.
struct CreateAid: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(HardshipFile.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("open_member_id", .uuid)
            .field("level", .string, .required)
            .field("cause", .string, .required)
            .field("household_size", .int, .required)
            .field("income_per_head_fen", .int64, .required)
            .field("status", .string, .required)
            .field("opened_date", .string, .required)
            .field("verified_date", .string)
            .field("closed_date", .string)
            .field("close_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .unique(on: "open_member_id")
            .create()
        try await database.schema(AidProgram.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("year", .int, .required)
            .field("name", .string, .required)
            .field("budget_fen", .int64, .required)
            .field("approved_fen", .int64, .required)
            .field("paid_fen", .int64, .required)
            .field("priority_industrial", .bool, .required)
            .field("senior_high_fen", .int64, .required)
            .field("vocational_fen", .int64, .required)
            .field("junior_college_fen", .int64, .required)
            .field("university_fen", .int64, .required)
            .field("postgraduate_fen", .int64, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(AidPaymentBatch.schema)
            .id()
            .field("program_id", .uuid, .required, .references(AidProgram.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("number", .int, .required)
            .field("paid_date", .string, .required)
            .field("count", .int, .required)
            .field("total_fen", .int64, .required)
            .field("created_at", .datetime)
            .unique(on: "program_id", "number")
            .create()
        try await database.schema(AidApplication.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("program_id", .uuid, .required, .references(AidProgram.schema, .id))
            .field("program_year", .int, .required)
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("hardship_file_id", .uuid, .references(HardshipFile.schema, .id))
            .field("priority_group", .bool, .required)
            .field("child_name", .string, .required)
            .field("child_id_number", .string, .required)
            .field("child_key", .string)
            .field("school", .string, .required)
            .field("stage", .string, .required)
            .field("admission_year", .int, .required)
            .field("amount_fen", .int64, .required)
            .field("payee_account", .string)
            .field("status", .string, .required)
            .field("submitted_date", .string, .required)
            .field("approved_date", .string)
            .field("reject_reason", .string)
            .field("batch_id", .uuid, .references(AidPaymentBatch.schema, .id))
            .field("paid_date", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .unique(on: "program_year", "child_key")
            .create()
        try await database.schema(AidEvent.schema)
            .id()
            .field("subject_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("what", .string, .required)
            .field("note", .string, .required)
            .field("actor", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "hardship_files_unit").on(HardshipFile.schema).column("unit_id").column("opened_date").run()
        try await sql.create(index: "hardship_files_member").on(HardshipFile.schema).column("member_id").run()
        try await sql.create(index: "aid_applications_program").on(AidApplication.schema).column("program_id").column("status").run()
        try await sql.create(index: "aid_applications_unit").on(AidApplication.schema).column("unit_id").column("submitted_date").run()
        try await sql.create(index: "aid_applications_member").on(AidApplication.schema).column("member_id").run()
        try await sql.create(index: "aid_events_subject").on(AidEvent.schema).column("subject_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [AidEvent.schema, AidApplication.schema, AidPaymentBatch.schema, AidProgram.schema, HardshipFile.schema] {
            try await database.schema(schema).delete()
        }
    }
}

/// 008 - aid: officers who handle aid see children's data; others do not.
struct AddAidHandling: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("handles_aid", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("handles_aid").update()
    }
}

struct AddAidNoticePeriod: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema(AidProgram.schema).field("notice_from", .string).update()
        try await database.schema(AidProgram.schema).field("notice_until", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AidProgram.schema).deleteField("notice_from").update()
        try await database.schema(AidProgram.schema).deleteField("notice_until").update()
    }
}

extension AidProgram {
    /// Whether anyone, signed in or not, may read the notice on `today`.
    func noticeIsPublic(on today: CivilDate) -> Bool {
        guard let from = noticeFrom.flatMap(CivilDate.init), let until = noticeUntil.flatMap(CivilDate.init) else { return false }
        return from <= today && today <= until
    }
}
