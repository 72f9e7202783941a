import Fluent
import SQLKit
import UnionHallPlatform

struct CreateStudio: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Studio.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("year_named", .int, .required)
            .field("named_by", .string, .required)
            .field("lead_id", .uuid, .required, .references(Member.schema, .id))
            .field("organization_id", .uuid, .references(Organization.schema, .id))
            .field("partner_id", .uuid, .references(Organization.schema, .id))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        try await database.schema(StudioMember.schema)
            .id()
            .field("studio_id", .uuid, .required, .references(Studio.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("joined_at", .datetime, .required)
            .unique(on: "studio_id", "member_id")
            .create()
        try await database.schema(StudioResult.schema)
            .id()
            .field("studio_id", .uuid, .required, .references(Studio.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("year", .int, .required)
            .field("quantity", .int, .required)
            .field("amount_fen", .int64, .required)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "studios_unit_year").on(Studio.schema).column("unit_id").column("year_named").run()
        try await sql.create(index: "studio_members_member").on(StudioMember.schema).column("member_id").run()
        try await sql.create(index: "studio_results_studio").on(StudioResult.schema).column("studio_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StudioResult.schema).delete()
        try await database.schema(StudioMember.schema).delete()
        try await database.schema(Studio.schema).delete()
    }
}
