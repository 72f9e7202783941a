/// Personal data as shown to a viewer whose role does not need it in full (PIPL):
/// `620102********1234`, `138****5678`.
public enum Masking {
    public static func idNumber(_ value: String) -> String {
        guard value.count > 10 else { return String(repeating: "*", count: value.count) }
        return String(value.prefix(6)) + String(repeating: "*", count: value.count - 10) + String(value.suffix(4))
    }

    public static func mobile(_ value: String) -> String {
        guard value.count > 7 else { return String(repeating: "*", count: value.count) }
        return String(value.prefix(3)) + String(repeating: "*", count: value.count - 7) + String(value.suffix(4))
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
    public static func account(_ value: String) -> String {
        guard value.count > 4 else { return String(repeating: "*", count: value.count) }
        return String(repeating: "*", count: value.count - 4) + String(value.suffix(4))
    }
}
