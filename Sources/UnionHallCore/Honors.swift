import Foundation

/// 荣誉称号: the titles a member may hold. Raw values are the API's wire values.
public enum HonorTitle: String, CaseIterable, Codable, Sendable {
    /// 劳动模范
    case modelWorker
    /// 五一劳动奖章
    case mayDayMedal
    /// 大国工匠
    case greatCraftsman
    /// 陇原工匠 (Gansu's provincial craftsman)
    case longyuanCraftsman
    /// 市级工匠 (e.g. 金昌工匠)
    case cityCraftsman
    /// 技能大师
    case skillMaster
    /// 技术能手
    case technicalExpert
    /// 技术标兵
    case technicalPacesetter
    /// 优秀选手
    case outstandingContestant

    /// The one level a title is awarded at, where the title itself says it.
    public var fixedLevel: HonorLevel? {
        switch self {
        case .greatCraftsman: .national
        case .longyuanCraftsman: .provincial
        case .cityCraftsman: .city
        default: nil
        }
    }

    /// 劳模 and 工匠: the titles the model-worker and craftsman roster is made of.
    public var isModelWorkerOrCraftsman: Bool {
        switch self {
        case .modelWorker, .mayDayMedal, .greatCraftsman, .longyuanCraftsman, .cityCraftsman, .skillMaster: true
        case .technicalExpert, .technicalPacesetter, .outstandingContestant: false
        }
    }
}

public enum HonorLevel: String, CaseIterable, Codable, Sendable {
    case national, provincial, city, county
}

/// An honor's fields as typed, checked together. `currentYear` comes from the caller's clock.
public struct HonorDraft: Sendable {
    public var title: HonorTitle?
    public var level: HonorLevel?
    public var year: Int?
    public var awardingBody: String

    public init(title: HonorTitle?, level: HonorLevel?, year: Int?, awardingBody: String) {
        self.title = title
        self.level = level
        self.year = year
        self.awardingBody = awardingBody
    }

    /// The first year a title could have been awarded: the national model-worker honours began in 1950.
    public static let earliestYear = 1950
    public static let maxBodyLength = 60

    public struct Valid: Sendable {
        public let title: HonorTitle
        public let level: HonorLevel
        public let year: Int
        public let awardingBody: String
    }

    public func validate(currentYear: Int) -> Result<Valid, FieldIssue> {
        guard let title else { return .failure(FieldIssue(field: "title", key: "error.required")) }
        guard let level = level ?? title.fixedLevel else { return .failure(FieldIssue(field: "level", key: "error.required")) }
        if let fixed = title.fixedLevel, fixed != level {
            return .failure(FieldIssue(field: "level", key: "error.honor.levelForTitle"))
        }
        guard let year else { return .failure(FieldIssue(field: "year", key: "error.required")) }
        guard (Self.earliestYear...currentYear).contains(year) else {
            return .failure(
                FieldIssue(field: "year", key: "error.honor.year", arguments: [String(Self.earliestYear), String(currentYear)]))
        }
        let body = awardingBody.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !body.isEmpty else { return .failure(FieldIssue(field: "awardingBody", key: "error.required")) }
        guard body.count <= Self.maxBodyLength else {
            return .failure(FieldIssue(field: "awardingBody", key: "error.tooLong", arguments: [String(Self.maxBodyLength)]))
        }
        return .success(Valid(title: title, level: level, year: year, awardingBody: body))
    }
}
