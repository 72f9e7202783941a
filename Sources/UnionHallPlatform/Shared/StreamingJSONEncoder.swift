import Foundation
import UnionHallCore
import Vapor

/// The JSON every response is written in. Each value goes straight into the output as it is
/// encoded, its properties in the order they are declared, where Foundation's `JSONEncoder` first
/// builds a tree of dictionaries and then writes it; UUIDs and dates are written by hand, where
/// Foundation formats a UUID through printf. On a list of twenty members that was a fifth of the
/// request. The output reads as Foundation's `.iso8601` encoder's would: dates in UTC to the
/// second, data in base64, URLs as their absolute string, and no NaN or infinity.
package struct StreamingJSONEncoder: ContentEncoder {
    package init() {}

    package func encode<E: Encodable>(_ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders) throws {
        try encode(encodable, to: &body, headers: &headers, userInfo: [:])
    }

    package func encode<E: Encodable>(
        _ encodable: E, to body: inout ByteBuffer, headers: inout HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws {
        headers.contentType = .json
        body.writeBytes(try Self.bytes(of: encodable, userInfo: userInfo))
    }

    package static func bytes<E: Encodable>(of value: E, userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> [UInt8] {
        let writer = JSONStreamWriter(userInfo: userInfo)
        try writer.value(value)
        writer.close(above: 0)
        return writer.bytes
    }
}

/// The output and the containers open in it, innermost last. A container writes only while it is
/// the innermost: writing through an outer one first closes those opened inside it.
final class JSONStreamWriter {
    // Unchecked: one encoding's writer is used by one thread, and never inside one of its own
    // accesses; the runtime's check of each access was about a quarter of writing a list's JSON.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    let userInfo: [CodingUserInfoKey: Any]
    /// Per open container: whether it is an object, and whether it holds an element yet.
    @exclusivity(unchecked) private var open: [(object: Bool, filled: Bool)] = []

    init(userInfo: [CodingUserInfoKey: any Sendable]) {
        self.userInfo = userInfo
        bytes.reserveCapacity(4096)
    }

    var depth: Int { open.count }

    func close(above depth: Int) {
        while open.count > depth { bytes.append(open.removeLast().object ? UInt8(ascii: "}") : UInt8(ascii: "]")) }
    }

    /// Opens a container at the current position and answers its depth.
    func push(object: Bool) -> Int {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append((object, false))
        return open.count
    }

    /// Starts the next element of the container at `depth`: closes what is open inside it, then a comma.
    func element(at depth: Int) {
        close(above: depth)
        guard depth > 0 else { return }
        if open[depth - 1].filled { bytes.append(UInt8(ascii: ",")) } else { open[depth - 1].filled = true }
    }

    func key(_ key: String, at depth: Int) {
        element(at: depth)
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    func value<T: Encodable>(_ value: T) throws {
        // Compared by type, not cast: a value reaches here from unspecialized code, where each failed
        // `as?` is a call into the runtime's dynamic cast, eight of them for every enum.
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): string(Self.load(value))
        case ObjectIdentifier(Int.self): integer(Self.load(value, as: Int.self))
        case ObjectIdentifier(Bool.self): literal(Self.load(value, as: Bool.self) ? "true" : "false")
        case ObjectIdentifier(UUID.self): uuid(Self.load(value))
        case ObjectIdentifier(Date.self): timestamp(Self.load(value))
        case ObjectIdentifier(Double.self): try number(Self.load(value, as: Double.self))
        case ObjectIdentifier(Data.self): string(Self.load(value, as: Data.self).base64EncodedString())
        case ObjectIdentifier(URL.self): string(Self.load(value, as: URL.self).absoluteString)
        default:
            let depth = open.count
            let start = bytes.count
            try value.encode(to: JSONStreamEncoder(writer: self))
            close(above: depth)
            // A value that opened no container is an empty object, as Foundation writes it.
            if bytes.count == start { literal("{}") }
        }
    }

    /// `value` as the type it was just compared equal to.
    private static func load<T, U>(_ value: T, as type: U.Type = U.self) -> U {
        withUnsafePointer(to: value) { UnsafeRawPointer($0).load(as: U.self) }
    }

    func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func integer<T: BinaryInteger>(_ number: T) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// `Double` and `Float` alike: their shortest description, without a trailing ".0".
    func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ number: F) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "JSON has no NaN or infinity"))
        }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            if utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                escaped(utf8)
            } else {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            }
        }
    }

    private func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: out += Array("\\u00".utf8) + [Hex.digit(byte >> 4, upper: true), Hex.digit(byte & 0xF, upper: true)]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: out)
    }

    /// Upper case with dashes, as `UUID.uuidString`.
    func uuid(_ id: UUID) {
        bytes.append(UInt8(ascii: "\""))
        UUIDText.append(id, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `2026-11-30T03:07:04Z`: UTC to the whole second, as Foundation's `.iso8601` strategy writes it.
    func timestamp(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Foundation's calendar is Julian before 1582 and its years have four digits up to 9999:
        // outside 1600…9999 its own formatter writes the date.
        guard (-11_676_096_000.0..<253_402_300_800.0).contains(seconds) else {
            string(date.formatted(.iso8601))
            return
        }
        let total = Int(seconds)
        let (days, time) = total.quotientAndRemainder(dividingBy: 86_400)
        let (day, secondOfDay) = time < 0 ? (days - 1, time + 86_400) : (days, time)
        let (year, month, dayOfMonth) = Self.civil(fromDays: day)
        // "yyyy-MM-ddTHH:mm:ssZ" in quotes: each field's digits at its offset.
        var text: [UInt8] = Array("\"0000-00-00T00:00:00Z\"".utf8)
        func put(_ number: Int, endingAt end: Int) {
            var rest = number
            var at = end - 1
            while rest > 0 {
                text[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                at -= 1
            }
        }
        put(year, endingAt: 5)
        put(month, endingAt: 8)
        put(dayOfMonth, endingAt: 11)
        put(secondOfDay / 3600, endingAt: 14)
        put(secondOfDay / 60 % 60, endingAt: 17)
        put(secondOfDay % 60, endingAt: 20)
        bytes.append(contentsOf: text)
    }

    /// Days since 1970-01-01 to the proleptic Gregorian date (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A primitive a container's typed `encode` was given.
private struct Primitive {
    let write: (JSONStreamWriter) throws -> Void

    init<T: BinaryInteger & Encodable>(_ number: T) { write = { $0.integer(number) } }
    init(_ number: Double) { write = { try $0.number(number) } }
    init(_ number: Float) { write = { try $0.number(number) } }
    init(_ text: String) { write = { $0.string(text) } }
    init(_ flag: Bool) { write = { $0.literal(flag ? "true" : "false") } }

}

/// The `Encoder` a value's own `encode(to:)` is handed.
private struct JSONStreamEncoder: Encoder {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { writer.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(writer: writer, depth: writer.push(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(writer: writer, depth: writer.push(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        JSONSingleValueContainer(writer: writer)
    }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        try writer.value(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.string(value)
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.literal(value ? "true" : "false")
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        writer.integer(value)
    }

    // The standard library's own `encodeIfPresent` looks up `Optional<T>`'s metadata on every call.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        guard let value else { return }
        try encode(value, forKey: key)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try write(Primitive(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try write(Primitive(value), forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        writer.key(key.stringValue, at: depth)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(writer: writer, depth: writer.push(object: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        writer.key(key.stringValue, at: depth)
        return JSONUnkeyedContainer(writer: writer, depth: writer.push(object: false))
    }

    private func write(_ primitive: Primitive, forKey key: Key) throws {
        writer.key(key.stringValue, at: depth)
        try primitive.write(writer)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    /// The super value is an object under the key, so the key never stands without a value.
    private func superEncoder(named name: String) -> any Encoder {
        writer.key(name, at: depth)
        return JSONSuperEncoder(writer: writer, depth: writer.push(object: true))
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let depth: Int
    var count = 0
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws {
        next()
        writer.literal("null")
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try writer.value(value)
    }

    mutating func encode(_ value: String) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Bool) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Int) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Double) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Float) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Int8) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Int16) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Int32) throws { try write(Primitive(value)) }
    mutating func encode(_ value: Int64) throws { try write(Primitive(value)) }
    mutating func encode(_ value: UInt) throws { try write(Primitive(value)) }
    mutating func encode(_ value: UInt8) throws { try write(Primitive(value)) }
    mutating func encode(_ value: UInt16) throws { try write(Primitive(value)) }
    mutating func encode(_ value: UInt32) throws { try write(Primitive(value)) }
    mutating func encode(_ value: UInt64) throws { try write(Primitive(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next()
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(writer: writer, depth: writer.push(object: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return JSONUnkeyedContainer(writer: writer, depth: writer.push(object: false))
    }

    mutating func superEncoder() -> any Encoder {
        next()
        return JSONSuperEncoder(writer: writer, depth: writer.push(object: true))
    }

    private mutating func write(_ primitive: Primitive) throws {
        next()
        try primitive.write(writer)
    }

    private mutating func next() {
        writer.element(at: depth)
        count += 1
    }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.literal("null") }
    mutating func encode(_ value: Bool) throws { writer.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { writer.string(value) }
    mutating func encode(_ value: Double) throws { try writer.number(value) }
    mutating func encode(_ value: Float) throws { try writer.number(value) }
    mutating func encode(_ value: Int) throws { writer.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.integer(value) }
    mutating func encode(_ value: Int16) throws { writer.integer(value) }
    mutating func encode(_ value: Int32) throws { writer.integer(value) }
    mutating func encode(_ value: Int64) throws { writer.integer(value) }
    mutating func encode(_ value: UInt) throws { writer.integer(value) }
    mutating func encode(_ value: UInt8) throws { writer.integer(value) }
    mutating func encode(_ value: UInt16) throws { writer.integer(value) }
    mutating func encode(_ value: UInt32) throws { writer.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.value(value) }
}

/// A super encoder writes into the object already opened for it: its keyed container is that object.
private struct JSONSuperEncoder: Encoder {
    let writer: JSONStreamWriter
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { writer.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(writer: writer, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        writer.element(at: depth)
        writer.literal("\"super\":")
        return JSONUnkeyedContainer(writer: writer, depth: writer.push(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        writer.element(at: depth)
        writer.literal("\"value\":")
        return JSONSingleValueContainer(writer: writer)
    }
}
