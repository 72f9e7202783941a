import Fluent
import UnionHallCore
import Vapor

/// A union unit (工会组织): city federation, county/district or industry union, enterprise union, team.
package final class UnionUnit: Model, @unchecked Sendable {
    package static let schema = "union_units"

    @ID(key: .id) package var id: UUID?
    @Field(key: "name") package var name: String
    @Enum(key: "kind") package var kind: UnitKind
    @OptionalField(key: "parent_id") package var parentID: UUID?
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?
    /// Soft delete: set and cleared by the app, filtered explicitly so every query can use its indexes.
    @OptionalField(key: "deleted_at") package var deletedAt: Date?

    package init() {}

    package init(id: UUID? = nil, name: String, kind: UnitKind, parentID: UUID?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.version = 1
    }
}

extension UnitKind: FluentEnumRepresentable {}

extension UnionUnit: Audited, Versioned {
    package static let auditEntity = "unit"
    package var auditUnitID: UUID? { id }

    package func auditSnapshot() -> [String: String] {
        ["name": name, "kind": kind.rawValue, "parentId": parentID?.uuidString ?? ""]
    }
}

package struct CreateUnionUnit: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(UnionUnit.schema)
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(UnionUnit.schema, .id))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(UnionUnit.schema).delete()
    }

    package init() {}
}
