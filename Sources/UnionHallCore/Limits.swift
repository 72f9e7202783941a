/// The documented bounds of every number that comes from outside: a request's query, a JSON or
/// form body, a spreadsheet cell, a judge's marks. Inside them, sums over any realistic number of
/// rows stay far from `Int64.max`, so arithmetic on stored figures cannot trap.
public enum Limits {
    /// Any one amount of money: ¥10,000,000,000.00 (10^12 fen), either sign.
    public static let fen: Int64 = 1_000_000_000_000
    /// Any other integer a request carries (counts, years, people, marks, versions).
    public static let integer: Int64 = 1_000_000_000
    /// The highest page number a list answers.
    public static let page = 1_000_000
    /// A judge's marks for one item, in hundredths: 0.00 … 1,000.00.
    public static let marksHundredths = 100_000
    /// People an employer employs: more than any employer has.
    public static let headcount = 10_000_000
    /// Calendar years a date may name.
    public static let years = 1...9999

    /// The bound for a JSON field: money by the `…Fen` naming rule, every other integer by `integer`.
    public static func magnitude(forField field: String?) -> Int64 {
        (field?.hasSuffix("Fen") ?? false) ? fen : integer
    }
}

extension Sequence where Element: FixedWidthInteger {
    /// The sum, or nil where it would overflow: figures summed in Swift never trap.
    public func checkedSum() -> Element? {
        var total: Element = 0
        for value in self {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        return total
    }
}
