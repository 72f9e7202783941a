import Foundation

/// The kinds of training programme the seed articles name.
public enum TrainingKind: String, CaseIterable, Codable, Sendable {
    /// 订单班: a cohort at a college trained for an employer, with a job offer.
    case orderClass
    /// 订单式上门培训: training delivered at the employer by craftsmen.
    case onSiteOrder
    /// 劳模工匠大讲堂
    case lectureHall
    /// 田间课堂
    case fieldClass
    /// 技能提升培训
    case skillUpgrade

    /// Order classes are run by a college for an employer.
    public var needsCollegeAndEmployer: Bool { self == .orderClass }
}

public enum EnrolmentStatus: String, CaseIterable, Codable, Sendable {
    case enrolled, waiting, withdrawn
}

/// 工匠学院, 产业学院, school–enterprise agreements and 实训基地 (a training base built with an employer).
public enum PartnershipKind: String, CaseIterable, Codable, Sendable {
    case craftsmanAcademy, industryCollege, schoolEnterprise, trainingBase

    /// An agreement and a training base are made with an employer; an academy or a college may be the college's alone.
    public var needsEmployer: Bool { self == .schoolEnterprise || self == .trainingBase }
}

/// Where a partnership stands: 规划中, 建设中 (全球鹰产业学院 in 2024), 运行中.
public enum PartnershipStatus: String, CaseIterable, Codable, Sendable {
    case planned, building, running

    /// Programmes are run by a partnership that is running; one still planned or being built has none yet.
    public var runsProgrammes: Bool { self == .running }
}

/// Political participation of skilled workers (officers only).
public enum ParticipationKind: String, CaseIterable, Codable, Sendable {
    /// 党代会代表
    case partyCongressDelegate
    /// 人大代表
    case peoplesCongressDeputy
    /// 政协委员
    case cppccMember
    /// 入党积极分子
    case partyActivist
    /// 入党
    case joinedParty

    /// Roles held at a level (delegate, deputy, member of the CPPCC).
    public var isRole: Bool { [.partyCongressDelegate, .peoplesCongressDeputy, .cppccMember].contains(self) }
}

public enum EventKind: String, CaseIterable, Codable, Sendable {
    case individual, team
}

/// A marking-scheme item is measured (a dimension, a time) or judged.
public enum ItemKind: String, CaseIterable, Codable, Sendable {
    case measurement, judgement
}

/// An event's results: open for entries and scoring, published for the public notice, final.
public enum EventStatus: String, CaseIterable, Codable, Sendable {
    case open, published, final
}

public enum EventStep: String, CaseIterable, Codable, Sendable {
    case publish, reopen, finalise

    static let transitions: [EventStep: (from: EventStatus, to: EventStatus)] = [
        .publish: (.open, .published),
        .reopen: (.published, .open),
        .finalise: (.published, .final),
    ]

    public func apply(to status: EventStatus) -> Result<EventStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from == status else {
            return .failure(FieldIssue(field: "status", key: "error.competition.step", arguments: [rawValue, status.rawValue]))
        }
        return .success(rule.to)
    }
}

public enum ObjectionStatus: String, CaseIterable, Codable, Sendable {
    case open, upheld, dismissed
}

/// The rules of a training programme.
public enum TrainingRules {
    /// Attendance is taken only for sessions within the programme's dates.
    public static func checkSessionDate(_ date: CivilDate, start: CivilDate, end: CivilDate) -> FieldIssue? {
        (start...end).contains(date)
            ? nil : FieldIssue(field: "date", key: "error.training.outsideDates", arguments: [start.description, end.description])
    }

    public static func checkDates(start: CivilDate?, end: CivilDate?) -> FieldIssue? {
        guard start != nil else { return FieldIssue(field: "startDate", key: "error.required") }
        guard let start, let end else { return FieldIssue(field: "endDate", key: "error.required") }
        return end < start ? FieldIssue(field: "endDate", key: "error.date.order") : nil
    }

    public static let maxPlaces = 100_000
}

/// A certificate's number: the competition year, the event's and the entry's numbers, and four
/// random letters so that numbers cannot be guessed one from the next.
public enum CertificateNumber {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// `JS2024-7KQM-X3RD-PW9HT`: the year, then 13 characters of a 32-letter alphabet (65 random
    /// bits), so a number cannot be guessed from another one.
    public static func make<G: RandomNumberGenerator>(year: Int, using generator: inout G) -> String {
        let random = String((0..<13).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
        let groups = [random.prefix(4), random.dropFirst(4).prefix(4), random.dropFirst(8)]
        return String(format: "JS%04d-", year) + groups.joined(separator: "-")
    }

    /// The current form, or the first one (`JS2024-012-003-AB7K`) that certificates printed before it carry.
    public static func isWellFormed(_ text: String) -> Bool {
        (text.count == 22 || text.count == 19) && text.hasPrefix("JS")
            && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase || $0 == "-") }
    }
}
