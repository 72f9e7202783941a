import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import UnionHallCore

/// A value a column holds, read straight from SQLite's own: SQLKit's row decoding builds a
/// `Decoder` for every value it reads, which on a page of members cost more than running the query.
package protocol ColumnValue: Decodable {
    init?(sqliteColumn data: SQLiteData)
}

extension String: ColumnValue {
    package init?(sqliteColumn data: SQLiteData) { self.init(sqliteData: data) }
}

extension Int: ColumnValue {
    package init?(sqliteColumn data: SQLiteData) { self.init(sqliteData: data) }
}

extension Bool: ColumnValue {
    package init?(sqliteColumn data: SQLiteData) { self.init(sqliteData: data) }
}

extension Date: ColumnValue {
    package init?(sqliteColumn data: SQLiteData) { self.init(sqliteData: data) }
}

extension UUID: ColumnValue {
    /// Fluent writes a UUID to SQLite as its text.
    package init?(sqliteColumn data: SQLiteData) {
        guard case .text(let text) = data else { return nil }
        self.init(uuidString: text)
    }
}

extension ColumnValue where Self: RawRepresentable, RawValue == String {
    package init?(sqliteColumn data: SQLiteData) {
        guard case .text(let text) = data else { return nil }
        self.init(rawValue: text)
    }
}

/// A row read column by column (`RowColumns`), as the hot lists and the session lookup read theirs.
package protocol ColumnDecodable {
    init(columns: RowColumns) throws
}

/// One row's columns by name, `prefix` before each (a joined table's columns are aliased with one).
package struct RowColumns: Sendable {
    private enum Source {
        case sqlite(SQLiteRow)
        case sql(any SQLRow)
    }

    private let source: Source
    private let prefix: String

    private init(_ source: Source, prefix: String = "") {
        self.source = source
        self.prefix = prefix
    }

    /// The same row's columns named `prefix` + name.
    package func prefixed(_ prefix: String) -> RowColumns { RowColumns(source, prefix: self.prefix + prefix) }

    package func value<T: ColumnValue>(_ column: String) throws -> T {
        guard let value: T = try optional(column) else { throw Self.mismatch(T.self, prefix + column) }
        return value
    }

    package func optional<T: ColumnValue>(_ column: String) throws -> T? {
        let name = prefix + column
        switch source {
        case .sqlite(let row):
            guard let data = row.column(name) else { throw Self.mismatch(T.self, name) }
            if case .null = data { return nil }
            guard let value = T(sqliteColumn: data) else { throw Self.mismatch(T.self, name) }
            return value
        case .sql(let row):
            return try row.decodeNil(column: name) ? nil : row.decode(column: name, as: T.self)
        }
    }

    private static func mismatch<T>(_ type: T.Type, _ column: String) -> DecodingError {
        .typeMismatch(T.self, .init(codingPath: [], debugDescription: "column \(column) does not hold a \(T.self)"))
    }

    /// The statement's rows, read on SQLite through SQLiteNIO's own values.
    package static func all(_ statement: any SQLExpression, on db: any Database) async throws -> [RowColumns] {
        let sql = try db.sql()
        guard let sqlite = db as? any SQLiteDatabase else {
            return try await sql.raw("\(statement)").all().map { RowColumns(.sql($0)) }
        }
        let (text, values) = sql.serialize(statement)
        let encoder = SQLiteDataEncoder()
        let binds = try values.map { try encoder.encode($0) }
        // As SQLKit logs the queries it runs (`LOG_LEVEL=debug`); the values stay out of the log.
        db.logger.debug("\(text)")
        let rows: [SQLiteRow] = try await sqlite.query(text, binds).get()
        return rows.map { RowColumns(.sqlite($0)) }
    }
}

extension Gender: ColumnValue {}
extension UnitKind: ColumnValue {}
extension MembershipStatus: ColumnValue {}
extension EmploymentForm: ColumnValue {}
extension ProfessionalTitle: ColumnValue {}
extension Role: ColumnValue {}
