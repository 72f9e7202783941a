/// Personal data as shown to a viewer whose role does not need it in full (PIPL):
/// `620102********1234`, `138****5678`.
public enum Masking {
    public static func idNumber(_ value: String) -> String { keeping(6, 4, of: value) }

    public static func mobile(_ value: String) -> String { keeping(3, 4, of: value) }

    /// The first `head` and last `tail` characters, a star for each between; all stars for a value
    /// too short to hide anything. ASCII (every ID number and phone) byte by byte: a page of members
    /// masks two values a row.
    private static func keeping(_ head: Int, _ tail: Int, of value: String) -> String {
        let ascii = value.utf8.allSatisfy { $0 < 0x80 }
        let count = ascii ? value.utf8.count : value.count
        guard count > head + tail else { return String(repeating: "*", count: count) }
        guard ascii else {
            return String(value.prefix(head)) + String(repeating: "*", count: count - head - tail) + String(value.suffix(tail))
        }
        var bytes = Array(value.utf8)
        for index in head..<(count - tail) { bytes[index] = UInt8(ascii: "*") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A name on a public list: 陈帮贵 → 陈*贵, 刘倩 → 刘*.
    public static func name(_ value: String) -> String {
        let chars = Array(value)
        switch chars.count {
        case 0, 1: return value
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }

    /// A bank account: only its last four digits, `************1234`.
    public static func account(_ value: String) -> String { keeping(0, 4, of: value) }
}
