import Fluent
import SQLKit
import UnionHallPlatform

/// Indexes the statistics read by: the audit log by time (has anything changed since a document
/// was counted), innovation decisions and assessments by unit and date, honours by unit and year,
/// hazards by unit and status (what waits on a dashboard).
struct IndexFigureDates: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("audit_entries_at", AuditEntry.schema, ["at"]),
        ("innovation_items_unit_decision", InnovationItem.schema, ["unit_id", "decision_date"]),
        ("innovation_items_unit_assessed", InnovationItem.schema, ["unit_id", "assessed_date"]),
        ("honors_unit_year", Honor.schema, ["unit_id", "year"]),
        // With `deleted_at`, a dashboard's count of what waits reads the index alone.
        ("hazard_reports_unit_status", HazardReport.schema, ["unit_id", "status", "deleted_at"]),
        ("innovation_items_unit_status_live", InnovationItem.schema, ["unit_id", "status", "deleted_at"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        // Its columns lead the live index below, which serves every query it served.
        try await sql.drop(index: "innovation_items_unit_status").run()
        for index in Self.indexes {
            var create = sql.create(index: index.name).on(index.table)
            for column in index.columns { create = create.column(column) }
            try await create.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
        try await sql.create(index: "innovation_items_unit_status").on(InnovationItem.schema).column("unit_id").column("status").run()
    }
}
