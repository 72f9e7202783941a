import Foundation

/// The JSON shape of a Decodable type, read by decoding it once from a recorder: its keys, which
/// of them may be absent, and what each holds. The API document's schemas are checked against it.
package indirect enum TypeShape: Equatable, CustomStringConvertible {
    case string, integer, number, boolean, uuid, date
    /// An optional link (`LinkChange`): an id sets it, `null` clears it, an absent key keeps it.
    case link
    case values([String])
    case array(TypeShape)
    /// A dictionary keyed by strings.
    case map
    case object([String: Field])

    package struct Field: Equatable {
        package var shape: TypeShape
        package var optional: Bool

        package init(shape: TypeShape, optional: Bool) {
            self.shape = shape
            self.optional = optional
        }
    }

    package var description: String {
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

    package static func of<T: Decodable>(_ type: T.Type) throws -> TypeShape {
        let recorder = ShapeRecorder()
        _ = try recorder.value(T.self)
        return recorder.shape ?? .object([:])
    }

    /// A struct's keys in the order it declares them.
    package static func keys<T: Decodable>(of type: T.Type) -> [String] {
        let recorder = ShapeRecorder()
        _ = try? recorder.value(T.self)
        return recorder.order
    }
}

/// Decodes any type once, answering every question with a placeholder and writing down what was asked.
private final class ShapeRecorder: Decoder {
    package var codingPath: [any CodingKey] = []
    package var userInfo: [CodingUserInfoKey: Any] = [:]
    package var shape: TypeShape?
    private var fields: [String: TypeShape.Field] = [:]
    private(set) var order: [String] = []
    /// Keys asked about before being decoded: an absent key means something (`LinkChange`), so it may be left out.
    private var probed: Set<String> = []

    package func value<T: Decodable>(_ type: T.Type) throws -> T {
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

    package func field<T: Decodable>(_ type: T.Type, key: String, optional: Bool) throws -> T {
        let child = ShapeRecorder()
        let value = try child.value(T.self)
        if fields[key] == nil { order.append(key) }
        fields[key] = TypeShape.Field(shape: child.shape ?? .object([:]), optional: optional || probed.contains(key))
        shape = .object(fields)
        return value
    }

    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        shape = .object(fields)
        return KeyedDecodingContainer(Keyed<Key>(recorder: self))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: self) }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(recorder: self) }

    package struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        package let recorder: ShapeRecorder
        package var codingPath: [any CodingKey] { [] }
        package var allKeys: [Key] { [] }
        package func contains(_ key: Key) -> Bool {
            recorder.probed.insert(key.stringValue)
            return true
        }
        package func decodeNil(forKey key: Key) throws -> Bool { false }
        package func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try recorder.field(T.self, key: key.stringValue, optional: false)
        }
        package func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try recorder.field(T.self, key: key.stringValue, optional: true)
        }
        package func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try ShapeRecorder().container(keyedBy: type)
        }
        package func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: ShapeRecorder()) }
        package func superDecoder() throws -> any Decoder { recorder }
        package func superDecoder(forKey key: Key) throws -> any Decoder { ShapeRecorder() }

        package init(recorder: ShapeRecorder) {
            self.recorder = recorder
        }
    }

    /// One element, so an array's element type is read once.
    package struct Unkeyed: UnkeyedDecodingContainer {
        package let recorder: ShapeRecorder
        package var codingPath: [any CodingKey] { [] }
        package var count: Int? { 1 }
        package var isAtEnd: Bool { currentIndex > 0 }
        package var currentIndex = 0

        package init(recorder: ShapeRecorder) {
            self.recorder = recorder
            recorder.shape = .array(.object([:]))
        }

        package mutating func decodeNil() throws -> Bool { false }
        package mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            let child = ShapeRecorder()
            let value = try child.value(T.self)
            recorder.shape = .array(child.shape ?? .object([:]))
            return value
        }
        package mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
            NestedKey
        > {
            try ShapeRecorder().container(keyedBy: type)
        }
        package mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(recorder: ShapeRecorder()) }
        package mutating func superDecoder() throws -> any Decoder { ShapeRecorder() }
    }

    package struct Single: SingleValueDecodingContainer {
        package let recorder: ShapeRecorder
        package var codingPath: [any CodingKey] { [] }
        package func decodeNil() -> Bool { false }
        package func decode<T: Decodable>(_ type: T.Type) throws -> T { try recorder.value(T.self) }

        package init(recorder: ShapeRecorder) {
            self.recorder = recorder
        }
    }
}

/// An empty container of any kind: a dictionary decodes from it as empty.
private struct EmptyDecoder: Decoder {
    package var codingPath: [any CodingKey] { [] }
    package var userInfo: [CodingUserInfoKey: Any] { [:] }
    package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try ShapeRecorder().container(keyedBy: type)
    }
    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer { ShapeRecorder.Unkeyed(recorder: ShapeRecorder()) }
    package func singleValueContainer() throws -> any SingleValueDecodingContainer { ShapeRecorder.Single(recorder: ShapeRecorder()) }
}
