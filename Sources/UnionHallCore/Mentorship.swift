import Foundation

/// 导师带徒协议: draft → signed → in progress → completed | terminated.
public enum MentorshipStatus: String, CaseIterable, Codable, Sendable {
    case draft, signed, inProgress, completed, terminated

    /// Counted as an agreement that binds the apprentice now.
    public var isActive: Bool { self == .draft || self == .signed || self == .inProgress }
}

/// The workflow's steps, each a `POST …/{id}/<step>`.
public enum MentorshipStep: String, CaseIterable, Codable, Sendable {
    case sign, start, complete, terminate

    /// The legal transitions, as a table.
    static let transitions: [MentorshipStep: (from: Set<MentorshipStatus>, to: MentorshipStatus)] = [
        .sign: ([.draft], .signed),
        .start: ([.signed], .inProgress),
        .complete: ([.inProgress], .completed),
        .terminate: ([.draft, .signed, .inProgress], .terminated),
    ]

    /// The status after this step, or a 409-worthy issue when the step is not allowed now.
    public func apply(to status: MentorshipStatus) -> Result<MentorshipStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from.contains(status) else {
            return .failure(FieldIssue(field: "status", key: "error.mentorship.step", arguments: [rawValue, status.rawValue]))
        }
        return .success(rule.to)
    }
}

/// Who may mentor whom, and the agreement's terms.
public enum MentorshipRules {
    public static let maxTextLength = 2_000

    /// A mentor holds a recognised title (劳模, 工匠, 技能大师 …) or is 技师 or above.
    public static func checkMentor(skillLevel: SkillLevel?, holdsRecognisedTitle: Bool) -> FieldIssue? {
        if holdsRecognisedTitle || skillLevel?.isTechnicianOrAbove == true { return nil }
        return FieldIssue(field: "mentorId", key: "error.mentorship.mentorNotEligible")
    }

    /// `activeAgreements` counts the apprentice's other agreements that are still active.
    public static func checkApprentice(_ apprentice: String, mentor: String, activeAgreements: Int) -> FieldIssue? {
        if apprentice == mentor { return FieldIssue(field: "apprenticeId", key: "error.mentorship.self") }
        if activeAgreements > 0 { return FieldIssue(field: "apprenticeId", key: "error.mentorship.apprenticeBusy") }
        return nil
    }

    public static func checkTerm(start: CivilDate?, end: CivilDate?) -> FieldIssue? {
        guard let start else { return FieldIssue(field: "startDate", key: "error.required") }
        guard let end else { return FieldIssue(field: "endDate", key: "error.required") }
        return end > start ? nil : FieldIssue(field: "endDate", key: "error.date.order")
    }

    /// On completion the apprentice's level after is recorded; it cannot be below the level before.
    public static func checkOutcome(before: SkillLevel?, after: SkillLevel?) -> FieldIssue? {
        guard let after else { return FieldIssue(field: "levelAfter", key: "error.required") }
        if let before, after < before { return FieldIssue(field: "levelAfter", key: "error.mentorship.levelDown") }
        return nil
    }
}
