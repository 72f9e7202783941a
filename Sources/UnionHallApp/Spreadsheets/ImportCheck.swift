import Fluent
import SQLKit
import UnionHallCore
import Vapor

/// The columns an import knows: the header as its template writes it, and which must be there.
protocol ImportColumn: RawRepresentable, CaseIterable, Hashable where RawValue == String {
    var header: String { get }
    var isRequired: Bool { get }
}

extension ImportColumn {
    /// A header cell, in Chinese as the template writes it or as the English name.
    static func matching(_ text: String) -> Self? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "(", with: "（").replacingOccurrences(
            of: ")", with: "）")
        return allCases.first { $0.header == cleaned || $0.rawValue.lowercased() == cleaned.lowercased() }
    }
}

/// An import's report as it is checked: every failure by row and column (the first 500 listed,
/// all counted). Nothing is written unless it stays empty.
struct ImportCheck<Column: ImportColumn> {
    static var maxReported: Int { 500 }

    let localize: (String, [String]) -> String
    private(set) var errors: [ImportRowError] = []
    private(set) var total = 0
    private(set) var positions: [Column: Int] = [:]

    init(localize: @escaping (String, [String]) -> String) {
        self.localize = localize
    }

    mutating func fail(_ row: Int, _ column: Column?, _ key: String, _ arguments: [String] = []) {
        total += 1
        if errors.count < Self.maxReported {
            errors.append(ImportRowError(row: row, column: column?.header ?? "", message: localize(key, arguments)))
        }
    }

    var passed: Bool { errors.isEmpty }

    func throwIfFailed() throws {
        guard errors.isEmpty else { throw ImportFailure(errors: errors, total: total) }
    }

    /// The header: every column known, each once, the required ones present.
    mutating func checkHeader(_ header: [String]) throws {
        for (index, name) in header.enumerated() where !name.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let column = Column.matching(name) else {
                fail(1, nil, "error.import.unknownColumn", [name])
                continue
            }
            if positions[column] != nil { fail(1, column, "error.import.duplicateColumn", [name]) }
            positions[column] = index
        }
        for column in Column.allCases where column.isRequired && positions[column] == nil {
            fail(1, column, "error.import.missingColumn", [column.header])
        }
        try throwIfFailed()
    }

    /// A file with a header and no rows is refused as such.
    func requireRows(_ count: Int) throws {
        guard count > 0 else {
            throw ImportFailure(errors: [ImportRowError(row: 2, column: "", message: localize("error.import.noRows", []))], total: 1)
        }
    }

    func cell(_ row: [String], _ column: Column) -> String { positions[column].map { $0 < row.count ? row[$0] : "" } ?? "" }
}

/// A refused import: the report of every failing row. The API answers it as a 422 on `file`.
struct ImportFailure: Error {
    var errors: [ImportRowError]
    var total: Int
}

struct ImportFailureBody: Content {
    var error: String
    var field: String
    var rows: [ImportRowError]
}

enum ImportUpload {
    /// Opens the spreadsheet uploaded as `file`, where it lies in the request; a missing file, or
    /// one that is not a spreadsheet, is a 422 on `file`.
    static func source(_ request: Request) throws -> SpreadsheetSource {
        let file = try MultipartForm.read(request).file()
        do {
            return try SpreadsheetReader.open(file.readableBytesView)
        } catch let error as SpreadsheetError {
            throw AppError.invalid("file", error.key, error.arguments)
        }
    }

    /// The API's answer to an import: 201 with the count, or 422 with the row report.
    static func respond(_ req: Request, _ run: () async throws -> Int) async throws -> Response {
        do {
            return try await ImportReport(imported: try await run(), errors: []).encodeResponse(status: .created, for: req)
        } catch let failure as ImportFailure {
            let body = ImportFailureBody(error: req.t("error.import.rows", [String(failure.total)]), field: "file", rows: failure.errors)
            return try await body.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// What an import needs of a member it names: a few columns, not a model, so that a file naming
    /// 100,000 people holds 100,000 small values.
    struct MemberRef: Decodable {
        var id: UUID
        var unitID: UUID
        var nameKey: String

        enum CodingKeys: String, CodingKey { case id, unitID = "unit_id", nameKey = "name_key" }
    }

    /// Every member named by ID number in a file, looked up in a few queries rather than one per row.
    static func members(idNumbers texts: [String], on db: any Database) async throws -> [String: MemberRef] {
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, key: "error.internal") }
        var numbers: Set<String> = []
        for text in texts { if case .success(let id) = IDNumber.parse(text) { numbers.insert(id.value) } }
        struct Row: Decodable {
            var idNumber: String
            var ref: MemberRef
            init(from decoder: any Decoder) throws {
                idNumber = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .idNumber)
                ref = try MemberRef(from: decoder)
            }
            enum Key: String, CodingKey { case idNumber = "id_number" }
        }
        var members: [String: MemberRef] = [:]
        let all = Array(numbers)
        for start in stride(from: 0, to: all.count, by: 500) {
            let rows = try await sql.select().columns("id", "unit_id", "name_key", "id_number").from(Member.schema)
                .where("id_number", .in, SQLBind.group(Array(all[start..<min(start + 500, all.count)])))
                .where("deleted_at", .is, SQLLiteral.null).all(decoding: Row.self)
            for row in rows { members[row.idNumber] = row.ref }
        }
        return members
    }
}
