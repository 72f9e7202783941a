import Foundation

/// Where a member stands with the union (会籍状态). Only `active` members are counted and listed by
/// default; the others are kept, and can rejoin.
public enum MembershipStatus: String, Codable, CaseIterable, Sendable {
    case active, transferredOut, left, retired, deceased

    public var isActive: Bool { self == .active }
}

/// How a member is employed (用工形式): platform workers name the app they work through.
public enum EmploymentForm: String, Codable, CaseIterable, Sendable {
    case regular, dispatched, platform
}

/// Ending a membership: `POST /members/{id}/leave`. `transferredOut` is a move to a union outside the
/// city's tree (a move within it is a transfer).
public enum LeaveKind: String, Codable, CaseIterable, Sendable {
    case left, retired, deceased, transferredOut

    public var status: MembershipStatus {
        switch self {
        case .left: .left
        case .retired: .retired
        case .deceased: .deceased
        case .transferredOut: .transferredOut
        }
    }
}

/// One change in a membership's history (会籍变动).
public enum MembershipEventKind: String, Codable, CaseIterable, Sendable {
    case joined, rejoined, transferredOut, transferredIn, left, retired, deceased, leftCity, merged
}

extension LeaveKind {
    public var event: MembershipEventKind {
        switch self {
        case .left: .left
        case .retired: .retired
        case .deceased: .deceased
        case .transferredOut: .leftCity
        }
    }
}

/// An application to join (入会申请).
public enum ApplicationStatus: String, Codable, CaseIterable, Sendable {
    case submitted, approved, rejected

    public var isOpen: Bool { self == .submitted }
}

/// What an officer does with an application.
public enum ApplicationStep: String, Codable, CaseIterable, Sendable {
    case approve, reject

    public func apply(to status: ApplicationStatus) -> Result<ApplicationStatus, FieldIssue> {
        guard status == .submitted else { return .failure(FieldIssue(field: "status", key: "error.application.decided")) }
        return .success(self == .approve ? .approved : .rejected)
    }
}

/// A move between two unions of the tree (转会).
public enum TransferStatus: String, Codable, CaseIterable, Sendable {
    case requested, accepted, rejected

    public var isOpen: Bool { self == .requested }
}

/// What the receiving union does with a transfer.
public enum TransferStep: String, Codable, CaseIterable, Sendable {
    case accept, reject

    public func apply(to status: TransferStatus) -> Result<TransferStatus, FieldIssue> {
        guard status == .requested else { return .failure(FieldIssue(field: "status", key: "error.transfer.decided")) }
        return .success(self == .accept ? .accepted : .rejected)
    }
}

/// Working days (工作日) in Asia/Shanghai: Monday to Friday. The state's holiday calendar changes each
/// year by decree and is not kept here, so a period over a public holiday ends a little early: the
/// safe side for an answer owed to a worker.
public enum WorkingDays {
    /// 1 for Monday … 7 for Sunday.
    public static func weekday(_ date: CivilDate) -> Int {
        // Zeller-free: 1970-01-01 was a Thursday (4).
        let days = Int((date.startOfDay.timeIntervalSince1970 + Double(CivilDate.timeZone.secondsFromGMT())) / 86_400)
        return ((days % 7) + 7 + 3) % 7 + 1
    }

    public static func isWorkingDay(_ date: CivilDate) -> Bool { weekday(date) <= 5 }

    /// The day `count` working days after `date` (the day itself not counted), capped at 1,000.
    public static func adding(_ count: Int, to date: CivilDate) -> CivilDate {
        var remaining = min(max(count, 0), 1_000)
        var day = date
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days after `from` up to and including `to`; negative when `to` is before `from`.
    public static func between(_ from: CivilDate, _ to: CivilDate) -> Int {
        if to < from { return -between(to, from) }
        var count = 0
        var day = from
        var steps = 0
        while day < to, steps < 4_000 {
            day = day.adding(days: 1)
            steps += 1
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }
}

/// The membership number (会员编号): the prefix, then the serial in eight digits (QY00001234).
public enum MembershipNumber {
    public static let prefix = "QY"

    public static func make(serial: Int) -> String { prefix + String(format: "%08d", min(max(serial, 0), 99_999_999)) }

    public static func isWellFormed(_ text: String) -> Bool {
        text.count == prefix.count + 8 && text.hasPrefix(prefix) && text.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Every part of a name two characters long or more (孙学祥 → 孙学, 学祥, 孙学祥), kept beside the
/// member so that a search for any part of a name is an exact index lookup on either database.
public enum NameParts {
    public static func of(_ name: String) -> Set<String> {
        let characters = Array(name)
        guard characters.count >= 2 else { return [] }
        var parts: Set<String> = []
        for start in 0..<(characters.count - 1) {
            for end in (start + 2)...characters.count { parts.insert(String(characters[start..<end])) }
        }
        return parts
    }
}

/// What an officer does to a membership from the member's record.
public enum MembershipStep: String, Codable, CaseIterable, Sendable {
    case leave, rejoin

    public func allowed(from status: MembershipStatus) -> Result<Void, FieldIssue> {
        switch self {
        case .leave where status.isActive, .rejoin where !status.isActive && status != .deceased: .success(())
        case .leave: .failure(FieldIssue(field: "membershipStatus", key: "error.membership.notActive"))
        case .rejoin where status == .deceased: .failure(FieldIssue(field: "membershipStatus", key: "error.membership.deceased"))
        case .rejoin: .failure(FieldIssue(field: "membershipStatus", key: "error.membership.active"))
        }
    }
}

/// An application to join as typed on the public form, checked together.
public struct ApplicationDraft: Sendable {
    public var name: String
    public var idNumber: String
    public var mobile: String
    public var platform: String?
    public var dispatched: Bool

    public init(name: String, idNumber: String, mobile: String, platform: String?, dispatched: Bool) {
        (self.name, self.idNumber, self.mobile, self.platform, self.dispatched) = (name, idNumber, mobile, platform, dispatched)
    }

    public struct Valid: Sendable {
        public let name: String
        public let idNumber: IDNumber
        public let mobile: MobileNumber
        public let platform: String?
        public let form: EmploymentForm
    }

    public func validate() -> Result<Valid, FieldIssue> {
        let name: String
        let id: IDNumber
        switch (MemberDraft.check(name: self.name), MemberDraft.check(idNumber: idNumber)) {
        case (.failure(let issue), _), (_, .failure(let issue)): return .failure(issue)
        case (.success(let checkedName), .success(let checkedID)): (name, id) = (checkedName, checkedID)
        }
        let phone = mobile.trimmingCharacters(in: .whitespaces)
        guard !phone.isEmpty else { return .failure(FieldIssue(field: "mobile", key: "error.required")) }
        guard let mobileNumber = MobileNumber.parse(phone) else {
            return .failure(FieldIssue(field: "mobile", key: "error.mobile.invalid"))
        }
        let platform = (platform ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard platform.count <= 50 else { return .failure(FieldIssue(field: "platform", key: "error.tooLong", arguments: ["50"])) }
        let form: EmploymentForm = platform.isEmpty ? (dispatched ? .dispatched : .regular) : .platform
        return .success(Valid(name: name, idNumber: id, mobile: mobileNumber, platform: platform.isEmpty ? nil : platform, form: form))
    }
}
