/// A Unified Social Credit Code (统一社会信用代码) as defined by GB 32100-2015: 18 characters from a
/// 31-character alphabet (no I, O, Z, S, V), the last one a MOD 31 check character over the first 17.
public struct CreditCode: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    public enum Problem: String, Error, Sendable {
        case length, characters, checksum
    }

    public static func parse(_ raw: String) -> Result<CreditCode, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard text.count == 18 else { return .failure(.length) }
        let chars = Array(text)
        guard chars.allSatisfy(alphabet.contains) else { return .failure(.characters) }
        guard checkCharacter(for: chars.prefix(17)) == chars[17] else { return .failure(.checksum) }
        return .success(CreditCode(value: text))
    }

    /// Completes a 17-character body with its check character (used for synthetic demo data).
    public static func make(body: String) -> CreditCode? {
        let chars = Array(body.uppercased())
        guard chars.count == 17, chars.allSatisfy(alphabet.contains) else { return nil }
        return CreditCode(value: String(chars) + String(checkCharacter(for: chars[...])))
    }

    public var description: String { value }

    private init(value: String) { self.value = value }

    private static func checkCharacter(for body: ArraySlice<Character>) -> Character {
        let sum = zip(body, weights).reduce(0) { total, pair in
            total + (alphabet.firstIndex(of: pair.0) ?? 0) * pair.1
        }
        return alphabet[(31 - sum % 31) % 31]
    }
}
