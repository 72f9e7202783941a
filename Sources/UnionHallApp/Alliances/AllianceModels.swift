import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The city's innovation alliance of model workers and craftsmen (劳模工匠创新联盟): founded on a day,
/// with its members; its activities are what its members lead from then on.
final class InnovationAlliance: Model, @unchecked Sendable {
    static let schema = "innovation_alliances"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Field(key: "founded_date") var foundedDate: String
    @Field(key: "description") var description: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A model worker or craftsman in the alliance, since a day.
final class AllianceMember: Model, @unchecked Sendable {
    static let schema = "alliance_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "alliance_id") var allianceID: UUID
    /// The alliance's unit, for scoping this line of its audit log.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "joined_date") var joinedDate: String

    init() {}
}

/// An innovation exhibition (创新成果展): the innovation items shown, and the visitors counted.
final class InnovationExhibition: Model, @unchecked Sendable {
    static let schema = "innovation_exhibitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "title") var title: String
    @Field(key: "opened_date") var openedDate: String
    @OptionalField(key: "closed_date") var closedDate: String?
    @Field(key: "place") var place: String
    @Field(key: "visitors") var visitors: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// An innovation item on show at an exhibition.
final class ExhibitionItem: Model, @unchecked Sendable {
    static let schema = "exhibition_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "exhibition_id") var exhibitionID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "item_id") var itemID: UUID

    init() {}
}

extension InnovationAlliance: Audited, Versioned, SoftDeletable {
    static let auditEntity = "innovationAlliance"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] { ["name": name, "foundedDate": foundedDate, "description": description] }
}

extension AllianceMember: Audited {
    static let auditEntity = "allianceMember"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        ["allianceId": allianceID.uuidString, "memberId": memberID.uuidString, "joinedDate": joinedDate]
    }
}

extension InnovationExhibition: Audited, Versioned, SoftDeletable {
    static let auditEntity = "innovationExhibition"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        ["title": title, "openedDate": openedDate, "closedDate": closedDate ?? "", "place": place, "visitors": String(visitors)]
    }
}

extension ExhibitionItem: Audited {
    static let auditEntity = "exhibitionItem"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] { ["exhibitionId": exhibitionID.uuidString, "itemId": itemID.uuidString] }
}

/// 018 - the innovation alliance and its members; exhibitions and the items they show.
struct CreateAlliances: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InnovationAlliance.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("name", .string, .required)
            .field("founded_date", .string, .required)
            .field("description", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(AllianceMember.schema)
            .id()
            .field("alliance_id", .uuid, .required, .references(InnovationAlliance.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("joined_date", .string, .required)
            .unique(on: "alliance_id", "member_id")
            .create()
        try await database.schema(InnovationExhibition.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("title", .string, .required)
            .field("opened_date", .string, .required)
            .field("closed_date", .string)
            .field("place", .string, .required)
            .field("visitors", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(ExhibitionItem.schema)
            .id()
            .field("exhibition_id", .uuid, .required, .references(InnovationExhibition.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("item_id", .uuid, .required, .references(InnovationItem.schema, .id))
            .unique(on: "exhibition_id", "item_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [ExhibitionItem.schema, InnovationExhibition.schema, AllianceMember.schema, InnovationAlliance.schema] {
            try await database.schema(schema).delete()
        }
    }
}
