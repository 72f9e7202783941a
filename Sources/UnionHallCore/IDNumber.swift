import Foundation

/// A mainland resident ID number (公民身份号码) as defined by GB 11643-1999:
/// 6-digit region, 8-digit birth date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
public struct IDNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public static let length = 18
    /// The standard's own examples are of people born in the 1880s.
    static let earliestBirthYear = 1880
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

    public enum Problem: String, Error, Sendable {
        case length, characters, birthDate, checksum
    }

    /// Parses and validates; a lowercase `x` is accepted and stored upper-case.
    public static func parse(_ raw: String) -> Result<IDNumber, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard text.count == length else { return .failure(.length) }
        let chars = Array(text)
        guard chars.prefix(17).allSatisfy(\.isASCIIDigit), chars[17].isASCIIDigit || chars[17] == "X" else {
            return .failure(.characters)
        }
        guard birthDate(of: chars) != nil else { return .failure(.birthDate) }
        guard checkCharacter(for: chars.prefix(17)) == chars[17] else { return .failure(.checksum) }
        return .success(IDNumber(value: text))
    }

    /// Builds a valid number from its parts (used for synthetic demo data).
    public static func make(region: Int, birth: CivilDate, sequence: Int) -> IDNumber {
        let body = String(format: "%06d%04d%02d%02d%03d", region, birth.year, birth.month, birth.day, sequence % 1000)
        return IDNumber(value: body + String(checkCharacter(for: Array(body)[...])))
    }

    public var birthDate: CivilDate? { Self.birthDate(of: Array(value)) }

    /// The 17th digit is odd for men and even for women.
    public var gender: Gender {
        let digit = Array(value)[16].wholeNumberValue ?? 0
        return digit % 2 == 1 ? .male : .female
    }

    public var lastFour: String { String(value.suffix(4)) }
    public var description: String { value }

    private init(value: String) { self.value = value }

    private static func checkCharacter(for body: ArraySlice<Character>) -> Character {
        let sum = zip(body, weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return checkCharacters[sum % 11]
    }

    private static func birthDate(of chars: [Character]) -> CivilDate? {
        guard let year = Int(String(chars[6..<10])), let month = Int(String(chars[10..<12])),
            let day = Int(String(chars[12..<14])), year >= earliestBirthYear
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
