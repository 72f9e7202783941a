import CSV
import Foundation
import UnionHallCore
import Vapor
import XMLCoder
import ZIPFoundation

/// Lists written for an officer's spreadsheet program. Every text cell goes through
/// `SpreadsheetText.safe`, so a value a worker typed cannot run as a formula.
package enum SpreadsheetWriter {
    package enum Format: String, CaseIterable, Codable, Sendable, Vocabulary {
        case csv, xlsx

        package static let catalogue = "exportFormat"

        package var contentType: String { self == .csv ? "text/csv; charset=utf-8" : FileKind.xlsx.contentType }
    }

    /// The file as a download named `name.<format>`, never cached.
    package static func download(_ format: Format, name: String, header: [String], rows: [[String]]) throws -> Response {
        let response = Response(status: .ok, body: .init(data: try write(format, header: header, rows: rows)))
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).\(format.rawValue)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    package static func write(_ format: Format, header: [String], rows: [[String]]) throws -> Data {
        switch format {
        case .csv: try csv(header: header, rows: rows)
        case .xlsx: try xlsx(header: header, rows: rows)
        }
    }

    /// UTF-8 with a byte-order mark, which Excel needs to read Chinese from a CSV.
    package static func csv(header: [String], rows: [[String]]) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, codecType: UTF8.self, delimiter: ",", newline: .crlf)
        try writer.write(row: header.map(SpreadsheetText.safe))
        for row in rows { try writer.write(row: row.map(SpreadsheetText.safe)) }
        writer.stream.close()
        let body = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return Data([0xEF, 0xBB, 0xBF]) + body
    }

    // MARK: xlsx

    private struct Worksheet: Encodable, DynamicNodeEncoding {
        package struct SheetData: Encodable { let row: [Row] }
        package struct Row: Encodable, DynamicNodeEncoding {
            package let r: Int
            package let c: [Cell]
            package static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue == "r" ? .attribute : .element
            }
        }
        package struct Cell: Encodable, DynamicNodeEncoding {
            package struct Inline: Encodable { let t: String }
            package let r: String
            package let t = "inlineStr"
            package let `is`: Inline
            package static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
                key.stringValue == "is" ? .element : .attribute
            }
        }
        package let xmlns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        package let sheetData: SheetData
        package static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "xmlns" ? .attribute : .element
        }
    }

    package static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    package static func xlsx(header: [String], rows: [[String]]) throws -> Data {
        let sheetRows = ([header] + rows).enumerated().map { number, values in
            Worksheet.Row(
                r: number + 1,
                c: values.enumerated().map { column, value in
                    Worksheet.Cell(r: "\(columnName(column))\(number + 1)", is: .init(t: SpreadsheetText.safe(value)))
                })
        }
        let encoder = XMLEncoder()
        let sheet = try encoder.encode(
            Worksheet(sheetData: .init(row: sheetRows)), withRootKey: "worksheet",
            header: XMLHeader(version: 1.0, encoding: "UTF-8", standalone: "yes"))
        let parts: [(String, Data)] = [
            (
                "[Content_Types].xml",
                OfficeArchive.contentTypes([
                    ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                    ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
                ])
            ),
            ("_rels/.rels", OfficeArchive.rootRelationships(main: "xl/workbook.xml")),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships.utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        return try OfficeArchive.zip(parts)
    }

    private static let workbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/>\
        </Relationships>
        """
}
