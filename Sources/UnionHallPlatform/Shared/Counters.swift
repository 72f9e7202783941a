import Fluent
import SQLKit
import Vapor

/// A counter kept on a row, moved in SQL (`n = n + 1`) so concurrent writers never lose a count.
package enum Counters {
    package static func add(_ amount: Int64, to column: String, of schema: String, id: UUID, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.update(schema)
            .set(SQLIdentifier(column), to: SQLBinaryExpression(SQLIdentifier(column), .add, SQLBind(amount)))
            .where("id", .equal, id)
            .run()
    }

    /// Adds `amount` only if the column stays within `limitColumn`; false when it would not.
    package static func add(
        _ amount: Int64, to column: String, within limitColumn: String, of schema: String, id: UUID, on db: any Database
    )
        async throws -> Bool
    {
        let sql = try db.sql()
        let rows = try await sql.update(schema)
            .set(SQLIdentifier(column), to: SQLBinaryExpression(SQLIdentifier(column), .add, SQLBind(amount)))
            .where("id", .equal, id)
            .where(
                SQLBinaryExpression(
                    SQLBinaryExpression(SQLIdentifier(column), .add, SQLBind(amount)), .lessThanOrEqual, SQLIdentifier(limitColumn))
            )
            .returning("id").all()
        return !rows.isEmpty
    }
}

/// One figure of a breakdown: its code (a kind, a level) and the count.
package struct KeyCount: Content {
    package var key: String
    package var count: Int

    package init(key: String, count: Int) {
        self.key = key
        self.count = count
    }
}
