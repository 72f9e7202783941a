import CSV
import Foundation
import UnionHallCore
import XMLCoder
import ZIPFoundation

/// A spreadsheet's first sheet, walked row by row as often as an import needs (once to gather the
/// people it names, once to check and plan each row): no table of every row is ever held. It
/// keeps the decoded text of a CSV, or an xlsx's archive and shared strings.
package struct SpreadsheetSource {
    package enum Sheet {
        case csv(String)
        case xlsx(Archive, path: String, shared: [String])
    }

    package var header: [String]
    package let limits: SpreadsheetReader.Limits
    package let sheet: Sheet

    /// Each non-blank data row, as long as the header, numbered from 0 (the first after the header).
    package func forEachRow(_ each: (Int, [String]) throws -> Void) throws {
        switch sheet {
        case .csv(let text):
            let reader = try SpreadsheetReader.csvReader(text)
            var index = 0
            while let row = reader.next() {
                if row.allSatisfy(\.isEmpty) { continue }
                guard index < limits.maxRows else {
                    throw SpreadsheetError(key: "error.import.tooManyRows", arguments: [String(limits.maxRows)])
                }
                try each(index, SpreadsheetReader.fitted(row, to: header.count))
                index += 1
            }
            if reader.error != nil { throw SpreadsheetError(key: "error.import.malformed") }
        case .xlsx:
            try walkSheet(header: header, each)
        }
    }

    /// Streams the worksheet out of the archive, counting its unpacked bytes against the limit.
    package func walkSheet(header: [String]?, _ each: (Int, [String]) throws -> Void) throws {
        guard case .xlsx(let archive, let path, let shared) = sheet, let entry = archive[path] else { return }
        // The caller's own errors pass through; anything else the archive or the scanner throws
        // means the file is not a spreadsheet that can be read.
        struct Passed: Error { let error: any Error }
        func pass(_ index: Int, _ row: [String]) throws {
            do { try each(index, row) } catch { throw Passed(error: error) }
        }
        var walk = SpreadsheetReader.SheetWalk(header: header, maxRows: limits.maxRows)
        var stream = SheetStream()
        var unpacked = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                unpacked += chunk.count
                if unpacked > limits.maxUnpackedBytes { throw SpreadsheetError(key: "error.import.bomb") }
                try stream.append(chunk) { try walk.add($0, shared: shared, pass) }
            }
            try stream.finish { try walk.add($0, shared: shared, pass) }
        } catch let passed as Passed {
            throw passed.error
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(key: "error.import.malformed")
        }
    }

    package init(header: [String], limits: SpreadsheetReader.Limits, sheet: Sheet) {
        self.header = header
        self.limits = limits
        self.sheet = sheet
    }
}

/// A spreadsheet's first sheet as rows of text: from CSV (UTF-8 or GBK) or xlsx.
package struct SpreadsheetTable: Sendable {
    package var header: [String]
    /// Data rows, each as long as the header; `rows[0]` is the sheet's row 2.
    package var rows: [[String]]

    package init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}

/// Why a file cannot be read as a spreadsheet at all (as opposed to a row that fails its rules).
package struct SpreadsheetError: Error, Equatable {
    package var key: String
    package var arguments: [String] = []

    /// The refusal as the API answers it: a 422 on `file`.
    package var appError: AppError { AppError.invalid("file", key, arguments) }

    package init(key: String, arguments: [String] = []) {
        self.key = key
        self.arguments = arguments
    }
}

