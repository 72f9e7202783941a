import Fluent
import FluentPostgresDriver
import Vapor
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// The session of a token and its user in one query, read on every request, so it is read from
/// SQL column by column into the two models' fields rather than through Fluent's reflection over them.
enum SessionLookup {
    private static let userColumns = [
        "id", "username", "password_hash", "display_name", "role", "unit_id", "member_id", "active", "handles_aid",
        "must_change_password", "version", "created_at", "updated_at",
    ]

    private static let sessionColumns = ["id", "token_hash", "user_id", "kind", "csrf_token", "created_at", "last_seen_at", "expires_at"]

    /// Its values: the tree counter's name, the token's hash and the session's kind. The columns are
    /// named, not `*`: a column added by an upgrade leaves the statement PostgreSQL keeps prepared valid.
    enum Statement: PreparedStatementName {
        static let statement = SerializedStatement { sql, values in
            let select = sql.select()
            for column in sessionColumns { select.column(SQLColumn(column, table: AuthSession.schema)) }
            select.column(
                SQLAlias(
                    SQLGroupExpression(
                        sql.select().column("value").from(Sequences.schema).where("name", .equal, SQLBind(values[0])).select),
                    as: SQLIdentifier("unit_tree_version")))
            for column in userColumns {
                select.column(SQLAlias(SQLColumn(column, table: User.schema), as: SQLIdentifier("user_" + column)))
            }
            if sql.dialect.name == "postgresql" {
                select.column(SQLAlias(SQLRaw("txid_current_snapshot()::text"), as: SQLIdentifier("read_snapshot")))
            }
            return select.from(AuthSession.schema)
                .join(
                    User.schema, method: SQLJoinMethod.left, on: SQLColumn("id", table: User.schema), .equal,
                    SQLColumn("user_id", table: AuthSession.schema)
                )
                .where(SQLColumn("token_hash", table: AuthSession.schema), .equal, SQLBind(values[1]))
                .where(SQLColumn("kind", table: AuthSession.schema), .equal, SQLBind(values[2]))
                .select
        }
    }

    /// The session, and the union tree's counter read in the same query (`Request.unitTreeVersion`);
    /// on PostgreSQL also the snapshot it was read in (`ReadSnapshot`).
    /// On a SQLite file a session read while nothing has been committed since is not read again (`kept`).
    static func find(
        tokenHash: String, kind: AuthSession.Kind, on db: any Database, kept: ChangeStampedCache<RowColumns>? = nil
    ) async throws -> (AuthSession, treeVersion: Int, snapshot: ReadSnapshot?)? {
        let values = [UnitTreeCache.counter, tokenHash, kind.rawValue]
        let read = {
            try await SQLSpan.traced(AuthSession.schema, { try await SerializedStatement.rows(Statement.self, values, on: db).first })
        }
        let found: RowColumns?
        if let kept { found = try await kept.value(for: kind.rawValue + tokenHash, read: read) } else { found = try await read() }
        guard let row = found else { return nil }
        let session = AuthSession()
        session.id = try row.value("id")
        session.$id.exists = true
        session.tokenHash = try row.value("token_hash")
        session.$user.id = try row.optional("user_id")
        session.kind = try row.value("kind")
        session.csrfToken = try row.value("csrf_token")
        session.createdAt = try row.value("created_at")
        session.lastSeenAt = try row.value("last_seen_at")
        session.expiresAt = try row.value("expires_at")
        session.$user.value = .some(session.$user.id == nil ? nil : try user(row.prefixed("user_")))
        let snapshot: String? = db is any PostgresDatabase ? try row.value("read_snapshot") : nil
        return (session, try row.optional("unit_tree_version") ?? 0, snapshot.map { ReadSnapshot($0) })
    }

    private static func user(_ row: RowColumns) throws -> User {
        let user = User()
        user.id = try row.value("id")
        user.$id.exists = true
        user.username = try row.value("username")
        user.passwordHash = try row.value("password_hash")
        user.displayName = try row.value("display_name")
        user.role = try row.value("role")
        user.unitID = try row.optional("unit_id")
        user.memberID = try row.optional("member_id")
        user.active = try row.value("active")
        user.handlesAid = try row.value("handles_aid")
        user.mustChangePassword = try row.value("must_change_password")
        user.version = try row.value("version")
        user.createdAt = try row.optional("created_at")
        user.updatedAt = try row.optional("updated_at")
        return user
    }
}
extension AuthSession.Kind: ColumnValue {}

extension Application {
    private struct SessionRowsKey: StorageKey { typealias Value = ChangeStampedCache<RowColumns> }

    /// Session rows already read, on a SQLite file (set at start-up; nil elsewhere).
    var sessionRows: ChangeStampedCache<RowColumns>? {
        get { storage[SessionRowsKey.self] }
        set { storage[SessionRowsKey.self] = newValue }
    }
}
