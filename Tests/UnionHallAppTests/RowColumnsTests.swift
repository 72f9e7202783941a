import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import UnionHallCore
@testable import UnionHallPlatform

@testable import UnionHallApp

@Suite struct RowColumnsTests {
    /// A bound UUID is the text SQLKit's own encoder gives it, and any other value is as it gives it.
    @Test func aBindIsWhatTheEncoderGives() throws {
        let encoder = SQLiteDataEncoder()
        for value in [UUID(), UUID()] as [any Encodable] + ["工会", 7, true, Date(timeIntervalSince1970: 1)] as [any Encodable] {
            #expect(try encoder.bind(value) == encoder.encode(value))
        }
    }

    /// Each database's own values read as each type a row reads, nulls as nil, and a column that
    /// is missing or holds another type as an error naming it.
    @Test func eachDatabaseReadsItsValuesAsTheirTypes() async throws {
        try await TestWorld.run { world in
            let db = world.app.db
            let id = UUID()
            let at = Date(timeIntervalSince1970: 1_700_000_000)
            let cast = usesPostgres ? "::uuid" : ""
            let statement: SQLQueryString = """
                SELECT \(bind: id.uuidString)\(unsafeRaw: cast) AS id, \(bind: "张三") AS name, \(bind: 42) AS level,
                \(bind: true) AS migrant, \(bind: at) AS at, \(bind: "female") AS gender, NULL AS blank
                """
            let row = try #require(try await RowColumns.all(statement, on: db).first)
            #expect(try row.value("id") == id)
            #expect(try row.value("name") == "张三")
            #expect(try row.value("level") == 42)
            #expect(try row.value("migrant") == true)
            #expect(try row.value("at") == at)
            #expect(try row.value("gender") == Gender.female)
            #expect(try row.optional("blank") as String? == nil)
            #expect(throws: DecodingError.self) { try row.value("blank") as String }
            #expect(throws: DecodingError.self) { try row.value("absent") as String }
            #expect(throws: DecodingError.self) { try row.value("name") as Int }
            #expect(throws: DecodingError.self) { try row.value("name") as Gender }
        }
    }
}