package enum SpreadsheetReader {
    package struct Limits: Sendable {
        /// The largest upload accepted: with the request's buffer, the decoded text and the planned
        /// rows, an import of this size peaks under 200 MB of server memory (`Benchmarks/hardening.py`).
        package var maxBytes: Int
        /// An xlsx whose parts would unpack past this is refused before it is unpacked.
        package var maxUnpackedBytes: Int
        package var maxRows: Int
        /// The shared strings are kept whole while the sheet streams past them.
        package var maxSharedStringBytes: Int

        package init(
            maxBytes: Int = 32 * 1_048_576, maxUnpackedBytes: Int = 200 * 1_048_576, maxRows: Int = 100_000,
            maxSharedStringBytes: Int = 64 * 1_048_576
        ) {
            self.maxBytes = maxBytes
            self.maxUnpackedBytes = maxUnpackedBytes
            self.maxRows = maxRows
            self.maxSharedStringBytes = maxSharedStringBytes
        }
    }

    /// A header wider than this is not a template's.
    package static let maxColumns = 200

    /// The whole table, for small files and tests; imports walk a `SpreadsheetSource` instead.
    package static func read(_ bytes: some RandomAccessCollection<UInt8>, limits: Limits = Limits()) throws -> SpreadsheetTable {
        let source = try open(bytes, limits: limits)
        var rows: [[String]] = []
        try source.forEachRow { _, row in rows.append(row) }
        return SpreadsheetTable(header: source.header, rows: rows)
    }

    /// Opens the upload where it lies (a view of the request's buffer): its header is read, its
    /// rows wait for `forEachRow`.
    package static func open(_ bytes: some RandomAccessCollection<UInt8>, limits: Limits = Limits()) throws -> SpreadsheetSource {
        guard !bytes.isEmpty else { throw SpreadsheetError(key: "error.file.empty") }
        guard bytes.count <= limits.maxBytes else {
            throw SpreadsheetError(key: "error.file.tooLarge", arguments: [String(limits.maxBytes / 1_048_576)])
        }
        switch FileKind.sniff(bytes) {
        case .xlsx: return try openXLSX(Data(bytes), limits: limits)
        case .none: return try openCSV(bytes, limits: limits)
        default: throw SpreadsheetError(key: "error.import.type")
        }
    }

    // MARK: CSV

    package static func openCSV(_ bytes: some RandomAccessCollection<UInt8>, limits: Limits) throws -> SpreadsheetSource {
        guard !bytes.contains(0) else { throw SpreadsheetError(key: "error.import.type") }
        guard let (text, _) = TextEncoding.decode(bytes) else { throw SpreadsheetError(key: "error.import.encoding") }
        let header = try csvReader(text).headerRow ?? []
        guard !header.isEmpty else { throw SpreadsheetError(key: "error.import.noHeader") }
        return SpreadsheetSource(header: header, limits: limits, sheet: .csv(text))
    }

    package static func csvReader(_ text: String) throws -> CSVReader {
        do { return try CSVReader(string: text, hasHeaderRow: true, trimFields: true) } catch {
            throw SpreadsheetError(key: "error.import.malformed")
        }
    }

    package static func fitted(_ row: [String], to count: Int) -> [String] {
        row.count >= count ? Array(row.prefix(count)) : row + Array(repeating: "", count: count - row.count)
    }

    // MARK: xlsx

    private struct Relationships: Decodable {
        package struct Relationship: Decodable {
            package let Id: String
            package let Target: String

            package init(Id: String, Target: String) {
                self.Id = Id
                self.Target = Target
            }
        }
        package let Relationship: [Relationship]
    }

    private struct Workbook: Decodable {
        package struct Sheets: Decodable { let sheet: [Sheet] }
        package struct Sheet: Decodable {
            package let name: String
            package let id: String
            package enum CodingKeys: String, CodingKey { case name, id = "r:id" }

            package init(name: String, id: String) {
                self.name = name
                self.id = id
            }
        }
        package let sheets: Sheets
    }

    package static func openXLSX(_ bytes: Data, limits: Limits) throws -> SpreadsheetSource {
        let archive: Archive
        do { archive = try Archive(data: bytes, accessMode: .read) } catch { throw SpreadsheetError(key: "error.import.malformed") }
        // The sizes the archive declares, checked before anything is unpacked …
        var declared: Int64 = 0
        for entry in archive {
            declared += Int64(entry.uncompressedSize)
            if declared > limits.maxUnpackedBytes { throw SpreadsheetError(key: "error.import.bomb") }
        }
        var unpacked = 0
        func part(_ path: String, limit: Int = 16 * 1_048_576) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= limit else { throw SpreadsheetError(key: "error.import.bomb") }
            var data = Data()
            do {
                // … and the bytes it really unpacks to, in case the declared sizes lie.
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    unpacked += chunk.count
                    if unpacked > limits.maxUnpackedBytes || data.count + chunk.count > limit {
                        throw SpreadsheetError(key: "error.import.bomb")
                    }
                    data.append(chunk)
                }
            } catch let error as SpreadsheetError { throw error } catch { throw SpreadsheetError(key: "error.import.malformed") }
            return data
        }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = false
        decoder.trimValueWhitespaces = false
        func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
            do { return try decoder.decode(type, from: data) } catch { throw SpreadsheetError(key: "error.import.malformed") }
        }
        guard let workbookData = try part("xl/workbook.xml") else { throw SpreadsheetError(key: "error.import.malformed") }
        let workbook = try decode(Workbook.self, workbookData)
        guard let first = workbook.sheets.sheet.first else { throw SpreadsheetError(key: "error.import.noHeader") }
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let relsData = try part("xl/_rels/workbook.xml.rels"),
            let target = try decode(Relationships.self, relsData).Relationship.first(where: { $0.Id == first.id })?.Target
        {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        let shared: [String]
        do {
            var strings = try part("xl/sharedStrings.xml", limit: limits.maxSharedStringBytes).map(SheetScanner.init)
            shared = try strings?.sharedStrings() ?? []
        } catch is SheetScanner.Malformed {
            throw SpreadsheetError(key: "error.import.malformed")
        }
        guard archive[sheetPath] != nil else { throw SpreadsheetError(key: "error.import.malformed") }
        var source = SpreadsheetSource(header: [], limits: limits, sheet: .xlsx(archive, path: sheetPath, shared: shared))
        // The header is the first row with text; the walk stops there.
        struct Found: Error { let header: [String] }
        do {
            try source.walkSheet(header: nil) { _, row in throw Found(header: row) }
        } catch let found as Found {
            source.header = found.header
        }
        guard !source.header.isEmpty, !source.header.allSatisfy(\.isEmpty) else { throw SpreadsheetError(key: "error.import.noHeader") }
        return source
    }

    /// A sheet's rows as they stream in. Before the header is known the first row with text is
    /// the header; after it, no row keeps a cell to the right of the header's last column, so a
    /// cell far to the right costs nothing.
    package struct SheetWalk {
        package let header: [String]?
        package let maxRows: Int
        package var nextIndex = 0
        package var emitted = 0
        package var headerSeen = false

        package mutating func add(_ row: SheetScanner.Row, shared: [String], _ each: (Int, [String]) throws -> Void) throws {
            // Rows are placed by their number, so a sheet with gaps keeps its row numbers.
            let index = (row.number ?? nextIndex + 1) - 1
            guard index >= nextIndex else { throw SpreadsheetError(key: "error.import.malformed") }
            guard index < maxRows + 2 else { throw SpreadsheetError(key: "error.import.tooManyRows", arguments: [String(maxRows)]) }
            nextIndex = index + 1
            let width = header?.count ?? SpreadsheetReader.maxColumns
            var values = [String](repeating: "", count: header == nil ? 0 : width)
            for (position, cell) in row.cells.enumerated() {
                let column = cell.reference.flatMap(SpreadsheetReader.columnIndex) ?? position
                guard column < width else { continue }
                if values.count <= column { values += Array(repeating: "", count: column + 1 - values.count) }
                values[column] = try SpreadsheetReader.value(of: cell, shared: shared).trimmingCharacters(in: .whitespaces)
            }
            // Blank rows are skipped: above the header, and between data rows.
            guard !values.allSatisfy(\.isEmpty) else { return }
            if header == nil {
                while values.last?.isEmpty == true { values.removeLast() }
                try each(0, values)
            } else if !headerSeen {
                headerSeen = true
            } else {
                guard emitted < maxRows else { throw SpreadsheetError(key: "error.import.tooManyRows", arguments: [String(maxRows)]) }
                try each(emitted, values)
                emitted += 1
            }
        }

        package init(header: [String]? = nil, maxRows: Int, nextIndex: Int = 0, emitted: Int = 0, headerSeen: Bool = false) {
            self.header = header
            self.maxRows = maxRows
            self.nextIndex = nextIndex
            self.emitted = emitted
            self.headerSeen = headerSeen
        }
    }

    package static func value(of cell: SheetScanner.Cell, shared: [String]) throws -> String {
        switch cell.type {
        case "s":
            guard let index = cell.value.flatMap({ Int($0) }), shared.indices.contains(index) else {
                throw SpreadsheetError(key: "error.import.malformed")
            }
            return shared[index]
        case "inlineStr": return cell.inline ?? ""
        case "b": return cell.value == "1" ? "TRUE" : "FALSE"
        default:
            // Numbers are stored as the shortest text that reads back exactly; `12.0` is `12`.
            guard let raw = cell.value else { return "" }
            if let number = Double(raw), number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return raw
        }
    }

    /// `C12` → 2.
    package static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
