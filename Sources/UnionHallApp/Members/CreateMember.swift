import Fluent
import SQLKit
import UnionHallPlatform

struct CreateMember: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("organization_id", .uuid, .references(Organization.schema, .id))
            .field("name", .string, .required)
            .field("gender", .string, .required)
            .field("id_number", .string, .required)
            .field("mobile", .string)
            .field("trade", .string)
            .field("skill_level", .int)
            .field("migrant", .bool, .required)
            .field("hardship", .bool, .required)
            .field("name_key", .string, .required)
            .field("pinyin", .string, .required)
            .field("initials", .string, .required)
            .field("id_last4", .string, .required)
            .field("mobile_last4", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "id_number")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The list pages sort by pinyin among live rows (unit_id rides along so a scoped list can be
        // checked from the index alone); search is a range scan on each key.
        for (name, columns) in [
            ("members_live_pinyin", ["deleted_at", "pinyin", "unit_id"]),
            ("members_live_created", ["deleted_at", "created_at"]),
            ("members_live_skill", ["deleted_at", "skill_level", "unit_id"]),
            ("members_initials", ["initials"]),
            ("members_pinyin", ["pinyin"]),
            ("members_name_key", ["name_key"]),
            ("members_id_last4", ["id_last4"]),
            ("members_mobile_last4", ["mobile_last4"]),
            ("members_unit", ["unit_id", "deleted_at", "pinyin"]),
            ("members_organization", ["organization_id"]),
        ] {
            let builder = sql.create(index: name).on(Member.schema)
            for column in columns { builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Member.schema).delete()
    }
}
