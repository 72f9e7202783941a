import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// 018 - relief beside scholarships: a programme's kind and its amounts by hardship level; an
/// application's kind, the household it is for (once per programme), the medical costs borne and the
/// household's situation. A relief application names no child, so the child's columns may be empty.
struct AddReliefAid: AsyncMigration {
    static let levelColumns = ["deep_fen", "relative_fen", "accident_fen"]
    static let childColumns = ["child_name", "child_id_number", "school", "stage", "admission_year"]

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        try await database.schema(AidProgram.schema).field("kind", .string, .required, .sql(.default(AidKind.scholarship.rawValue)))
            .update()
        for column in Self.levelColumns {
            try await database.schema(AidProgram.schema).field(.string(column), .int64, .required, .sql(.default(0))).update()
        }
        try await database.schema(AidApplication.schema)
            .field("kind", .string, .required, .sql(.default(AidKind.scholarship.rawValue))).update()
        try await database.schema(AidApplication.schema).field("household_key", .string).update()
        try await database.schema(AidApplication.schema).field("medical_expenses_fen", .int64).update()
        try await database.schema(AidApplication.schema).field("situation", .string).update()
        try await RelaxNotNull.columns(Self.childColumns, of: AidApplication.schema, on: database)
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "aid_applications_household").unique().on(AidApplication.schema).column("program_id")
            .column("household_key").run()
        try await sql.create(index: "aid_applications_kind").on(AidApplication.schema).column("kind").column("submitted_date").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "aid_applications_household").run()
            try await sql.drop(index: "aid_applications_kind").run()
        }
        for column in ["kind", "household_key", "medical_expenses_fen", "situation"] {
            try await database.schema(AidApplication.schema).deleteField(.string(column)).update()
        }
        for column in ["kind"] + Self.levelColumns {
            try await database.schema(AidProgram.schema).deleteField(.string(column)).update()
        }
    }
}
