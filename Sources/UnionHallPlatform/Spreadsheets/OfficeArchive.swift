import Foundation
import ZIPFoundation

/// An Office Open XML package (xlsx, docx): its parts zipped, in memory.
package enum OfficeArchive {
    package static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// `[Content_Types].xml`: parts by path and their content types.
    package static func contentTypes(_ overrides: [(part: String, type: String)]) -> Data {
        Data(
            ("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>
            """ + overrides.map { "<Override PartName=\"\($0.part)\" ContentType=\"\($0.type)\"/>" }.joined() + "</Types>").utf8)
    }

    /// `_rels/.rels`: the package's main part.
    package static func rootRelationships(main: String) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="\(main)"/></Relationships>
            """.utf8)
    }

    /// Text as XML character data or an attribute value.
    package static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            // Characters XML 1.0 cannot carry at all are left out.
            case _ where character.unicodeScalars.allSatisfy({ $0.value < 0x20 && ![0x9, 0xA, 0xD].contains($0.value) }): continue
            default: result.append(character)
            }
        }
        return result
    }
}
