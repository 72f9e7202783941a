import CSV
import Foundation
import UnionHallCore
import XMLCoder
import ZIPFoundation

/// A spreadsheet's first sheet as rows of text: from CSV (UTF-8 or GBK) or xlsx.
struct SpreadsheetTable: Sendable {
    var header: [String]
    /// Data rows, each as long as the header; `rows[0]` is the sheet's row 2.
    var rows: [[String]]
}

/// Why a file cannot be read as a spreadsheet at all (as opposed to a row that fails its rules).
struct SpreadsheetError: Error, Equatable {
    var key: String
    var arguments: [String] = []
}

enum SpreadsheetReader {
    struct Limits: Sendable {
        /// The largest upload accepted.
        var maxBytes = 40 * 1_048_576
        /// An xlsx whose parts would unpack past this is refused before it is unpacked.
        var maxUnpackedBytes = 200 * 1_048_576
        var maxRows = 100_000
        /// The shared strings are kept whole while the sheet streams past them.
        var maxSharedStringBytes = 64 * 1_048_576
    }

    /// A header wider than this is not a template's.
    static let maxColumns = 200

    /// Reads the upload where it lies (a view of the request's buffer): CSV is decoded from it
    /// without a copy of the bytes first.
    static func read(_ bytes: some RandomAccessCollection<UInt8>, limits: Limits = Limits()) throws -> SpreadsheetTable {
        guard !bytes.isEmpty else { throw SpreadsheetError(key: "error.file.empty") }
        guard bytes.count <= limits.maxBytes else { throw SpreadsheetError(key: "error.file.tooLarge", arguments: [String(limits.maxBytes / 1_048_576)]) }
        let table: SpreadsheetTable
        switch FileKind.sniff(bytes) {
        case .xlsx: table = try readXLSX(Data(bytes), limits: limits)
        case .none: table = try readCSV(bytes)
        default: throw SpreadsheetError(key: "error.import.type")
        }
        guard table.rows.count <= limits.maxRows else { throw SpreadsheetError(key: "error.import.tooManyRows", arguments: [String(limits.maxRows)]) }
        return table
    }

    // MARK: CSV

    static func readCSV(_ bytes: some RandomAccessCollection<UInt8>) throws -> SpreadsheetTable {
        guard !bytes.contains(0) else { throw SpreadsheetError(key: "error.import.type") }
        guard let (text, _) = TextEncoding.decode(bytes) else { throw SpreadsheetError(key: "error.import.encoding") }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true) } catch { throw SpreadsheetError(key: "error.import.malformed") }
        guard let header = reader.headerRow, !header.isEmpty else { throw SpreadsheetError(key: "error.import.noHeader") }
        var rows: [[String]] = []
        while let row = reader.next() {
            if row.allSatisfy(\.isEmpty) { continue }
            rows.append(fitted(row, to: header.count))
        }
        if let error = reader.error { _ = error; throw SpreadsheetError(key: "error.import.malformed") }
        return SpreadsheetTable(header: header, rows: rows)
    }

    static func fitted(_ row: [String], to count: Int) -> [String] {
        row.count >= count ? Array(row.prefix(count)) : row + Array(repeating: "", count: count - row.count)
    }

    // MARK: xlsx

    private struct Relationships: Decodable {
        struct Relationship: Decodable { let Id: String; let Target: String }
        let Relationship: [Relationship]
    }

    private struct Workbook: Decodable {
        struct Sheets: Decodable { let sheet: [Sheet] }
        struct Sheet: Decodable {
            let name: String
            let id: String
            enum CodingKeys: String, CodingKey { case name, id = "r:id" }
        }
        let sheets: Sheets
    }

    static func readXLSX(_ bytes: Data, limits: Limits) throws -> SpreadsheetTable {
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
                    if unpacked > limits.maxUnpackedBytes || data.count + chunk.count > limit { throw SpreadsheetError(key: "error.import.bomb") }
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
           let target = try decode(Relationships.self, relsData).Relationship.first(where: { $0.Id == first.id })?.Target {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        let shared: [String]
        do {
            var strings = try part("xl/sharedStrings.xml", limit: limits.maxSharedStringBytes).map(SheetScanner.init)
            shared = try strings?.sharedStrings() ?? []
        } catch is SheetScanner.Malformed {
            throw SpreadsheetError(key: "error.import.malformed")
        }
        guard let sheetEntry = archive[sheetPath] else { throw SpreadsheetError(key: "error.import.malformed") }
        var grid = SheetGrid(maxRows: limits.maxRows)
        var stream = SheetStream()
        do {
            _ = try archive.extract(sheetEntry, skipCRC32: false) { chunk in
                unpacked += chunk.count
                if unpacked > limits.maxUnpackedBytes { throw SpreadsheetError(key: "error.import.bomb") }
                try stream.append(chunk) { try grid.add($0, shared: shared) }
            }
            try stream.finish { try grid.add($0, shared: shared) }
        } catch let error as SpreadsheetError {
            throw error
        } catch {
            throw SpreadsheetError(key: "error.import.malformed")
        }
        guard let header = grid.header, !header.allSatisfy(\.isEmpty) else { throw SpreadsheetError(key: "error.import.noHeader") }
        return SpreadsheetTable(header: header, rows: grid.rows)
    }

    /// Rows as they stream in: the first is the header, and no row keeps a cell to the right of the
    /// header's last column, so a cell far to the right costs nothing.
    private struct SheetGrid {
        let maxRows: Int
        var header: [String]?
        var rows: [[String]] = []
        var nextIndex = 0

        init(maxRows: Int) { self.maxRows = maxRows }

        mutating func add(_ row: SheetScanner.Row, shared: [String]) throws {
            // Rows are placed by their number, so a sheet with gaps keeps its row numbers.
            let index = (row.number ?? nextIndex + 1) - 1
            guard index >= nextIndex else { throw SpreadsheetError(key: "error.import.malformed") }
            guard index < maxRows + 2 else { throw SpreadsheetError(key: "error.import.tooManyRows", arguments: [String(maxRows)]) }
            let width = header?.count ?? SpreadsheetReader.maxColumns
            var values = [String](repeating: "", count: header == nil ? 0 : width)
            for (position, cell) in row.cells.enumerated() {
                let column = cell.reference.flatMap(SpreadsheetReader.columnIndex) ?? position
                guard column < width else { continue }
                if values.count <= column { values += Array(repeating: "", count: column + 1 - values.count) }
                values[column] = try SpreadsheetReader.value(of: cell, shared: shared).trimmingCharacters(in: .whitespaces)
            }
            if header == nil {
                // Rows above the header are blank lines the sheet starts with.
                if values.allSatisfy(\.isEmpty) { nextIndex = index + 1; return }
                while values.last?.isEmpty == true { values.removeLast() }
                header = values
            } else if !values.allSatisfy(\.isEmpty) {
                guard rows.count < maxRows else { throw SpreadsheetError(key: "error.import.tooManyRows", arguments: [String(maxRows)]) }
                rows.append(values)
            }
            nextIndex = index + 1
        }
    }

    static func value(of cell: SheetScanner.Cell, shared: [String]) throws -> String {
        switch cell.type {
        case "s":
            guard let index = cell.value.flatMap({ Int($0) }), shared.indices.contains(index) else { throw SpreadsheetError(key: "error.import.malformed") }
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
    static func columnIndex(_ reference: String) -> Int? {
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
