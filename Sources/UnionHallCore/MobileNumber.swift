/// A mainland China mobile number: 11 digits starting 13–19. A `+86` or `86` prefix and spaces or
/// dashes are accepted on input and dropped.
public struct MobileNumber: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    public static func parse(_ raw: String) -> MobileNumber? {
        var digits = raw.filter { !" -".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.count == 13, digits.hasPrefix("86") { digits.removeFirst(2) }
        let chars = Array(digits)
        guard chars.count == 11, chars.allSatisfy(\.isASCIIDigit), chars[0] == "1",
            let second = chars[1].wholeNumberValue, (3...9).contains(second)
        else { return nil }
        return MobileNumber(value: digits)
    }

    public var lastFour: String { String(value.suffix(4)) }
    public var description: String { value }

    private init(value: String) { self.value = value }
}
