import Foundation
import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Membership on the register: join date, number, status, employment form and the card's code on
/// each member; the history of changes; applications and transfers; the name parts infix search
/// reads; employers' headcounts; and the trades vocabulary. Existing members are filled in as
/// having joined the day they were registered.
struct CreateMembership: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        for (name, type, fallback) in [
            ("join_date", DatabaseSchema.DataType.string, nil), ("membership_number", .string, nil),
            ("membership_status", .string, "active"), ("status_date", .string, nil), ("employment_form", .string, "regular"),
            ("platform", .string, nil), ("card_code", .string, nil),
        ] as [(String, DatabaseSchema.DataType, String?)] {
            if let fallback {
                try await database.schema(Member.schema).field(.string(name), type, .required, .sql(.default(fallback))).update()
            } else {
                try await database.schema(Member.schema).field(.string(name), type).update()
            }
        }
        try await database.schema(Organization.schema).field("headcount", .int).update()
        try await database.schema(MembershipEvent.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("kind", .string, .required)
            .field("date", .string, .required)
            .field("other_unit_id", .uuid, .references(UnionUnit.schema, .id))
            .field("note", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(MembershipApplication.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("organization_id", .uuid, .references(Organization.schema, .id))
            .field("platform", .string)
            .field("employment_form", .string, .required)
            .field("name", .string, .required)
            .field("gender", .string, .required)
            .field("id_number", .string, .required)
            .field("mobile", .string, .required)
            .field("trade", .string)
            .field("number", .string, .required)
            .field("code_hash", .string, .required)
            .field("status", .string, .required)
            .field("submitted_date", .string, .required)
            .field("due_date", .string, .required)
            .field("decided_date", .string)
            .field("reason", .string)
            .field("member_id", .uuid, .references(Member.schema, .id))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(MemberTransfer.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("to_unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("requested_date", .string, .required)
            .field("requested_by", .uuid, .references(User.schema, .id))
            .field("decided_date", .string)
            .field("reject_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        try await database.schema(Trade.schema)
            .id()
            .field("name", .string, .required)
            .field("position", .int, .required)
            .field("retired", .bool, .required)
            .unique(on: "name")
            .create()
        let sql = try database.sql()
        try await sql.create(table: NameParts.schema)
            .column("part", type: .text, .notNull)
            .column("member_id", type: .custom(SQLRaw("UUID")), .notNull, .references(Member.schema, "id"))
            .primaryKey("part", "member_id")
            .run()
        try await sql.create(table: Sequences.schema)
            .column("name", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .bigint, .notNull)
            .run()
        for (name, table, columns) in [
            ("member_name_parts_member", NameParts.schema, ["member_id"]),
            ("members_number", Member.schema, ["membership_number"]),
            ("members_card_code", Member.schema, ["card_code"]),
            ("members_join_date", Member.schema, ["join_date", "unit_id"]),
            ("members_mobile", Member.schema, ["mobile"]),
            ("membership_events_member", MembershipEvent.schema, ["member_id"]),
            ("membership_events_unit_date", MembershipEvent.schema, ["unit_id", "date", "kind"]),
            ("membership_applications_unit_status", MembershipApplication.schema, ["unit_id", "status", "deleted_at"]),
            ("membership_applications_id_number", MembershipApplication.schema, ["id_number"]),
            ("member_transfers_unit", MemberTransfer.schema, ["unit_id", "status"]),
            ("member_transfers_to_unit", MemberTransfer.schema, ["to_unit_id", "status"]),
            ("member_transfers_member", MemberTransfer.schema, ["member_id"]),
        ] {
            let builder = sql.create(index: name).on(table)
            for column in columns { builder.column(column) }
            try await builder.run()
        }
        try await TradeBook.seed(on: database)
        try await MembershipBackfill.run(on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = try database.sql()
        try await sql.drop(table: NameParts.schema).run()
        try await sql.drop(table: Sequences.schema).run()
        for schema in [Trade.schema, MemberTransfer.schema, MembershipApplication.schema, MembershipEvent.schema] {
            try await database.schema(schema).delete()
        }
        try await database.schema(Organization.schema).deleteField("headcount").update()
        for name in ["join_date", "membership_number", "membership_status", "status_date", "employment_form", "platform", "card_code"] {
            try await database.schema(Member.schema).deleteField(.string(name)).update()
        }
    }
}
