import Fluent
import SQLKit
import UnionHallPlatform

/// 004 - training programmes, their sessions, enrolments and attendance, and partnerships.
struct CreateTraining: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Partnership.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("college_id", .uuid, .required, .references(Organization.schema, .id))
            .field("employer_id", .uuid, .references(Organization.schema, .id))
            .field("signed_date", .string, .required)
            .field("note", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(PartnershipStudio.schema)
            .id()
            .field("partnership_id", .uuid, .required, .references(Partnership.schema, .id))
            .field("studio_id", .uuid, .required, .references(Studio.schema, .id))
            .unique(on: "partnership_id", "studio_id")
            .create()
        try await database.schema(TrainingProgram.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("trade", .string)
            .field("college_id", .uuid, .references(Organization.schema, .id))
            .field("employer_id", .uuid, .references(Organization.schema, .id))
            .field("partnership_id", .uuid, .references(Partnership.schema, .id))
            .field("studio_id", .uuid, .references(Studio.schema, .id))
            .field("places", .int, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string, .required)
            .field("offer_salary_fen", .int64)
            .field("offer_note", .string)
            .field("enrolled_count", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(TrainingSession.schema)
            .id()
            .field("program_id", .uuid, .required, .references(TrainingProgram.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("date", .string, .required)
            .field("place", .string, .required)
            .field("trainers", .string, .required)
            .field("head_count", .int, .required)
            .field("named_count", .int, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(TrainingEnrolment.schema)
            .id()
            .field("program_id", .uuid, .required, .references(TrainingProgram.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("status", .string, .required)
            .field("since", .datetime, .required)
            .field("withdrawn_at", .datetime)
            .unique(on: "program_id", "member_id")
            .create()
        try await database.schema(TrainingAttendance.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TrainingSession.schema, .id))
            .field("program_id", .uuid, .required, .references(TrainingProgram.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .unique(on: "session_id", "member_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "training_programs_unit_kind").on(TrainingProgram.schema).column("unit_id").column("kind").run()
        try await sql.create(index: "training_sessions_program").on(TrainingSession.schema).column("program_id").column("date").run()
        try await sql.create(index: "training_sessions_unit_date").on(TrainingSession.schema).column("unit_id").column("date").run()
        try await sql.create(index: "training_enrolments_status").on(TrainingEnrolment.schema).column("program_id").column("status").column(
            "since"
        ).run()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            TrainingAttendance.schema, TrainingEnrolment.schema, TrainingSession.schema, TrainingProgram.schema, PartnershipStudio.schema,
            Partnership.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
