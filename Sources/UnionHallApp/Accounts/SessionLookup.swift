import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// The session of a token and its user in one query, read on every request, so it is decoded from
/// SQL straight into the two models' fields rather than through Fluent's reflection over them.
enum SessionLookup {
    private struct SessionRow: Decodable {
        var id: UUID
        var tokenHash: String
        var userId: UUID?
        var kind: AuthSession.Kind
        var csrfToken: String
        var createdAt: Date
        var lastSeenAt: Date
        var expiresAt: Date

        enum CodingKeys: String, CodingKey {
            case id, tokenHash = "token_hash", userId = "user_id", kind, csrfToken = "csrf_token", createdAt = "created_at", lastSeenAt =
                "last_seen_at", expiresAt = "expires_at"
        }
    }

    private struct UserRow: Decodable {
        var id: UUID
        var username: String
        var passwordHash: String
        var displayName: String
        var role: Role
        var unitId: UUID?
        var memberId: UUID?
        var active: Bool
        var handlesAid: Bool
        var mustChangePassword: Bool
        var version: Int
        var createdAt: Date?
        var updatedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, username, passwordHash = "password_hash", displayName = "display_name", role, unitId = "unit_id", memberId =
                "member_id", active, handlesAid = "handles_aid", mustChangePassword = "must_change_password", version, createdAt =
                "created_at", updatedAt = "updated_at"
        }
    }

    private static let userColumns = [
        "id", "username", "password_hash", "display_name", "role", "unit_id", "member_id", "active", "handles_aid",
        "must_change_password", "version", "created_at", "updated_at",
    ]

    /// The session, and the union tree's counter read in the same query (`Request.unitTreeVersion`).
    static func find(tokenHash: String, kind: AuthSession.Kind, on db: any Database) async throws -> (AuthSession, treeVersion: Int)? {
        let sql = try db.sql()
        let select = sql.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier(AuthSession.schema)))
            .column(
                SQLAlias(
                    SQLGroupExpression(
                        sql.select().column("value").from(Sequences.schema).where("name", .equal, SQLBind(UnitTreeCache.counter)).select),
                    as: SQLIdentifier("unit_tree_version")))
        for column in userColumns {
            select.column(SQLAlias(SQLColumn(column, table: User.schema), as: SQLIdentifier("user_" + column)))
        }
        guard
            let row = try await SQLSpan.traced(
                AuthSession.schema,
                {
                    try await select.from(AuthSession.schema)
                        .join(
                            User.schema, method: SQLJoinMethod.left, on: SQLColumn("id", table: User.schema), .equal,
                            SQLColumn("user_id", table: AuthSession.schema)
                        )
                        .where(SQLColumn("token_hash", table: AuthSession.schema), .equal, SQLBind(tokenHash))
                        .where(SQLColumn("kind", table: AuthSession.schema), .equal, SQLBind(kind.rawValue))
                        .first()
                })
        else { return nil }
        let stored = try row.decode(model: SessionRow.self)
        let session = AuthSession()
        session.id = stored.id
        session.$id.exists = true
        session.tokenHash = stored.tokenHash
        session.$user.id = stored.userId
        session.kind = stored.kind
        session.csrfToken = stored.csrfToken
        session.createdAt = stored.createdAt
        session.lastSeenAt = stored.lastSeenAt
        session.expiresAt = stored.expiresAt
        session.$user.value = .some(try stored.userId == nil ? nil : user(row))
        return (session, try row.decodeNil(column: "unit_tree_version") ? 0 : row.decode(column: "unit_tree_version", as: Int.self))
    }

    private static func user(_ row: any SQLRow) throws -> User {
        let stored = try row.decode(model: UserRow.self, prefix: "user_")
        let user = User()
        user.id = stored.id
        user.$id.exists = true
        user.username = stored.username
        user.passwordHash = stored.passwordHash
        user.displayName = stored.displayName
        user.role = stored.role
        user.unitID = stored.unitId
        user.memberID = stored.memberId
        user.active = stored.active
        user.handlesAid = stored.handlesAid
        user.mustChangePassword = stored.mustChangePassword
        user.version = stored.version
        user.createdAt = stored.createdAt
        user.updatedAt = stored.updatedAt
        return user
    }
}
