import Foundation

/// How a skill competition's entries are scored and ranked (技能竞赛评分): marks are integers in
/// hundredths of a mark (850 = 8.50), and every derived score is kept in ten-thousandths of a mark,
/// rounded half up, so that the same sheets always give the same ranking on every machine.
public enum CompetitionScoring {
    /// Scores are compared at this precision: 1 = 0.0001 of a mark.
    public static let scale = 10_000

    /// A judge's mark for an item, checked against the item's maximum.
    public static func checkMark(_ hundredths: Int?, maximum: Int, field: String = "mark") -> FieldIssue? {
        guard let hundredths else { return FieldIssue(field: field, key: "error.required") }
        guard hundredths >= 0 else { return FieldIssue(field: field, key: "error.amount.positive") }
        guard hundredths <= maximum else {
            return FieldIssue(field: field, key: "error.competition.aboveMaximum", arguments: [Self.format(hundredths: maximum)])
        }
        return nil
    }

    /// An item's score from its judges' marks (hundredths): the mean, dropping the highest and the
    /// lowest mark when five or more judges marked it. In ten-thousandths of a mark.
    public static func itemScore(_ marks: [Int]) -> Int? {
        guard !marks.isEmpty else { return nil }
        var counted = marks.sorted()
        if counted.count >= 5 { counted = Array(counted.dropFirst().dropLast()) }
        // hundredths → ten-thousandths is ×100; the mean is rounded half up.
        return divideRounded(counted.reduce(0, +) * 100, by: counted.count)
    }

    /// A marking scheme: theory and practical weights in percent (adding up to 100) and the
    /// practical items' maximum marks in hundredths.
    public struct Scheme: Equatable, Sendable {
        public var theoryWeight: Int
        public var practicalWeight: Int
        public var itemMaxima: [Int]

        public init(theoryWeight: Int, practicalWeight: Int, itemMaxima: [Int]) {
            self.theoryWeight = theoryWeight
            self.practicalWeight = practicalWeight
            self.itemMaxima = itemMaxima
        }

        public func check() -> FieldIssue? {
            guard (0...100).contains(theoryWeight), (0...100).contains(practicalWeight), theoryWeight + practicalWeight == 100 else {
                return FieldIssue(field: "practicalWeight", key: "error.competition.weightsSum")
            }
            guard !itemMaxima.isEmpty || practicalWeight == 0 else { return FieldIssue(field: "items", key: "error.required") }
            guard itemMaxima.allSatisfy({ $0 > 0 }) else { return FieldIssue(field: "items", key: "error.amount.positive") }
            return nil
        }
    }

    /// The practical part out of 100 (ten-thousandths): the items' scores over their maxima.
    public static func practical(itemScores: [Int], scheme: Scheme) -> Int {
        // Scores are in ten-thousandths, maxima in hundredths: S / (M × 100) of the whole, × 100 × scale.
        divideRounded(itemScores.reduce(0, +) * scale, by: scheme.itemMaxima.reduce(0, +)) ?? 0
    }

    /// The weighted total out of 100 (ten-thousandths). `theory` is the theory mark out of 100 in
    /// hundredths; `practical` the practical part from `practical(itemScores:scheme:)`.
    public static func total(theory: Int, practical: Int, scheme: Scheme) -> Int {
        divideRounded(theory * 100 * scheme.theoryWeight + practical * scheme.practicalWeight, by: 100) ?? 0
    }

    /// One entry's result for ranking.
    public struct Result: Equatable, Sendable {
        public var entry: String
        public var total: Int
        public var practical: Int
        /// Seconds taken on the practical task; less is better. Unknown times rank after known ones.
        public var completionSeconds: Int?

        public init(entry: String, total: Int, practical: Int, completionSeconds: Int?) {
            self.entry = entry
            self.total = total
            self.practical = practical
            self.completionSeconds = completionSeconds
        }
    }

    /// Ranks an event's results: higher total first; a tie goes to the higher practical score,
    /// then to the shorter completion time; entries equal on all three share the rank, and the
    /// next rank skips (1, 2, 2, 4). Entries in the same rank keep a stable order by entry.
    public static func rank(_ results: [Result]) -> [(rank: Int, result: Result)] {
        func key(_ result: Result) -> (Int, Int, Int) { (-result.total, -result.practical, result.completionSeconds ?? Int.max) }
        let ordered = results.sorted { key($0) != key($1) ? key($0) < key($1) : $0.entry < $1.entry }
        var ranked: [(rank: Int, result: Result)] = []
        for (index, result) in ordered.enumerated() {
            if let last = ranked.last, key(last.result) == key(result) {
                ranked.append((last.rank, result))
            } else {
                ranked.append((index + 1, result))
            }
        }
        return ranked
    }

    /// `850` → `8.50`
    public static func format(hundredths: Int) -> String {
        String(format: "%d.%02d", hundredths / 100, abs(hundredths % 100))
    }

    /// `n / d` rounded half up, for non-negative `n` and positive `d`.
    static func divideRounded(_ n: Int, by d: Int) -> Int? {
        guard d > 0 else { return nil }
        return (n * 2 + d) / (d * 2)
    }
}

extension CompetitionScoring {
    /// A mark as typed (`35`, `35.5`, `35.25`) in hundredths; nil for anything else.
    public static func parseMarks(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].allSatisfy(\.isASCIIDigit), let whole = Int(parts[0]),
            whole <= Limits.marksHundredths / 100
        else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let marks = whole * 100 + fraction
        return marks <= Limits.marksHundredths ? marks : nil
    }
}
