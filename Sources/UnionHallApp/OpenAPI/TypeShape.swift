import Foundation

/// The JSON shape of a Decodable type, read by decoding it once from a recorder: its keys, which
/// of them may be absent, and what each holds. The API document's schemas are checked against it.
indirect enum TypeShape: Equatable, CustomStringConvertible {
    case string, integer, number, boolean, uuid, date
    /// An optional link (`LinkChange`): an id sets it, `null` clears it, an absent key keeps it.
    case link
    case values([String])
    case array(TypeShape)
    /// A dictionary keyed by strings.
    case map
    case object([String: Field])

    struct Field: Equatable {
        var shape: TypeShape
        var optional: Bool
    }

    var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .uuid: "uuid"
        case .link: "link"
        case .date: "date"
        case .values(let values): "one of \(values)"
        case .array(let element): "[\(element)]"
        case .map: "map"
        case .object(let fields): "{\(fields.keys.sorted().joined(separator: ", "))}"
        }
    }

    static func of<T: Decodable>(_ type: T.Type) throws -> TypeShape {
        let recorder = ShapeRecorder()
        _ = try recorder.value(T.self)
        return recorder.shape ?? .object([:])
    }

    /// A struct's keys in the order it declares them.
    static func keys<T: Decodable>(of type: T.Type) -> [String] {
        let recorder = ShapeRecorder()
        _ = try? recorder.value(T.self)
        return recorder.order
    }
}

/// Decodes any type once, answering every question with a placeholder and writing down what was asked.
private final class ShapeRecorder: Decoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var shape: TypeShape?
    private var fields: [String: TypeShape.Field] = [:]
    private(set) var order: [String] = []
    /// Keys asked about before being decoded: an absent key means something (`LinkChange`), so it may be left out.
    private var probed: Set<String> = []

    func value<T: Decodable>(_ type: T.Type) throws -> T {
        if let placeholder = Self.placeholder(T.self) {
            shape = placeholder.shape
            return placeholder.value as! T
        }
        if String(describing: T.self).hasPrefix("Dictionary<") {
            shape = .map
            return try T(from: EmptyDecoder())
        }
        return try T(from: self)
    }

    /// Leaf values and closed vocabularies, answered without decoding.
    private static func placeholder<T>(_ type: T.Type) -> (value: Any, shape: TypeShape)? {
        switch type {
        case is String.Type: return ("", .string)
        case is UUID.Type: return (UUID(), .uuid)
        case is Date.Type: return (Date(), .date)
        case is Bool.Type: return (false, .boolean)
        case is Int.Type: return (0, .integer)
        case is Int64.Type: return (Int64(0), .integer)
        case is Int32.Type: return (Int32(0), .integer)
        case is Double.Type: return (0.0, .number)
        case is LinkChange.Type: return (LinkChange.keep, .link)
        default: break
        }
        if let cases = type as? any CaseIterable.Type {
            let all = allCases(of: cases)
            let raws = all.compactMap { ($0 as? any RawRepresentable)?.rawValue }
            guard let first = all.first else { return nil }
            if let strings = raws as? [String] { return (first, .values(strings)) }
            return (first, .integer)
        }
        return nil
    }

    private static func allCases<C: CaseIterable>(of type: C.Type) -> [Any] { C.allCases.map { $0 } }

    func field<T: Decodable>(_ type: T.Type, key: String, optional: Bool) throws -> T {
        let child = ShapeRecorder()
        let value = try child.value(T.self)
        if fields[key] == nil { order.append(key) }
        fields[key] = TypeShape.Field(shape: child.shape ?? .object([:]), optional: optional || probed.contains(key))
        shape = .object(fields)
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        shape = .object(fields)
        return KeyedDecodingContainer(Keyed<Key>(recorder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: self) }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(recorder: self) }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: ShapeRecorder
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool {
            recorder.probed.insert(key.stringValue)
            return true
        }
        func decodeNil(forKey key: Key) throws -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try recorder.field(T.self, key: key.stringValue, optional: false)
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try recorder.field(T.self, key: key.stringValue, optional: true)
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try ShapeRecorder().container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: ShapeRecorder()) }
        func superDecoder() throws -> any Decoder { recorder }
        func superDecoder(forKey key: Key) throws -> any Decoder { ShapeRecorder() }
    }

    /// One element, so an array's element type is read once.
    struct Unkeyed: UnkeyedDecodingContainer {
        let recorder: ShapeRecorder
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 1 }
        var isAtEnd: Bool { currentIndex > 0 }
        var currentIndex = 0

        init(recorder: ShapeRecorder) {
            self.recorder = recorder
            recorder.shape = .array(.object([:]))
        }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            let child = ShapeRecorder()
            let value = try child.value(T.self)
            recorder.shape = .array(child.shape ?? .object([:]))
            return value
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try ShapeRecorder().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: ShapeRecorder()) }
        mutating func superDecoder() throws -> any Decoder { ShapeRecorder() }
    }

    struct Single: SingleValueDecodingContainer {
        let recorder: ShapeRecorder
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try recorder.value(T.self) }
    }
}

/// An empty container of any kind: a dictionary decodes from it as empty.
private struct EmptyDecoder: Decoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try ShapeRecorder().container(keyedBy: type)
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ShapeRecorder.Unkeyed(recorder: ShapeRecorder()) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { ShapeRecorder.Single(recorder: ShapeRecorder()) }
}
