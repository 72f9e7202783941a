import Foundation

/// How a labour dispute reached the union.
public enum DisputeChannel: String, CaseIterable, Codable, Sendable {
    case walkIn
    /// 12351 职工维权热线
    case hotline
    /// A member's own request from their pages.
    case memberRequest
    /// 法院+工会 诉调对接: the court refers the case, with its own case number.
    case courtReferral
}

public enum DisputeType: String, CaseIterable, Codable, Sendable {
    case wageArrears, contract, socialInsurance, workInjury, other
}

public enum DisputeStatus: String, CaseIterable, Codable, Sendable {
    case accepted, inMediation, settled, failed, withdrawn

    /// Cases still being worked on; only these can run late.
    public var isOpen: Bool { self == .accepted || self == .inMediation }
}

public enum DisputeStep: String, CaseIterable, Codable, Sendable {
    case mediate, settle, fail, withdraw

    static let transitions: [DisputeStep: (from: Set<DisputeStatus>, to: DisputeStatus)] = [
        .mediate: ([.accepted], .inMediation),
        .settle: ([.inMediation], .settled),
        .fail: ([.accepted, .inMediation], .failed),
        .withdraw: ([.accepted, .inMediation], .withdrawn),
    ]

    public func apply(to status: DisputeStatus) -> Result<DisputeStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from.contains(status) else {
            return .failure(FieldIssue(field: "status", key: "error.dispute.step", arguments: [rawValue, status.rawValue]))
        }
        return .success(rule.to)
    }
}

/// The mediation deadline: 15 calendar days from acceptance (Asia/Shanghai dates), extended at
/// most once, with both parties' consent, by up to another 15 days.
public enum MediationDeadline {
    public static let days = 15
    public static let maxExtension = 15

    public static func deadline(accepted: CivilDate) -> CivilDate { accepted.adding(days: days) }

    /// Checks an extension to `newDeadline`; nil when it is allowed.
    public static func checkExtension(
        accepted: CivilDate, current: CivilDate, newDeadline: CivilDate, alreadyExtended: Bool, bothConsent: Bool
    ) -> FieldIssue? {
        guard !alreadyExtended else { return FieldIssue(field: "newDeadline", key: "error.dispute.extendedOnce") }
        guard bothConsent else { return FieldIssue(field: "bothConsent", key: "error.dispute.consent") }
        guard newDeadline >= accepted else {
            return FieldIssue(field: "newDeadline", key: "error.dispute.deadlineBeforeAcceptance", arguments: [accepted.description])
        }
        guard newDeadline > current else {
            return FieldIssue(field: "newDeadline", key: "error.dispute.extensionNotLater", arguments: [current.description])
        }
        guard newDeadline <= current.adding(days: maxExtension) else {
            return FieldIssue(field: "newDeadline", key: "error.dispute.extensionTooLong", arguments: [String(maxExtension)])
        }
        return nil
    }

    public static func isOverdue(deadline: CivilDate, today: CivilDate, status: DisputeStatus) -> Bool {
        status.isOpen && today > deadline
    }
}

/// A settlement's money: payments add up to what was recovered, never above the agreed amount.
public enum SettlementRules {
    public static func checkAgreed(_ agreed: Int64?, claimed: Int64) -> FieldIssue? {
        guard let agreed else { return FieldIssue(field: "agreedFen", key: "error.required") }
        return agreed < 0 ? FieldIssue(field: "agreedFen", key: "error.amount.positive") : nil
    }

    public static func checkPayment(_ amount: Int64?, recovered: Int64, agreed: Int64) -> FieldIssue? {
        guard let amount else { return FieldIssue(field: "amountFen", key: "error.required") }
        guard amount > 0 else { return FieldIssue(field: "amountFen", key: "error.amount.positive") }
        guard recovered + amount <= agreed else {
            return FieldIssue(field: "amountFen", key: "error.dispute.aboveAgreed", arguments: [Fen(agreed - recovered).description])
        }
        return nil
    }
}

/// Service stations (职工服务站点) and what they offer.
public enum StationKind: String, CaseIterable, Codable, Sendable {
    /// 司机之家
    case driversHome
    /// 职工驿站 / 户外劳动者服务站
    case workerStation
    /// 法律援助站
    case legalAid
}

public enum Facility: String, CaseIterable, Codable, Sendable {
    case showers, restRooms, legalDesk, meals, laundry, charging, medicalKit
}

/// Service events: free health checks, 夏送清凉, 冬送温暖, legal advice.
public enum ServiceEventKind: String, CaseIterable, Codable, Sendable {
    case healthCheck, summerCooling, winterWarmth, legalAdvice, other
}
