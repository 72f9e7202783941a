import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A team's safety inspection (每个班组都有安全检查): planned for a team and its safety officer,
/// held on a day, and its findings recorded as hazard reports that then follow the hazard's way.
final class SafetyInspection: Model, @unchecked Sendable {
    static let schema = "safety_inspections"

    @ID(key: .id) var id: UUID?
    /// The team (or unit) inspected.
    @Field(key: "unit_id") var unitID: UUID
    /// Who inspects: the team's safety officer (安全监督员), who reports what is found.
    @Field(key: "inspector_id") var inspectorID: UUID
    @Field(key: "planned_date") var plannedDate: String
    @Enum(key: "status") var status: InspectionStatus
    @OptionalField(key: "held_date") var heldDate: String?
    @Field(key: "note") var note: String
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension InspectionStatus: FluentEnumRepresentable {}

extension SafetyInspection: Audited, Versioned, SoftDeletable {
    static let auditEntity = "safetyInspection"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "inspectorId": inspectorID.uuidString, "plannedDate": plannedDate, "status": status.rawValue, "heldDate": heldDate ?? "",
            "note": note, "cancelReason": cancelReason ?? "",
        ]
    }
}

/// 018 - team safety inspections, and the hazards their findings became.
struct CreateSafetyInspections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SafetyInspection.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("inspector_id", .uuid, .required, .references(Member.schema, .id))
            .field("planned_date", .string, .required)
            .field("status", .string, .required)
            .field("held_date", .string)
            .field("note", .string, .required)
            .field("cancel_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(HazardReport.schema).field("inspection_id", .uuid, .references(SafetyInspection.schema, .id)).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "safety_inspections_unit_date").on(SafetyInspection.schema).column("unit_id").column("planned_date")
            .run()
        try await sql.create(index: "hazard_reports_inspection").on(HazardReport.schema).column("inspection_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HazardReport.schema).deleteField("inspection_id").update()
        try await database.schema(SafetyInspection.schema).delete()
    }
}

struct InspectionOutput: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var inspectorId: UUID
    var inspectorName: String
    var plannedDate: String
    var status: InspectionStatus
    var heldDate: String?
    var note: String
    var cancelReason: String?
    /// Hazard reports recorded from the inspection.
    var findings: Int
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct InspectionInput: Content, VersionedInput {
    /// The team inspected.
    var unitId: UUID?
    var inspectorId: UUID?
    var plannedDate: String?
    var note: String?
    var version: Int?
}

struct InspectionFilter: Content {
    var status: InspectionStatus?
}

/// `hold` takes the day held and a note; `cancel` a reason.
struct InspectionStepInput: Content {
    var version: Int?
    var date: String?
    var note: String?
    var reason: String?
}

/// A finding: where, what, and how grave; it becomes a hazard report by the inspector.
struct FindingInput: Content {
    var place: String?
    var description: String?
    var severity: HazardSeverity?
}

/// The inspections' part of the 安康杯 figures: plans and inspections held in the period, the teams
/// they reached against all the teams, and the hazards their findings became.
struct InspectionStatistics: Content {
    var planned: Int
    var held: Int
    var cancelled: Int
    var teams: Int
    var teamsInspected: Int
    var findings: Int
}
