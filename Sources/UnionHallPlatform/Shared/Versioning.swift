import Fluent
import SQLKit
import Vapor

/// Optimistic locking: a change names the version it was made from. Claiming the version bumps
/// it in one conditional UPDATE, so of two officers saving the same record only the first wins;
/// the second gets 409 and sees the newer data.
package enum Versioning {
    /// `softDeleted`: the table has `deleted_at`, and a deleted record cannot be changed.
    package static func claim(schema: String, id: UUID, expected: Int, softDeleted: Bool = true, on db: any Database) async throws {
        let sql = try db.sql()
        let update = sql.update(schema)
            .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, id)
            .where("version", .equal, expected)
        if softDeleted { update.where("deleted_at", .is, SQLLiteral.null) }
        let rows = try await update.returning("id").all()
        guard !rows.isEmpty else { throw AppError.versionConflict }
    }
}

/// A record that carries `version`, `deleted_at` and its unit.
package protocol Versioned: Model where IDValue == UUID {
    var version: Int { get set }
    /// Whether the table has `deleted_at` (most do).
    static var isSoftDeleted: Bool { get }
}

extension Versioned {
    package static var isSoftDeleted: Bool { true }

    /// Claims `expected` and moves the in-memory model to the new version before it is saved.
    package func claimVersion(_ expected: Int, on db: any Database) async throws {
        guard let id else { throw AppError.notFound }
        try await Versioning.claim(schema: Self.schema, id: id, expected: expected, softDeleted: Self.isSoftDeleted, on: db)
        version = expected + 1
    }
}
