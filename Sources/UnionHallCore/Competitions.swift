import Foundation

/// Who may enter an event together.
public enum TeamRules {
    public static let sizes = 2...5

    /// A team has 2–5 members, each entered once, all of one employer. `employers` holds each
    /// member's employer (nil when the member has none).
    public static func check(members: [UUID], employers: [UUID?]) -> FieldIssue? {
        guard sizes.contains(members.count) else {
            return FieldIssue(
                field: "memberIds", key: "error.competition.teamSize", arguments: [String(sizes.lowerBound), String(sizes.upperBound)])
        }
        guard Set(members).count == members.count else { return FieldIssue(field: "memberIds", key: "error.competition.teamTwice") }
        guard let first = employers.first, let employer = first, employers.allSatisfy({ $0 == employer }) else {
            return FieldIssue(field: "memberIds", key: "error.competition.teamEmployers")
        }
        return nil
    }
}

/// The individual awards of an event, best first; each becomes the member's honor of that title.
public enum CompetitionAward: String, CaseIterable, Codable, Sendable {
    /// 技术能手
    case technicalExpert
    /// 技术标兵
    case technicalPacesetter
    /// 优秀选手
    case outstandingContestant

    public var honorTitle: HonorTitle {
        switch self {
        case .technicalExpert: .technicalExpert
        case .technicalPacesetter: .technicalPacesetter
        case .outstandingContestant: .outstandingContestant
        }
    }
}

/// How many of each award an event gives, and the total an entrant needs for any.
public struct AwardBands: Equatable, Sendable {
    public var counts: [CompetitionAward: Int]
    /// Ten-thousandths of a mark out of 100, as `CompetitionScoring.total` gives.
    public var minimumTotal: Int

    public init(counts: [CompetitionAward: Int], minimumTotal: Int) {
        self.counts = counts
        self.minimumTotal = minimumTotal
    }

    /// The award for a rank: ranks 1…n₁ are 技术能手, the next n₂ 技术标兵, the next n₃ 优秀选手.
    /// Entrants who share a rank share its award; none goes to a total below the minimum.
    public func award(rank: Int, total: Int) -> CompetitionAward? {
        guard total >= minimumTotal, rank >= 1 else { return nil }
        var upTo = 0
        for award in CompetitionAward.allCases {
            upTo += counts[award] ?? 0
            if rank <= upTo { return award }
        }
        return nil
    }

    public func check() -> FieldIssue? {
        for award in CompetitionAward.allCases where (counts[award] ?? 0) < 0 {
            return FieldIssue(field: award.rawValue, key: "error.amount.positive")
        }
        return (0...100 * CompetitionScoring.scale).contains(minimumTotal)
            ? nil : FieldIssue(field: "minimumTotal", key: "error.range", arguments: ["0", "100"])
    }
}

/// Team prizes by rank: first, second and third prizes in the numbers the event sets.
public enum TeamPrize: String, CaseIterable, Codable, Sendable {
    case first, second, third

    public static func prize(rank: Int, counts: [TeamPrize: Int]) -> TeamPrize? {
        guard rank >= 1 else { return nil }
        var upTo = 0
        for prize in allCases {
            upTo += counts[prize] ?? 0
            if rank <= upTo { return prize }
        }
        return nil
    }
}

/// Results are published for a public-notice period (公示); they become final only after it ends
/// with no objection open.
public enum PublicNotice {
    public static func checkFinalise(noticeEnds: CivilDate?, today: CivilDate, openObjections: Int) -> FieldIssue? {
        guard let noticeEnds else { return FieldIssue(field: "status", key: "error.competition.notPublished") }
        guard today > noticeEnds else {
            return FieldIssue(field: "status", key: "error.competition.noticeRunning", arguments: [noticeEnds.description])
        }
        guard openObjections == 0 else {
            return FieldIssue(field: "status", key: "error.competition.openObjections", arguments: [String(openObjections)])
        }
        return nil
    }
}

/// Places on a programme: within its places a person is enrolled, beyond them waiting in line;
/// when someone enrolled withdraws, the first in line moves up.
public enum Enrolment {
    public enum Place: String, Codable, Sendable, Equatable {
        case enrolled, waiting
    }

    public static func place(capacity: Int, enrolled: Int) -> Place {
        enrolled < capacity ? .enrolled : .waiting
    }

    /// After a withdrawal: who moves up, if anyone — the earliest of those waiting.
    public static func movesUp<ID>(capacity: Int, enrolled: Int, waiting: [(id: ID, since: Date)]) -> ID? {
        guard enrolled < capacity else { return nil }
        return waiting.min { $0.since < $1.since }?.id
    }
}

/// A skill appraisal (职业技能等级认定) and what it does to the member's level.
public enum CertificationRules {
    /// The member's level after a pass at `passed`: raised when higher, kept otherwise (a lower
    /// pass is recorded but does not lower the level).
    public static func levelAfter(current: SkillLevel?, passed: SkillLevel) -> (level: SkillLevel, raised: Bool) {
        guard let current else { return (passed, true) }
        return passed > current ? (passed, true) : (current, false)
    }
}
