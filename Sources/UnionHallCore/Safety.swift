import Foundation

/// 安康杯: accident rates per 1,000 workers and their change year on year.
public enum AccidentRates {
    /// People hurt or killed per 1,000 workers, in thousandths (12_500 = 12.5‰), rounded half up.
    public static func perThousand(casualties: Int, headcount: Int) -> Int? {
        guard headcount > 0, casualties >= 0 else { return nil }
        return (casualties * 1_000_000 * 2 + headcount) / (headcount * 2)
    }

    /// The change from one year's rate to the next, in tenths of a percent (−270 = −27.0 %).
    public static func change(from before: Int?, to after: Int?) -> Int? {
        guard let before, let after, before > 0 else { return nil }
        let delta = (after - before) * 1_000
        return delta >= 0 ? (delta * 2 + before) / (before * 2) : -((-delta * 2 + before) / (before * 2))
    }

    public static func checkRecord(injured: Int?, deaths: Int?, lostDays: Int?) -> FieldIssue? {
        for (field, value) in [("injured", injured), ("deaths", deaths), ("lostDays", lostDays)] {
            guard let value else { return FieldIssue(field: field, key: "error.required") }
            if value < 0 { return FieldIssue(field: field, key: "error.amount.positive") }
        }
        return nil
    }
}
