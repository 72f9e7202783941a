import Fluent
import UnionHallPlatform

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("username", .string, .required)
            .field("password_hash", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .uuid, .references(UnionUnit.schema, .id))
            .field("member_id", .uuid, .references(Member.schema, .id))
            .field("active", .bool, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}

/// An admin-set password is temporary: its user chooses their own at the next sign-in.
struct AddPasswordChange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("must_change_password", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("must_change_password").update()
    }
}
