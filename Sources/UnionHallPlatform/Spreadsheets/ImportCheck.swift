import Fluent
import SQLKit
import UnionHallCore
import Vapor

/// The columns an import knows: the header as its template writes it, and which must be there.
package protocol ImportColumn: RawRepresentable, CaseIterable, Hashable where RawValue == String {
    var header: String { get }
    var isRequired: Bool { get }
}

extension ImportColumn {
    /// A header cell, in Chinese as the template writes it or as the English name.
    package static func matching(_ text: String) -> Self? {
        let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "(", with: "（").replacingOccurrences(
            of: ")", with: "）")
        return allCases.first { $0.header == cleaned || $0.rawValue.lowercased() == cleaned.lowercased() }
    }
}

/// An import's report as it is checked: every failure by row and column (the first 500 listed,
/// all counted). Nothing is written unless it stays empty.
package struct ImportCheck<Column: ImportColumn> {
    package static var maxReported: Int { 500 }

    package let localize: (String, [String]) -> String
    private(set) var errors: [ImportRowError] = []
    private(set) var total = 0
    private(set) var positions: [Column: Int] = [:]

    package init(localize: @escaping (String, [String]) -> String) {
        self.localize = localize
    }

    package mutating func fail(_ row: Int, _ column: Column?, _ key: String, _ arguments: [String] = []) {
        total += 1
        if errors.count < Self.maxReported {
            errors.append(ImportRowError(row: row, column: column?.header ?? "", message: localize(key, arguments)))
        }
    }

    package var passed: Bool { errors.isEmpty }

    package func throwIfFailed() throws {
        guard errors.isEmpty else { throw ImportFailure(errors: errors, total: total) }
    }

    /// The header: every column known, each once, the required ones present.
    package mutating func checkHeader(_ header: [String]) throws {
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
    package func requireRows(_ count: Int) throws {
        guard count > 0 else {
            throw ImportFailure(errors: [ImportRowError(row: 2, column: "", message: localize("error.import.noRows", []))], total: 1)
        }
    }

    package func cell(_ row: [String], _ column: Column) -> String { positions[column].map { $0 < row.count ? row[$0] : "" } ?? "" }
}

/// A refused import: the report of every failing row. The API answers it as a 422 on `file`.
package struct ImportFailure: Error {
    package var errors: [ImportRowError]
    package var total: Int

    package init(errors: [ImportRowError], total: Int) {
        self.errors = errors
        self.total = total
    }
}

package struct ImportFailureBody: Content {
    package var error: String
    package var field: String
    package var rows: [ImportRowError]

    package init(error: String, field: String, rows: [ImportRowError]) {
        self.error = error
        self.field = field
        self.rows = rows
    }
}

package enum ImportUpload {
    /// Opens the spreadsheet uploaded as `file`, where it lies in the request, on the thread pool
    /// (decoding a large GBK file or unpacking an xlsx is CPU work); a missing file, or one that is
    /// not a spreadsheet, is a 422 on `file`.
    package static func source(_ request: Request) async throws -> SpreadsheetSource {
        let file = try MultipartForm.read(request).file()
        return try await Offload.blocking(request.application) {
            do {
                return try SpreadsheetReader.open(file.readableBytesView)
            } catch let error as SpreadsheetError {
                throw error.appError
            }
        }
    }

    /// The API's answer to an import: 201 with the count, or 422 with the row report.
    package static func respond(_ req: Request, _ run: () async throws -> Int) async throws -> Response {
        do {
            return try await ImportReport(imported: try await run(), errors: []).encodeResponse(status: .created, for: req)
        } catch let failure as ImportFailure {
            let body = ImportFailureBody(error: req.t("error.import.rows", [String(failure.total)]), field: "file", rows: failure.errors)
            return try await body.encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}

/// One bad row of an import: its row number in the sheet (the header is row 1), the column and why.
package struct ImportRowError: Content {
    package var row: Int
    package var column: String
    package var message: String

    package init(row: Int, column: String, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}

package struct ImportReport: Content {
    package var imported: Int
    package var errors: [ImportRowError]

    package init(imported: Int, errors: [ImportRowError]) {
        self.imported = imported
        self.errors = errors
    }
}
