import Fluent
import Vapor

/// A create form carries a one-time `_once` nonce. The record and its nonce are written in one
/// transaction, so a second submission of the same form (a double click, a resent POST) finds the
/// nonce and is sent to the record the first one made instead of creating it again.
package final class FormSubmission: Model, @unchecked Sendable {
    package static let schema = "form_submissions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "nonce") package var nonce: String
    @Field(key: "location") package var location: String
    @Field(key: "created_at") package var createdAt: Date

    package init() {}
    package init(nonce: String, location: String, createdAt: Date) {
        self.nonce = nonce
        self.location = location
        self.createdAt = createdAt
    }
}

/// One form's nonce and where the record it creates will be shown.
package struct FormOnce: Sendable {
    package let nonce: String
    /// `/members/`: the new record's id is appended.
    package let pathPrefix: String
    package let at: Date

    package init?(_ nonce: String?, pathPrefix: String, at: Date) {
        guard let nonce, !nonce.isEmpty, nonce.count <= 64 else { return nil }
        self.nonce = nonce
        self.pathPrefix = pathPrefix
        self.at = at
    }

    /// Thrown inside the write when the form was already submitted: nothing is written twice.
    package struct AlreadySubmitted: Error {
        package let location: String

        package init(location: String) {
            self.location = location
        }
    }

    /// Call first inside the write transaction.
    package func claim(on db: any Database) async throws {
        if let earlier = try await FormSubmission.query(on: db).filter(\.$nonce == nonce).first() {
            throw AlreadySubmitted(location: earlier.location)
        }
    }

    /// Call after the record is created, in the same transaction.
    package func record(_ id: UUID?, on db: any Database) async throws -> String {
        let location = pathPrefix + (id?.uuidString ?? "")
        try await FormSubmission(nonce: nonce, location: location, createdAt: at).create(on: db)
        return location
    }

    /// Where an earlier submission went, for a race lost to the unique index (PostgreSQL).
    package func earlierLocation(on db: any Database) async throws -> String? {
        try await FormSubmission.query(on: db).filter(\.$nonce == nonce).first()?.location
    }
}

extension Optional where Wrapped == FormOnce {
    package func claim(on db: any Database) async throws { try await self?.claim(on: db) }
    package func record(_ id: UUID?, on db: any Database) async throws { _ = try await self?.record(id, on: db) }

    /// For a save that checks duplicates before its write: a repeated form goes to the first one's record
    /// rather than being refused as a duplicate of itself.
    package func checkNotSubmitted(on db: any Database) async throws {
        if let location = try await self?.earlierLocation(on: db) { throw FormOnce.AlreadySubmitted(location: location) }
    }
}

package struct CreateFormSubmission: AsyncMigration {
    package func prepare(on database: any Database) async throws {
        try await database.schema(FormSubmission.schema)
            .id()
            .field("nonce", .string, .required)
            .field("location", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "nonce")
            .create()
    }

    package func revert(on database: any Database) async throws {
        try await database.schema(FormSubmission.schema).delete()
    }

    package init() {}
}
