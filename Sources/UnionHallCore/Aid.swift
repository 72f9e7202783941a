import Foundation

/// 困难职工 levels: 深度困难, 相对困难, 意外致困.
public enum HardshipLevel: String, CaseIterable, Codable, Sendable {
    case deep, relative, accident
}

/// What is stored of a hardship file's standing; `lapsed` is never stored but read from the date
/// of the last verification (see `HardshipFiles.standing`).
public enum HardshipStatus: String, CaseIterable, Codable, Sendable {
    case pending, verified, lapsed, closed
}

/// A hardship file's way: verified by the county, re-verified every year, closed when the
/// household leaves hardship (脱困).
public enum HardshipStep: String, CaseIterable, Codable, Sendable {
    case verify, reverify, close

    static let transitions: [HardshipStep: (from: Set<HardshipStatus>, to: HardshipStatus)] = [
        .verify: ([.pending], .verified),
        .reverify: ([.verified, .lapsed], .verified),
        .close: ([.pending, .verified, .lapsed], .closed),
    ]

    /// `status` is the file's standing as read today, so a lapsed file can only be re-verified or closed.
    public func apply(to status: HardshipStatus) -> Result<HardshipStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from.contains(status) else {
            return .failure(FieldIssue(field: "status", key: "error.hardship.step", arguments: [rawValue, status.rawValue]))
        }
        return .success(rule.to)
    }

    /// Verification is the county's (or the city's) work, not the enterprise union's that made the file.
    public var minimumDepth: Int? { self == .close ? nil : 1 }
}

public enum HardshipFiles {
    /// A verification holds for a year: a file verified on 2024-03-01 lapses on 2025-03-01.
    public static func lapsesOn(verified: CivilDate) -> CivilDate {
        CivilDate(year: verified.year + 1, month: verified.month, day: verified.day)
            ?? CivilDate(year: verified.year + 1, month: verified.month, day: verified.day - 1)!
    }

    /// The last verification date at or before which a verified file has lapsed by `today`, so a
    /// list can filter in SQL: `verified <= cutoff` ⇔ `lapsesOn(verified) <= today`.
    public static func lapsedCutoff(today: CivilDate) -> CivilDate {
        if today.month == 2, today.day == 28, let leapDay = CivilDate(year: today.year - 1, month: 2, day: 29) { return leapDay }
        return CivilDate(year: today.year - 1, month: today.month, day: today.day)
            ?? CivilDate(year: today.year - 1, month: today.month, day: today.day - 1)!
    }

    public static func standing(stored: HardshipStatus, verified: CivilDate?, today: CivilDate) -> HardshipStatus {
        guard stored == .verified, let verified else { return stored }
        return lapsesOn(verified: verified) <= today ? .lapsed : .verified
    }

    public static func check(householdSize: Int?, incomePerHeadFen: Int64?) -> FieldIssue? {
        guard let householdSize else { return FieldIssue(field: "householdSize", key: "error.required") }
        guard (1...30).contains(householdSize) else { return FieldIssue(field: "householdSize", key: "error.hardship.household") }
        guard let incomePerHeadFen else { return FieldIssue(field: "incomePerHeadFen", key: "error.required") }
        guard incomePerHeadFen >= 0 else { return FieldIssue(field: "incomePerHeadFen", key: "error.amount.positive") }
        return nil
    }
}

/// The school stages 金秋助学 pays for, each with its own amount in a programme.
public enum SchoolStage: String, CaseIterable, Codable, Sendable {
    case seniorHigh, vocational, juniorCollege, university, postgraduate
}

public enum AidStatus: String, CaseIterable, Codable, Sendable {
    case submitted, enterpriseApproved, countyApproved, approved, paid, rejected
}

/// An aid application's way: approved by the enterprise union, then the county, then the city;
/// rejected at any of them with the reason shown to the worker. Payment comes in batches.
public enum AidStep: String, CaseIterable, Codable, Sendable {
    case approve, reject

