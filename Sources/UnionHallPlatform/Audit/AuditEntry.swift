import Fluent
import Foundation

/// One line of the audit log: who did what to which record, when, with the record before and
/// after. Snapshots hold personal data masked, so the log itself discloses nothing.
package final class AuditEntry: Model, @unchecked Sendable {
    package static let schema = "audit_entries"

    package enum Action: String, Codable, Sendable, CaseIterable, FluentEnumRepresentable {
        case create, update, delete, restore, reveal, login, logout, export, view
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "at") package var at: Date
    @OptionalField(key: "actor_id") package var actorID: UUID?
    @Field(key: "actor_name") package var actorName: String
    /// The union unit the record belongs to, for scoping the log to an officer's subtree.
    @OptionalField(key: "unit_id") package var unitID: UUID?
    @Field(key: "entity") package var entity: String
    @OptionalField(key: "entity_id") package var entityID: UUID?
    @Enum(key: "action") package var action: Action
    @OptionalField(key: "before") package var before: String?
    @OptionalField(key: "after") package var after: String?

    package init() {}

    package init(
        at: Date, actorID: UUID?, actorName: String, unitID: UUID?, entity: String, entityID: UUID?, action: Action, before: String?,
        after: String?
    ) {
        self.at = at
        self.actorID = actorID
        self.actorName = actorName
        self.unitID = unitID
        self.entity = entity
        self.entityID = entityID
        self.action = action
        self.before = before
        self.after = after
    }
}

package struct CreateAuditEntry: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("unit_id", .uuid)
            .field("entity", .string, .required)
            .field("entity_id", .uuid)
            .field("action", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }

    package init() {}
}
