import Testing
import UnionHallCore

/// The scoring and ranking rules against tables computed by hand.
@Suite struct CompetitionScoringTests {
    @Test(arguments: [
        // Fewer than five judges: the plain mean. 8.50, 9.00, 7.75 → 25.25 / 3 = 8.41666… → 8.4167
        ([850, 900, 775], 84_167),
        // Four judges: nothing dropped. (6 + 7 + 8 + 9) / 4 = 7.5
        ([600, 700, 800, 900], 75_000),
        // Five judges: drop 10.00 and 5.00, mean of 8, 8.5, 9 = 8.5
        ([1_000, 500, 800, 850, 900], 85_000),
        // Seven judges with ties at the ends: one highest and one lowest are dropped. 7,7,8,8,9,9 minus one 7 and one 9 → (7+8+8+9)/4 = 8
        ([700, 700, 800, 800, 900, 900], 80_000),
        ([700, 700, 800, 800, 900, 900, 800], 80_000),
        // Rounding half up at the fourth decimal: (1 + 2) / 2 hundredths = 0.015 → 0.0150
        ([1, 2], 150),
        ([1, 1, 2], 133),
        ([1, 2, 2], 167),
    ])
    func itemScores(_ marks: [Int], _ expected: Int) {
        #expect(CompetitionScoring.itemScore(marks) == expected)
    }

    @Test func noMarksNoScore() {
        #expect(CompetitionScoring.itemScore([]) == nil)
    }

    @Test func marksAreCheckedAgainstTheItemsMaximum() {
        #expect(CompetitionScoring.checkMark(1_000, maximum: 1_000) == nil)
        #expect(
            CompetitionScoring.checkMark(1_001, maximum: 1_000)
                == FieldIssue(field: "mark", key: "error.competition.aboveMaximum", arguments: ["10.00"]))
        #expect(CompetitionScoring.checkMark(-1, maximum: 1_000)?.key == "error.amount.positive")
        #expect(CompetitionScoring.checkMark(nil, maximum: 1_000)?.key == "error.required")
    }

    @Test func weightedTotals() {
        // Theory 30 %, practical 70 %; practical items of 40, 30 and 30 marks.
        let scheme = CompetitionScoring.Scheme(theoryWeight: 30, practicalWeight: 70, itemMaxima: [4_000, 3_000, 3_000])
        #expect(scheme.check() == nil)
        // Items scored 36, 27.5 and 24.25 of 100 → practical 87.75 of 100.
        let practical = CompetitionScoring.practical(itemScores: [360_000, 275_000, 242_500], scheme: scheme)
        #expect(practical == 877_500)
        // Theory 82.50 → 0.3 × 82.5 + 0.7 × 87.75 = 24.75 + 61.425 = 86.175
        #expect(CompetitionScoring.total(theory: 8_250, practical: practical, scheme: scheme) == 861_750)
        // Maxima that are not 100 in all: items of 15 and 10 marks, scored 12 and 7.5 → 19.5 / 25 = 78 of 100.
        let small = CompetitionScoring.Scheme(theoryWeight: 0, practicalWeight: 100, itemMaxima: [1_500, 1_000])
        #expect(CompetitionScoring.practical(itemScores: [120_000, 75_000], scheme: small) == 780_000)
        #expect(CompetitionScoring.total(theory: 0, practical: 780_000, scheme: small) == 780_000)
        // One third of the marks: 1/3 of 100 = 33.3333…
        let thirds = CompetitionScoring.Scheme(theoryWeight: 50, practicalWeight: 50, itemMaxima: [300])
        #expect(CompetitionScoring.practical(itemScores: [10_000], scheme: thirds) == 333_333)
        #expect(CompetitionScoring.total(theory: 6_667, practical: 333_333, scheme: thirds) == 500_017)
        #expect(
            CompetitionScoring.Scheme(theoryWeight: 30, practicalWeight: 60, itemMaxima: [100]).check()?.key
                == "error.competition.weightsSum")
        #expect(CompetitionScoring.Scheme(theoryWeight: 30, practicalWeight: 70, itemMaxima: []).check()?.field == "items")
        #expect(CompetitionScoring.Scheme(theoryWeight: 30, practicalWeight: 70, itemMaxima: [0]).check()?.field == "items")
    }

    typealias R = CompetitionScoring.Result

    @Test func rankingBreaksTiesByPracticalThenTimeThenShares() {
        let results = [
            R(entry: "A", total: 900_000, practical: 880_000, completionSeconds: 3_000),
            // Same total as A, better practical: ahead of A.
            R(entry: "B", total: 900_000, practical: 920_000, completionSeconds: 3_600),
            // Same total and practical as A, faster: ahead of A.
            R(entry: "C", total: 900_000, practical: 880_000, completionSeconds: 2_400),
            // Equal to A on all three: shares A's rank.
            R(entry: "D", total: 900_000, practical: 880_000, completionSeconds: 3_000),
            // Same as A but no recorded time: after those with one.
            R(entry: "E", total: 900_000, practical: 880_000, completionSeconds: nil),
            R(entry: "F", total: 950_000, practical: 800_000, completionSeconds: 4_000),
            R(entry: "G", total: 700_000, practical: 700_000, completionSeconds: 1_000),
        ]
        let ranked = CompetitionScoring.rank(results).map { ($0.rank, $0.result.entry) }
        #expect(ranked.map(\.0) == [1, 2, 3, 4, 4, 6, 7])
        #expect(ranked.map(\.1) == ["F", "B", "C", "A", "D", "E", "G"])
    }

    @Test func equalsShareTheRankAndTheNextSkips() {
        let ranked = CompetitionScoring.rank([
            R(entry: "x", total: 10, practical: 5, completionSeconds: 60),
            R(entry: "y", total: 10, practical: 5, completionSeconds: 60),
            R(entry: "z", total: 10, practical: 5, completionSeconds: 60),
            R(entry: "w", total: 9, practical: 9, completionSeconds: 1),
        ])
        #expect(ranked.map(\.rank) == [1, 1, 1, 4])
        #expect(CompetitionScoring.rank([]).isEmpty)
    }
}

@Suite struct MarkParsingTests {
    @Test(arguments: [("35", 3500), ("35.5", 3550), ("35.25", 3525), ("0", 0), ("0.05", 5)])
    func readsTypedMarks(_ text: String, _ hundredths: Int) {
        #expect(CompetitionScoring.parseMarks(text) == hundredths)
    }

    @Test(arguments: ["", "-1", "3.555", "a", "3.", "1,5", ".5"])
    func refusesOtherText(_ text: String) {
        #expect(CompetitionScoring.parseMarks(text) == nil)
    }
}
