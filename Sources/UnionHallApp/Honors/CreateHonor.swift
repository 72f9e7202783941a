import Fluent
import SQLKit
import UnionHallPlatform

struct CreateHonor: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Honor.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("title", .string, .required)
            .field("level", .string, .required)
            .field("year", .int, .required)
            .field("awarding_body", .string, .required)
            .field("source", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "honors_member").on(Honor.schema).column("member_id").run()
        try await sql.create(index: "honors_unit_title").on(Honor.schema).column("unit_id").column("title").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Honor.schema).delete()
    }
}
