import FluentKit
import SQLKit

/// Named counters every instance shares: membership numbers, the union tree's version.
package enum Sequences {
    package static let schema = "sequences"
    package static let membershipNumber = "membershipNumber"

    /// Takes the next `count` values and answers the first.
    package static func take(_ name: String, count: Int = 1, on db: any Database) async throws -> Int {
        let row = try await db.sql().raw(
            """
            INSERT INTO \(ident: schema) (name, value) VALUES (\(bind: name), \(bind: count))
            ON CONFLICT (name) DO UPDATE SET value = \(ident: schema).value + \(bind: count)
            RETURNING value
            """
        ).first()
        let last = try row?.decode(column: "value", as: Int.self) ?? count
        return last - count + 1
    }

    /// The counter's value now (0 before it is first taken).
    package static func current(_ name: String, on db: any Database) async throws -> Int {
        try await db.sql().select().column("value").from(schema).where("name", .equal, SQLBind(name)).first()?
            .decode(column: "value", as: Int.self) ?? 0
    }
}
