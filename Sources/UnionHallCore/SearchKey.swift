import Foundation

/// Script- and pinyin-insensitive search keys for Chinese names. A member is found by
/// Simplified or Traditional characters (孫學祥 → 孙学祥), full pinyin (`sunxuexiang`),
/// initials (`sxx`), or the last four digits of an ID or phone.
public struct SearchKey: Equatable, Sendable {
    /// The name in Simplified characters, lower-cased.
    public let simplified: String
    /// Toneless pinyin with no spaces: `sunxuexiang`.
    public let pinyin: String
    /// First letters of each syllable: `sxx`.
    public let initials: String

    public init(name: String) {
        let simplified = SearchKey.simplify(name).lowercased()
        var pinyin = ""
        var initials = ""
        for syllable in SearchKey.romanize(simplified).split(separator: " ") {
            let letters = syllable.filter { $0.isLetter || $0.isNumber }
            guard let first = letters.first else { continue }
            pinyin += letters
            initials.append(first)
        }
        self.simplified = simplified.filter { !$0.isWhitespace }
        self.pinyin = pinyin
        self.initials = initials
    }

    /// Traditional → Simplified, leaving other text as it is.
    public static func simplify(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }

    /// Han → toneless Latin, one space between syllables; `ü` becomes `v` as pinyin keyboards type it.
    static func romanize(_ text: String) -> String {
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        // Scalar by scalar: Foundation's string replacement on Linux treats ǘ and é as equal.
        let umlauts: Set<UInt32> = [0xFC, 0x1D6, 0x1D8, 0x1DA, 0x1DC]
        var scalars = String.UnicodeScalarView()
        for scalar in latin.unicodeScalars {
            scalars.append(umlauts.contains(scalar.value) ? "v" : scalar)
        }
        let plain = String(scalars)
        return (plain.applyingTransform(.stripDiacritics, reverse: false) ?? plain).lowercased()
    }
}

/// What a typed search asks for.
public enum SearchQuery: Equatable, Sendable {
    /// Digits only, 4 of them: the end of an ID number or phone.
    case lastDigits(String)
    /// Letters: a pinyin or initials prefix.
    case latin(String)
    /// Han characters (converted to Simplified): a name prefix.
    case name(String)
    case empty

    public init(_ raw: String?) {
        let text = (raw ?? "").filter { !$0.isWhitespace }.lowercased()
        if text.isEmpty {
            self = .empty
        } else if text.allSatisfy(\.isASCIIDigit) {
            self = .lastDigits(String(text.suffix(4)))
        } else if text.allSatisfy({ $0.isASCII && $0.isLetter }) {
            self = .latin(text)
        } else {
            self = .name(SearchKey.simplify(text))
        }
    }

    /// The exclusive upper bound of a prefix range: `sxx` → `sxy`. Prefix searches are written as
    /// `key >= prefix AND key < upperBound` so that every database uses its index.
    public static func upperBound(ofPrefix prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            if let next = Unicode.Scalar(last.value + 1) {
                scalars.append(next)
                return String(String.UnicodeScalarView(scalars))
            }
        }
        return prefix + "\u{10FFFF}"
    }
}
