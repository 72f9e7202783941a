import FluentKit
import FluentPostgresDriver
import NIOConcurrencyHelpers
import SQLKit

/// A statement whose text is the same on every call and only its values change: serialized once
/// per dialect, then sent with each call's values. Building and serializing a select of many
/// columns costs more than SQLite takes to run it, and the session lookup runs on every request.
/// On PostgreSQL the statement is also prepared once per connection (`rows(_:on:)`), so the server
/// does not parse and plan it again on every call.
package final class SerializedStatement: Sendable {
    private let build: @Sendable (any SQLDatabase, [any Encodable & Sendable]) -> any SQLExpression
    private let texts = NIOLockedValueBox<[String: String]>([:])

    /// `build` binds the values it is given, in the order they appear in the statement's text.
    package init(_ build: @escaping @Sendable (_ db: any SQLDatabase, _ values: [any Encodable & Sendable]) -> any SQLExpression) {
        self.build = build
    }

    package func callAsFunction(_ values: [any Encodable & Sendable], on db: any SQLDatabase) -> any SQLExpression {
        let text = text(on: db, values)
        return Serialized(text: text, binds: values)
    }

    private func text(on db: any SQLDatabase, _ values: [any Encodable & Sendable]) -> String {
        let dialect = db.dialect.name
        if let text = texts.withLockedValue({ $0[dialect] }) { return text }
        let (text, binds) = db.serialize(build(db, values))
        assert(binds.count == values.count, "a serialized statement binds exactly the values it is given")
        texts.withLockedValue { $0[dialect] = text }
        return text
    }

    /// The statement's rows; `Name` names it on PostgreSQL's connections, where it is prepared.
    package static func rows<Name: PreparedStatementName>(
        _ name: Name.Type, _ values: [any Encodable & Sendable], on db: any Database
    ) async throws -> [RowColumns] {
        let sql = try db.sql()
        guard let postgres = db as? any PostgresDatabase else { return try await RowColumns.all(Name.statement(values, on: sql), on: db) }
        _ = Name.statement.text(on: sql, values)
        var bindings = PostgresBindings()
        let encoder = PostgresDataEncoder()
        for value in values { bindings.append(try encoder.encode(value)) }
        let prepared = Prepared<Name>(bindings: bindings)
        let logger = db.logger
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                var rows: [PostgresRow] = []
                for try await row in try await connection.execute(prepared, logger: logger) { rows.append(row) }
                return rows
            }
        }.get()
        return rows.map { RowColumns(postgres: $0) }
    }

    /// The text as sent to PostgreSQL, once a call has serialized it.
    fileprivate var postgresText: String {
        guard let text = texts.withLockedValue({ $0["postgresql"] }) else {
            preconditionFailure("a statement is serialized before it is prepared")
        }
        return text
    }
}

/// A statement PostgreSQL keeps prepared on each connection under this type's name.
package protocol PreparedStatementName {
    static var statement: SerializedStatement { get }
}

private struct Prepared<Name: PreparedStatementName>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { "uh_" + String(describing: Name.self) }
    static var sql: String { Name.statement.postgresText }
    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

private struct Serialized: SQLExpression {
    let text: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds.append(contentsOf: binds)
    }
}
