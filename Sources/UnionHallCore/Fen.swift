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

    /// Parses yuan as typed: `5600000`, `5,600,000.5`, `¥393,600.00`. At most two decimals.
    public static func parse(yuan text: String) -> Fen? {
        var digits = text.filter { !" ,¥￥".contains($0) }
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCIIDigit), let value = Int64(decimals) else { return nil }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        // Bounded before any arithmetic: `Limits.fen` is far below the overflow of `* 100`.
        guard whole <= Limits.fen / 100 else { return nil }
        let fen = whole * 100 + fraction
        guard fen <= Limits.fen else { return nil }
        return Fen(negative ? -fen : fen)
    }

    /// `5600000.00`: the plain form a money field is filled with.
    public var plainYuan: String {
        let magnitude = value.magnitude
        let fen = magnitude % 100
        return "\(value < 0 ? "-" : "")\(magnitude / 100).\(fen < 10 ? "0" : "")\(fen)"
    }

    public static func < (lhs: Fen, rhs: Fen) -> Bool { lhs.value < rhs.value }
    /// Saturates instead of trapping: sums of bounded amounts never come near it.
    public static func + (lhs: Fen, rhs: Fen) -> Fen {
        let (sum, overflow) = lhs.value.addingReportingOverflow(rhs.value)
        return Fen(overflow ? (rhs.value > 0 ? .max : .min) : sum)
    }

    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
