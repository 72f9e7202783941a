import Foundation

/// 劳模四进 and 助农代言: the kinds of outreach a model worker or craftsman leads.
public enum OutreachKind: String, CaseIterable, Codable, Sendable {
    /// 宣讲报告进校园
    case schools
    /// 技术交流进车间
    case workshops
    /// 科技助农进田间
    case fields
    /// 培训示范进一线
    case frontLine
    /// 劳模为特色农产品代言
    case endorsement
}

/// planned → held | cancelled.
public enum OutreachStatus: String, CaseIterable, Codable, Sendable {
    case planned, held, cancelled
}

public enum OutreachStep: String, CaseIterable, Codable, Sendable {
    case hold, cancel

    public func apply(to status: OutreachStatus) -> Result<OutreachStatus, FieldIssue> {
        guard status == .planned else {
            return .failure(FieldIssue(field: "status", key: "error.workflow.step"))
        }
        return .success(self == .hold ? .held : .cancelled)
    }
}

public enum OutreachRules {
    /// Person-times (人次) can be no fewer than the people who led the activity, and a plausible
    /// ceiling keeps a typo (an extra zero or two) from entering the statistics.
    public static let maxPersonTimes = 100_000

    public static func checkHeld(personTimes: Int?, leaders: Int, heldDate: CivilDate?) -> FieldIssue? {
        guard heldDate != nil else { return FieldIssue(field: "date", key: "error.required") }
        guard let personTimes else { return FieldIssue(field: "personTimes", key: "error.required") }
        guard personTimes >= 0 else { return FieldIssue(field: "personTimes", key: "error.amount.positive") }
        guard personTimes <= maxPersonTimes else {
            return FieldIssue(field: "personTimes", key: "error.outreach.personTimes", arguments: [String(maxPersonTimes)])
        }
        guard leaders > 0 else { return FieldIssue(field: "leaderIds", key: "error.outreach.leaders") }
        return nil
    }
}

/// A named campaign over outreach and technical problems: 劳模工匠"助企行" (helping enterprises) and
/// "助农行" (helping farmers), or another the union runs.
public enum CampaignKind: String, CaseIterable, Codable, Sendable {
    case supportEnterprises, supportFarmers, other
}

public enum CampaignRules {
    public static let maxNameLength = 60

    /// A name, a start, and an end (if any) not before the start.
    public static func check(name: String, start: CivilDate?, end: CivilDate?) -> FieldIssue? {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return FieldIssue(field: "name", key: "error.required") }
        guard name.count <= maxNameLength else {
            return FieldIssue(field: "name", key: "error.tooLong", arguments: [String(maxNameLength)])
        }
        guard let start else { return FieldIssue(field: "startDate", key: "error.required") }
        if let end, end < start { return FieldIssue(field: "endDate", key: "error.date.order") }
        return nil
    }
}
