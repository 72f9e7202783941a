import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// A further designation a studio holds beside the one it was made with: 华能's team is an
/// 创新型班组, a 技能大师工作室 and a 科技创新教学室 at once, each named by its own body in its year.
final class StudioDesignation: Model, @unchecked Sendable {
    static let schema = "studio_designations"

    @ID(key: .id) var id: UUID?
    @Field(key: "studio_id") var studioID: UUID
    /// The studio's unit, for scope and for this line of its audit log.
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: StudioKind
    @Enum(key: "level") var level: HonorLevel
    @Field(key: "year") var year: Int
    @Field(key: "named_by") var namedBy: String

    init() {}
}

/// A partner of a studio: a college (西北工业大学 beside 陇东学院) or an employer it works with.
final class StudioPartner: Model, @unchecked Sendable {
    static let schema = "studio_partners"

    @ID(key: .id) var id: UUID?
    @Field(key: "studio_id") var studioID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "organization_id") var organizationID: UUID

    init() {}
}

extension StudioDesignation: Audited {
    static let auditEntity = "studioDesignation"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        ["studioId": studioID.uuidString, "kind": kind.rawValue, "level": level.rawValue, "year": String(year), "namedBy": namedBy]
    }
}

extension StudioPartner: Audited {
    static let auditEntity = "studioPartner"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] { ["studioId": studioID.uuidString, "organizationId": organizationID.uuidString] }
}

/// 018 - a studio's head (负责人) beside its lead, its further designations, its partners (several;
/// the one partner a studio had moves over), and a measured benefit's unit and baseline.
struct AddStudioDetails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Studio.schema).field("head_id", .uuid, .references(Member.schema, .id)).update()
        try await database.schema(StudioDesignation.schema)
            .id()
            .field("studio_id", .uuid, .required, .references(Studio.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("year", .int, .required)
            .field("named_by", .string, .required)
            .unique(on: "studio_id", "kind")
            .create()
        try await database.schema(StudioPartner.schema)
            .id()
            .field("studio_id", .uuid, .required, .references(Studio.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("organization_id", .uuid, .required, .references(Organization.schema, .id))
            .unique(on: "studio_id", "organization_id")
            .create()
        try await database.schema(StudioResult.schema).field("unit", .string).update()
        try await database.schema(StudioResult.schema).field("baseline", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "studio_designations_kind_year").on(StudioDesignation.schema).column("kind").column("year").run()
        struct Partnered: Decodable {
            let id: UUID
            let unit_id: UUID
            let partner_id: UUID
        }
        let partnered = try await sql.select().column("id").column("unit_id").column("partner_id").from(Studio.schema)
            .where("partner_id", .isNot, SQLLiteral.null).all(decoding: Partnered.self)
        try await BulkInsert.rows(
            into: StudioPartner.schema, columns: ["id", "studio_id", "unit_id", "organization_id"],
            partnered.map { [UUID(), $0.id, $0.unit_id, $0.partner_id] }, on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StudioResult.schema).deleteField("baseline").update()
        try await database.schema(StudioResult.schema).deleteField("unit").update()
        try await database.schema(StudioPartner.schema).delete()
        try await database.schema(StudioDesignation.schema).delete()
        try await database.schema(Studio.schema).deleteField("head_id").update()
    }
}
