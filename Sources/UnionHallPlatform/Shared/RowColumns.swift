import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import UnionHallCore

/// A value a column holds, read straight from the driver's own (SQLite's values, PostgreSQL's
/// cells): SQLKit's row decoding builds a `Decoder` for every value it reads, which on a page of
/// members cost more than running the query, and on PostgreSQL most of the session lookup's time.
package protocol ColumnValue: Decodable {
    init?(sqliteColumn data: SQLiteData)
    /// nil when the cell does not hold one (never called for a null).
    init?(postgresCell cell: PostgresCell)
}

extension ColumnValue where Self: PostgresDecodable {
    package init?(postgresCell cell: PostgresCell) {
        guard let value = try? cell.decode(Self.self) else { return nil }
        self = value
    }
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
        guard case .text(let text) = data, let id = UUIDText.parse(text) else { return nil }
        self = id
    }
}

extension ColumnValue where Self: RawRepresentable, RawValue == String {
    package init?(sqliteColumn data: SQLiteData) {
        guard case .text(let text) = data else { return nil }
        self.init(rawValue: text)
    }

    package init?(postgresCell cell: PostgresCell) {
        guard let text = try? cell.decode(String.self) else { return nil }
        self.init(rawValue: text)
    }
}

/// A row read column by column (`RowColumns`), as the hot lists and the session lookup read theirs.
package protocol ColumnDecodable {
    init(columns: RowColumns) throws
}

/// One row's columns by name, `prefix` before each (a joined table's columns are aliased with one).
package struct RowColumns: Sendable {
    @usableFromInline enum Source: Sendable {
        case sqlite(SQLiteRow)
        case postgres(PostgresRandomAccessRow)
        case sql(any SQLRow)
    }

    @usableFromInline let source: Source
    @usableFromInline let prefix: String

    private init(_ source: Source, prefix: String = "") {
        self.source = source
        self.prefix = prefix
    }

    /// A row of PostgreSQL's, its cells read by name.
    package init(postgres row: PostgresRow) { self.init(.postgres(row.makeRandomAccess())) }

    /// The same row's columns named `prefix` + name.
    package func prefixed(_ prefix: String) -> RowColumns { RowColumns(source, prefix: self.prefix + prefix) }

    // Specialized here for the types rows hold, so a row type in another module reads each column
    // with its type known. Inlining alone left `MemberRow`'s calls generic: looking up metadata for
    // every value was about 4% of a page of members.
    @_specialize(exported:true,where T == String)
    @_specialize(exported:true,where T == Int)
    @_specialize(exported:true,where T == Bool)
    @_specialize(exported:true,where T == Date)
    @_specialize(exported:true,where T == UUID)
    @_specialize(exported:true,where T == Gender)
    @_specialize(exported:true,where T == MembershipStatus)
    @_specialize(exported:true,where T == EmploymentForm)
    @_specialize(exported:true,where T == ProfessionalTitle)
    @_specialize(exported:true,where T == UnitKind)
    @_specialize(exported:true,where T == Role)
    @inlinable package func value<T: ColumnValue>(_ column: String) throws -> T {
        guard let value: T = try optional(column) else { throw Self.mismatch(T.self, prefix + column) }
        return value
    }

    @_specialize(exported:true,where T == String)
    @_specialize(exported:true,where T == Int)
    @_specialize(exported:true,where T == Bool)
    @_specialize(exported:true,where T == Date)
    @_specialize(exported:true,where T == UUID)
    @_specialize(exported:true,where T == Gender)
    @_specialize(exported:true,where T == MembershipStatus)
    @_specialize(exported:true,where T == EmploymentForm)
    @_specialize(exported:true,where T == ProfessionalTitle)
    @_specialize(exported:true,where T == UnitKind)
    @_specialize(exported:true,where T == Role)
    @inlinable package func optional<T: ColumnValue>(_ column: String) throws -> T? {
        let name = prefix.isEmpty ? column : prefix + column
        switch source {
        case .sqlite(let row):
            guard let data = row.column(name) else { throw Self.mismatch(T.self, name) }
            if case .null = data { return nil }
            guard let value = T(sqliteColumn: data) else { throw Self.mismatch(T.self, name) }
            return value
        case .postgres(let row):
            guard row.contains(name) else { throw Self.mismatch(T.self, name) }
            let cell = row[name]
            if cell.bytes == nil { return nil }
            guard let value = T(postgresCell: cell) else { throw Self.mismatch(T.self, name) }
            return value
        case .sql(let row):
            return try row.decodeNil(column: name) ? nil : row.decode(column: name, as: T.self)
        }
    }

    @usableFromInline static func mismatch<T>(_ type: T.Type, _ column: String) -> DecodingError {
        .typeMismatch(T.self, .init(codingPath: [], debugDescription: "column \(column) does not hold a \(T.self)"))
    }

    /// The statement's rows, read through the driver's own values.
    package static func all(_ statement: any SQLExpression, on db: any Database) async throws -> [RowColumns] {
        let sql = try db.sql()
        let (text, values) = sql.serialize(statement)
        // As SQLKit logs the queries it runs (`LOG_LEVEL=debug`); the values stay out of the log.
        db.logger.debug("\(text)")
        if let postgres = db as? any PostgresDatabase {
            let encoder = PostgresDataEncoder()
            let binds = try values.map { try encoder.encode($0) }
            return try await postgres.query(text, binds).get().rows.map { RowColumns(postgres: $0) }
        }
        if let sqlite = db as? any SQLiteDatabase {
            let encoder = SQLiteDataEncoder()
            let binds = try values.map { try encoder.bind($0) }
            let rows: [SQLiteRow] = try await sqlite.query(text, binds).get()
            return rows.map { RowColumns(.sqlite($0)) }
        }
        return try await sql.raw("\(statement)").all().map { RowColumns(.sql($0)) }
    }
}

extension Gender: ColumnValue {}
extension UnitKind: ColumnValue {}
extension MembershipStatus: ColumnValue {}
extension EmploymentForm: ColumnValue {}
extension ProfessionalTitle: ColumnValue {}
extension Role: ColumnValue {}
