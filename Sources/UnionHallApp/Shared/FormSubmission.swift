import Fluent
import Vapor

/// A create form carries a one-time `_once` nonce; the first submission records it with the page
/// it led to, and a second submission of the same form (a double click, a resent POST) is sent
/// there instead of creating the record again.
final class FormSubmission: Model, @unchecked Sendable {
    static let schema = "form_submissions"
    static let fieldName = "_once"

    @ID(key: .id) var id: UUID?
    @Field(key: "nonce") var nonce: String
    @Field(key: "location") var location: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
    init(nonce: String, location: String, createdAt: Date) {
        self.nonce = nonce
        self.location = location
        self.createdAt = createdAt
    }

    /// Where an earlier submission of this form went, if there was one.
    static func earlier(_ nonce: String?, on db: any Database) async throws -> String? {
        guard let nonce, !nonce.isEmpty else { return nil }
        return try await query(on: db).filter(\.$nonce == nonce).first()?.location
    }

    static func remember(_ nonce: String?, location: String, at: Date, on db: any Database) async throws {
        guard let nonce, !nonce.isEmpty else { return }
        try await FormSubmission(nonce: nonce, location: location, createdAt: at).create(on: db)
    }
}

struct CreateFormSubmission: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(FormSubmission.schema)
            .id()
            .field("nonce", .string, .required)
            .field("location", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "nonce")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FormSubmission.schema).delete()
    }
}
