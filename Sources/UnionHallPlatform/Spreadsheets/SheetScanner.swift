import Foundation

/// Reads the two large parts of an xlsx, the shared strings and the sheet's rows, in one pass over
/// their bytes. Foundation's XML parser (under XMLCoder) refuses parts of tens of megabytes, which a
/// 100,000-row sheet has; these parts have a fixed, simple shape, so a scanner of just that shape
/// reads them in linear time and memory. A sheet is fed to it in pieces that end after a `</row>`
/// (`SheetStream`), so no more than one piece of its XML is held at once.
package struct SheetScanner {
    private let bytes: [UInt8]
    private var at = 0

    package init(_ data: Data) { bytes = Array(data) }
    package init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    package struct Cell {
        package var reference: String?
        package var type: String?
        package var value: String?
        package var inline: String?

        package init(reference: String? = nil, type: String? = nil, value: String? = nil, inline: String? = nil) {
            self.reference = reference
            self.type = type
            self.value = value
            self.inline = inline
        }
    }

    package struct Row {
        package var number: Int?
        package var cells: [Cell]

        package init(number: Int? = nil, cells: [Cell]) {
            self.number = number
            self.cells = cells
        }
    }

    // MARK: The parts

    /// The text of each `<si>`: its `<t>`, or its runs' `<t>` joined; phonetic guides (`<rPh>`) left out.
    package mutating func sharedStrings() throws -> [String] {
        var strings: [String] = []
        while let tag = try nextTag() {
            guard tag.name == "si", !tag.closing, !tag.selfClosing else { continue }
            strings.append(try richText(until: "si"))
        }
        return strings
    }

    package mutating func rows() throws -> [Row] {
        var collected: [Row] = []
        try rows { collected.append($0) }
        return collected
    }

    /// Hands each row over as it is read, so a caller streaming a sheet keeps none of them.
    package mutating func rows(_ each: (Row) throws -> Void) throws {
        var current: Row?
        var cell: Cell?
        while let tag = try nextTag() {
            switch (tag.name, tag.closing) {
            case ("row", false):
                current = Row(number: tag.attributes["r"].flatMap { Int($0) }, cells: [])
                if tag.selfClosing, let row = current {
                    try each(row)
                    current = nil
                }
            case ("row", true):
                if let row = current { try each(row) }
                current = nil
            case ("c", false):
                let made = Cell(reference: tag.attributes["r"], type: tag.attributes["t"])
                if tag.selfClosing { current?.cells.append(made) } else { cell = made }
            case ("c", true):
                if let done = cell { current?.cells.append(done) }
                cell = nil
            case ("v", false) where !tag.selfClosing:
                cell?.value = try text(until: "v")
            case ("is", false) where !tag.selfClosing:
                cell?.inline = try richText(until: "is")
            default:
                continue
            }
        }
    }

    // MARK: Scanning

    package struct Tag {
        package var name: String
        package var closing: Bool
        package var selfClosing: Bool
        package var attributes: [String: String]

        package init(name: String, closing: Bool, selfClosing: Bool, attributes: [String: String]) {
            self.name = name
            self.closing = closing
            self.selfClosing = selfClosing
            self.attributes = attributes
        }
    }

    package struct Malformed: Error {}

    /// The next element tag; declarations, comments and processing instructions are skipped.
    private mutating func nextTag() throws -> Tag? {
        while at < bytes.count {
            guard let open = bytes[at...].firstIndex(of: UInt8(ascii: "<")) else {
                at = bytes.count
                return nil
            }
            at = open + 1
            guard at < bytes.count else { throw Malformed() }
            let first = bytes[at]
            if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") {
                guard let end = bytes[at...].firstIndex(of: UInt8(ascii: ">")) else { throw Malformed() }
                at = end + 1
                continue
            }
            guard let end = bytes[at...].firstIndex(of: UInt8(ascii: ">")) else { throw Malformed() }
            var body = bytes[at..<end]
            at = end + 1
            let closing = body.first == UInt8(ascii: "/")
            if closing { body = body.dropFirst() }
            let selfClosing = body.last == UInt8(ascii: "/")
            if selfClosing { body = body.dropLast() }
            let nameEnd = body.firstIndex { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } ?? body.endIndex
            var name = String(decoding: body[body.startIndex..<nameEnd], as: UTF8.self)
            // A namespace prefix (`x:c`) names the same element.
            if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
            return Tag(
                name: name, closing: closing, selfClosing: selfClosing, attributes: closing ? [:] : try Self.attributes(body[nameEnd...]))
        }
        return nil
    }

    private static func attributes(_ text: ArraySlice<UInt8>) throws -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        while index < text.endIndex {
            while index < text.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(text[index]) { index += 1 }
            guard index < text.endIndex else { break }
            guard let equals = text[index...].firstIndex(of: UInt8(ascii: "=")) else { throw Malformed() }
            let key = String(decoding: text[index..<equals], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            var quote = equals + 1
            while quote < text.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(text[quote]) { quote += 1 }
            guard quote < text.endIndex, text[quote] == UInt8(ascii: "\"") || text[quote] == UInt8(ascii: "'") else { throw Malformed() }
            guard let close = text[(quote + 1)...].firstIndex(of: text[quote]) else { throw Malformed() }
            result[key] = try unescape(text[(quote + 1)..<close])
            index = close + 1
        }
        return result
    }

    /// The character data up to `</name>`.
    private mutating func text(until name: String) throws -> String {
        guard let open = bytes[at...].firstIndex(of: UInt8(ascii: "<")) else { throw Malformed() }
        let value = try Self.unescape(bytes[at..<open])
        at = open
        guard let tag = try nextTag(), tag.name == name, tag.closing else { throw Malformed() }
        return value
    }

    /// The `<t>` texts inside an element up to `</name>`, leaving out phonetic runs.
    private mutating func richText(until name: String) throws -> String {
        var text = ""
        var phonetic = 0
        while let tag = try nextTag() {
            if tag.name == name && tag.closing { return text }
            if tag.name == "rPh" && !tag.selfClosing { phonetic += tag.closing ? -1 : 1 }
            if tag.name == "t" && !tag.closing && !tag.selfClosing {
                let value = try self.text(until: "t")
                if phonetic == 0 { text += value }
            }
        }
        throw Malformed()
    }

    private static let entities: [String: String] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]

    package static func unescape(_ raw: ArraySlice<UInt8>) throws -> String {
        guard raw.contains(UInt8(ascii: "&")) else {
            guard let text = String(validating: raw, as: UTF8.self) else { throw Malformed() }
            return text
        }
        guard let text = String(validating: raw, as: UTF8.self) else { throw Malformed() }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { throw Malformed() }
            let entity = String(rest[rest.index(after: amp)..<semi])
            if let known = entities[entity] {
                result += known
            } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                throw Malformed()
            }
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }
}

/// Feeds a worksheet's XML to `SheetScanner` as it is unpacked: bytes up to the last complete
/// `</row>` are scanned and dropped, the rest waits for the next chunk.
package struct SheetStream {
    private var pending: [UInt8] = []
    private static let rowEnd = Array("</row>".utf8)

    package mutating func append(_ chunk: Data, rows each: (SheetScanner.Row) throws -> Void) throws {
        pending.append(contentsOf: chunk)
        guard let end = Self.lastRowEnd(in: pending) else { return }
        var scanner = SheetScanner(pending[..<end])
        try scanner.rows(each)
        pending.removeFirst(end)
    }

    package mutating func finish(rows each: (SheetScanner.Row) throws -> Void) throws {
        var scanner = SheetScanner(pending[...])
        try scanner.rows(each)
        pending = []
    }

    /// Where the last `</row>` ends (scanned from the back: a chunk is at most a few kilobytes beyond it).
    private static func lastRowEnd(in bytes: [UInt8]) -> Int? {
        var index = bytes.count - rowEnd.count
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<"), bytes[index..<(index + rowEnd.count)].elementsEqual(rowEnd) {
                return index + rowEnd.count
            }
            index -= 1
        }
        return nil
    }
}
