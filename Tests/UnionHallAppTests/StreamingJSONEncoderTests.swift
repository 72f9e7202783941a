import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

/// The responses' JSON encoder writes what Foundation's `.iso8601` encoder writes, value for value.
@Suite struct StreamingJSONEncoderTests {
    enum Kind: String, Codable { case county, enterprise }

    struct Inner: Codable, Equatable {
        var name: String
        var tags: [String?]
    }

    struct Sample: Codable, Equatable {
        var id: UUID
        var text: String
        var missing: String?
        var present: Int?
        var flag: Bool
        var kind: Kind
        var small: Int8
        var large: UInt64
        var negative: Int64
        var ratio: Double
        var whole: Double
        var single: Float
        var date: Date
        var early: Date
        var data: Data
        var url: URL
        var inner: Inner
        var list: [Inner]
        var nested: [[Int]]
        var byName: [String: Int]
        var byNumber: [Int: String]
        var day: CivilDate
        var money: Fen
        // Optionals of each kind the keyed container writes itself, present and absent.
        var maybeText: String?
        var maybeFlag: Bool?
        var noFlag: Bool?
        var noNumber: Int?
        var maybeID: UUID?
        var noID: UUID?
        var maybeKind: Kind?
        var noKind: Kind?
        // Arrays reach the writer through the generic `encode`, one element type at a time.
        var texts: [String]
        var flags: [Bool]
        var ratios: [Double]
        var ids: [UUID]
        var dates: [Date]
        var blobs: [Data]
        var links: [URL]
        var kinds: [Kind]
    }

    struct Empty: Codable, Equatable {}

    /// Writes through nested containers, an outer container after an inner one, and a super encoder.
    struct Handwritten: Encodable {
        enum Keys: String, CodingKey { case first, inner, list, after, `super` }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Keys.self)
            try outer.encode(1, forKey: .first)
            var inner = outer.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try inner.encodeNil(forKey: .first)
            var list = outer.nestedUnkeyedContainer(forKey: .list)
            try list.encode(UInt16(7))
            try list.encode(true)
            var deeper = list.nestedContainer(keyedBy: Keys.self)
            try deeper.encode("x", forKey: .first)
            try list.encode(Int32(-3))
            try outer.encode("done", forKey: .after)
            var parent = outer.superEncoder().container(keyedBy: Keys.self)
            try parent.encode(2, forKey: .first)
        }
    }

    func sample() throws -> Sample {
        Sample(
            id: UUID(), text: "工会 \"quoted\" \\ back/slash\n\t\u{01}\u{1F} é 👷", missing: nil, present: 3, flag: false,
            kind: .county,
            small: -128, large: .max, negative: .min, ratio: 0.1, whole: 1e21, single: 0.25,
            date: Date(timeIntervalSince1970: 1_780_000_000.75),
            early: Date(timeIntervalSince1970: -86_399.5), data: Data([0, 1, 2, 250]),
            url: try #require(URL(string: "https://example.cn/a?b=c")),
            inner: Inner(name: "", tags: ["a", nil]), list: [Inner(name: "x", tags: [])], nested: [[1, 2], []], byName: ["a": 1, "b": 2],
            byNumber: [1: "one"], day: try #require(CivilDate("2024-02-29")), money: Fen(12_345),
            maybeText: "有", maybeFlag: true, noFlag: nil, noNumber: nil, maybeID: UUID(), noID: nil, maybeKind: .enterprise, noKind: nil,
            texts: ["a", "\"b\""], flags: [true, false], ratios: [0.5, -2, 1e-7], ids: [UUID(), UUID()],
            dates: [Date(timeIntervalSince1970: 0)], blobs: [Data(), Data([255])],
            links: [try #require(URL(string: "file:///tmp/a%20b"))], kinds: [.county, .enterprise])
    }

    func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    func same(_ streamed: [UInt8], _ expected: Data) throws -> Bool {
        let a = try JSONSerialization.jsonObject(with: Data(streamed), options: [.fragmentsAllowed]) as? NSObject
        let b = try JSONSerialization.jsonObject(with: expected, options: [.fragmentsAllowed]) as? NSObject
        return a != nil && a == b
    }

    @Test func writesWhatFoundationWrites() throws {
        let value = try sample()
        #expect(try same(StreamingJSONEncoder.bytes(of: value), foundation(value)))
        #expect(try same(StreamingJSONEncoder.bytes(of: [value, value]), foundation([value, value])))
        #expect(try same(StreamingJSONEncoder.bytes(of: Empty()), foundation(Empty())))
        #expect(try same(StreamingJSONEncoder.bytes(of: Optional<Int>.none), foundation(Optional<Int>.none)))
        #expect(try same(StreamingJSONEncoder.bytes(of: "top"), foundation("top")))
        #expect(try same(StreamingJSONEncoder.bytes(of: [String: [Int]]()), foundation([String: [Int]]())))
    }

    @Test func readsBackAsTheValue() throws {
        let value = try sample()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let back = try decoder.decode(Sample.self, from: Data(StreamingJSONEncoder.bytes(of: value)))
        var expected = value
        // Both encoders write whole seconds.
        expected.date = Date(timeIntervalSince1970: 1_780_000_000)
        expected.early = Date(timeIntervalSince1970: -86_400)
        #expect(back == expected)
    }

    @Test func keepsThePropertiesOrderAndTheHandwrittenShape() throws {
        let text = String(decoding: try StreamingJSONEncoder.bytes(of: Handwritten()), as: UTF8.self)
        #expect(text == #"{"first":1,"inner":{"first":null},"list":[7,true,{"first":"x"},-3],"after":"done","super":{"first":2}}"#)
        let inner = String(decoding: try StreamingJSONEncoder.bytes(of: Inner(name: "n", tags: [nil])), as: UTF8.self)
        #expect(inner == #"{"name":"n","tags":[null]}"#)
    }

    @Test func datesAcrossTheCalendar() throws {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        // Leap days, century years, the epoch, before it, the first year written by hand (1600) and the
        // years on either side of that range.
        let seconds: [TimeInterval] = [
            0, -1, 951_782_400, 4_107_542_399, -2_208_988_800, 1_709_164_800, 253_402_300_799, -11_676_096_000, -11_676_096_001,
            -62_135_596_800, 1e12, -1e12,
        ]
        for second in seconds {
            let date = Date(timeIntervalSince1970: second)
            let text = String(decoding: try StreamingJSONEncoder.bytes(of: date), as: UTF8.self)
            #expect(try same(Array(text.utf8), foundation(date)), "\(second): \(text)")
        }
        for day in stride(from: -135_140, through: 2_932_000, by: 997) {
            let date = Date(timeIntervalSince1970: TimeInterval(day) * 86_400 + 3_723)
            let text = String(decoding: try StreamingJSONEncoder.bytes(of: date), as: UTF8.self)
            #expect(text == "\"" + formatter.string(from: date) + "\"")
        }
    }

    @Test func refusesWhatJSONCannotHold() {
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.bytes(of: [Double.nan]) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.bytes(of: ["x": Float.infinity]) }
    }
}
