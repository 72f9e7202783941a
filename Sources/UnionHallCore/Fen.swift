/// Money as an integer number of fen (分): never floating point.
public struct Fen: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: Int64

    public init(_ value: Int64) { self.value = value }
    public static func yuan(_ yuan: Int64) -> Fen { Fen(yuan * 100) }

    /// `¥393,600.00`
    public var description: String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let yuan = String(magnitude / 100)
        var grouped = ""
        for (index, char) in yuan.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(char)
        }
        let fen = magnitude % 100
        return "\(sign)¥\(String(grouped.reversed())).\(fen < 10 ? "0" : "")\(fen)"
    }

    public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Fen, rhs: Fen) -> Fen { Fen(lhs.value + rhs.value) }

    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
