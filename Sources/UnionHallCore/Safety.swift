import Foundation

/// 安康杯: accident rates per 1,000 workers and their change year on year.
public enum AccidentRates {
    /// People hurt or killed per 1,000 workers, in thousandths (12_500 = 12.5‰), rounded half up.
    public static func perThousand(casualties: Int, headcount: Int) -> Int? {
        guard headcount > 0, casualties >= 0, casualties <= Int(Limits.integer), headcount <= Int(Limits.integer) else { return nil }
        return (casualties * 1_000_000 * 2 + headcount) / (headcount * 2)
    }

    /// The change from one year's rate to the next, in tenths of a percent (−270 = −27.0 %).
    public static func change(from before: Int?, to after: Int?) -> Int? {
        // Rates come from bounded counts (`perThousand`), so these products stay within Int64.
        guard let before, let after, before > 0, after >= 0, before <= Int(Limits.integer) * 1_000_000,
            after <= Int(Limits.integer) * 1_000_000
        else { return nil }
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

public enum HazardSeverity: String, CaseIterable, Codable, Sendable {
    case minor, general, major
}

public enum HazardStatus: String, CaseIterable, Codable, Sendable {
    case reported, verified, rectificationOrdered, rectified, rewarded, rejected
}

/// A reported hazard's way: verified → rectification ordered → rectified → rewarded, or rejected
/// (a duplicate, or not a hazard) before work is ordered.
public enum HazardStep: String, CaseIterable, Codable, Sendable {
    case verify, order, rectify, reward, reject

    static let transitions: [HazardStep: (from: Set<HazardStatus>, to: HazardStatus)] = [
        .verify: ([.reported], .verified),
        .order: ([.verified], .rectificationOrdered),
        .rectify: ([.rectificationOrdered], .rectified),
        .reward: ([.rectified], .rewarded),
        .reject: ([.reported, .verified], .rejected),
    ]

    public func apply(to status: HazardStatus) -> Result<HazardStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from.contains(status) else {
            return .failure(FieldIssue(field: "status", key: "error.hazard.step", arguments: [rawValue, status.rawValue]))
        }
        return .success(rule.to)
    }
}

/// Rewards for hazards: by the campaign's schedule, never above its cap.
public enum HazardRewards {
    /// The schedule's amount for a severity, in fen, before the cap.
    public static func scheduled(_ severity: HazardSeverity) -> Int64 {
        switch severity {
        case .minor: 20_000
        case .general: 100_000
        case .major: 500_000
        }
    }

    /// The reward to pay: the amount asked, or the schedule's, checked against the cap.
    public static func amount(asked: Int64?, severity: HazardSeverity, cap: Int64) -> Result<Int64, FieldIssue> {
        let amount = asked ?? min(scheduled(severity), cap)
        guard amount > 0 else { return .failure(FieldIssue(field: "amountFen", key: "error.amount.positive")) }
        guard amount <= cap else {
            return .failure(FieldIssue(field: "amountFen", key: "error.hazard.aboveCap", arguments: [Fen(cap).description]))
        }
        return .success(amount)
    }
}

/// A team safety inspection (班组安全检查): planned for a team on a day, then held (its findings
/// become hazard reports) or cancelled with a reason.
public enum InspectionStatus: String, CaseIterable, Codable, Sendable {
    case planned, held, cancelled
}

public enum InspectionStep: String, CaseIterable, Codable, Sendable {
    case hold, cancel

    public func apply(to status: InspectionStatus) -> Result<InspectionStatus, FieldIssue> {
        guard status == .planned else {
            return .failure(FieldIssue(field: "status", key: "error.workflow.step"))
        }
        return .success(self == .hold ? .held : .cancelled)
    }
}