    public func apply(to status: AidStatus) -> Result<AidStatus, FieldIssue> {
        let next: AidStatus? =
            switch (self, status) {
            case (.approve, .submitted): .enterpriseApproved
            case (.approve, .enterpriseApproved): .countyApproved
            case (.approve, .countyApproved): .approved
            case (.reject, .submitted), (.reject, .enterpriseApproved), (.reject, .countyApproved): .rejected
            default: nil
            }
        guard let next else { return .failure(FieldIssue(field: "status", key: "error.aid.step", arguments: [rawValue, status.rawValue])) }
        return .success(next)
    }
}

/// Who approves at which step: the enterprise union (depth 2), the county or industry union
/// (depth 1), the city (depth 0). An officer acts at their own level; a higher one stands in only
/// where the applicant's unit has no union at that level (a worker of a small employer filed
/// straight under the county).
public enum AidApproval {
    public static func depth(approving status: AidStatus) -> Int? {
        switch status {
        case .submitted: 2
        case .enterpriseApproved: 1
        case .countyApproved: 0
        default: nil
        }
    }

    /// `officerDepth` is nil for the admin; `applicantDepths` are the depths of the application's
    /// unit and its ancestors.
    public static func check(status: AidStatus, officerDepth: Int?, applicantDepths: [Int]) -> FieldIssue? {
        guard let needed = depth(approving: status), let officerDepth else { return nil }
        if officerDepth == needed { return nil }
        if officerDepth < needed, !applicantDepths.contains(needed) { return nil }
        return FieldIssue(field: "status", key: "error.aid.level\(needed)")
    }
}

public enum AidEligibility {
    /// A child's application needs the worker's verified hardship file, or the programme's
    /// priority group (industrial workers, as Qingyang added) when the programme has one.
    public static func check(hasVerifiedFile: Bool, claimsPriority: Bool, programmeHasPriority: Bool, isIndustrialWorker: Bool)
        -> FieldIssue?
    {
        if hasVerifiedFile { return nil }
        if claimsPriority {
            guard programmeHasPriority else { return FieldIssue(field: "priorityGroup", key: "error.aid.noPriorityGroup") }
            guard isIndustrialWorker else { return FieldIssue(field: "priorityGroup", key: "error.aid.notIndustrialWorker") }
            return nil
        }
        return FieldIssue(field: "hardshipFileId", key: "error.aid.notEligible")
    }

    public static func check(admissionYear: Int?, programmeYear: Int) -> FieldIssue? {
        guard let admissionYear else { return FieldIssue(field: "admissionYear", key: "error.required") }
        guard (programmeYear - 8)...programmeYear ~= admissionYear else {
            return FieldIssue(
                field: "admissionYear", key: "error.aid.admissionYear", arguments: [String(programmeYear - 8), String(programmeYear)])
        }
        return nil
    }
}

/// What an aid programme gives: 金秋助学 scholarships for workers' children, and relief for
/// hardship households — 送温暖 at the Spring Festival, living aid and medical aid.
public enum AidKind: String, CaseIterable, Codable, Sendable {
    case scholarship, springFestival, livingAid, medicalAid

    /// Relief goes to a household with a verified hardship file, once per programme, by its level.
    public var isRelief: Bool { self != .scholarship }
}

/// The amount of a relief application: the programme's amount for the household's level; for
/// medical aid that amount is a ceiling on the medical costs the household bore itself.
public enum ReliefAmount {
    /// Medical costs above this are a typo, not a claim (¥10,000,000.00).
    public static let maxMedicalExpensesFen: Int64 = 1_000_000_000

    public static func amount(kind: AidKind, levelAmountFen: Int64, medicalExpensesFen: Int64?) -> Result<Int64, FieldIssue> {
        guard levelAmountFen > 0 else { return .failure(FieldIssue(field: "hardshipFileId", key: "error.aid.levelNotCovered")) }
        guard kind == .medicalAid else { return .success(levelAmountFen) }
        guard let expenses = medicalExpensesFen else { return .failure(FieldIssue(field: "medicalExpensesFen", key: "error.required")) }
        guard expenses > 0, expenses <= maxMedicalExpensesFen else {
            return .failure(FieldIssue(field: "medicalExpensesFen", key: "error.aid.medicalExpenses"))
        }
        return .success(min(levelAmountFen, expenses))
    }
}
