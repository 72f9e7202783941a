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
