import Foundation

/// 工作室 and 创新型班组.
public enum StudioKind: String, CaseIterable, Codable, Sendable {
    /// 劳模创新工作室
    case modelWorkerStudio
    /// 技能大师工作室
    case skillMasterStudio
    /// 工匠创新工作室
    case craftsmanStudio
    /// 创新型班组
    case innovativeTeam
    /// 校企协同创新工作室 (a college and an employer together)
    case schoolEnterpriseStudio
    /// 科技创新教学室 (named by 中国职工技术协会)
    case techInnovationClassroom
}

/// What a studio has to show for itself. Counted kinds add up `quantity`; money kinds add up
/// `amountFen` (benefit is yuan saved or earned per year); a measured benefit (energy down 12%,
/// 12,000 tonnes of standard coal a year) is a quantity in its own unit against a baseline, and
/// its figure counts the lines, since quantities in different units do not add up.
public enum StudioResultKind: String, CaseIterable, Codable, Sendable {
    case nationalProject, provincialAchievement, inventionPatent, utilityModelPatent, award, paper, softwareCopyright
    /// `membersPromoted` is counted from the team's title changes (`ProfessionalTitle`), not typed.
    case innovationProject, backboneTrained, membersPromoted
    /// 国家级标杆案例, an enterprise listed in a directory (5G全链接工厂示范名录), a registered
    /// scientific achievement (科技成果登记), and a nomination still pending (冲刺科技进步奖).
    case nationalBenchmarkCase, enterpriseListing, registeredAchievement, nominationPending
    case funding, benefit
    case measuredBenefit

    public var isMoney: Bool { self == .funding || self == .benefit }
    public var isMeasured: Bool { self == .measuredBenefit }
}

/// A studio's fields as typed.
public struct StudioDraft: Sendable {
    public var name: String
    public var kind: StudioKind?
    public var level: HonorLevel?
    public var yearNamed: Int?
    public var namedBy: String

    public init(name: String, kind: StudioKind?, level: HonorLevel?, yearNamed: Int?, namedBy: String) {
        self.name = name
        self.kind = kind
        self.level = level
        self.yearNamed = yearNamed
        self.namedBy = namedBy
    }

    public static let maxNameLength = 60

    public struct Valid: Sendable {
        public let name: String
        public let kind: StudioKind
        public let level: HonorLevel
        public let yearNamed: Int
        public let namedBy: String
    }

    public func validate(currentYear: Int) -> Result<Valid, FieldIssue> {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(FieldIssue(field: "name", key: "error.required")) }
        guard name.count <= Self.maxNameLength else {
            return .failure(FieldIssue(field: "name", key: "error.tooLong", arguments: [String(Self.maxNameLength)]))
        }
        guard let kind else { return .failure(FieldIssue(field: "kind", key: "error.required")) }
        guard let level else { return .failure(FieldIssue(field: "level", key: "error.required")) }
        guard let yearNamed else { return .failure(FieldIssue(field: "yearNamed", key: "error.required")) }
        guard (HonorDraft.earliestYear...currentYear).contains(yearNamed) else {
            return .failure(
                FieldIssue(field: "yearNamed", key: "error.honor.year", arguments: [String(HonorDraft.earliestYear), String(currentYear)]))
        }
        let namedBy = namedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !namedBy.isEmpty else { return .failure(FieldIssue(field: "namedBy", key: "error.required")) }
        return .success(Valid(name: name, kind: kind, level: level, yearNamed: yearNamed, namedBy: namedBy))
    }
}

/// One result line: a count (patents, papers …), an amount in fen (funding, benefit), or a
/// measured benefit: a quantity, its unit and (if given) the baseline it is measured against.
public enum StudioResultRules {
    public static let maxUnitLength = 20
    public static let maxBaselineLength = 100

    public static func check(
        kind: StudioResultKind?, quantity: Int?, amountFen: Int64?, unit: String? = nil, baseline: String? = nil, year: Int?,
        currentYear: Int
    ) -> FieldIssue? {
        guard let kind else { return FieldIssue(field: "kind", key: "error.required") }
        // Counted from the team's title changes, never typed.
        guard kind != .membersPromoted else { return FieldIssue(field: "kind", key: "error.studio.resultCounted") }
        guard let year else { return FieldIssue(field: "year", key: "error.required") }
        guard (HonorDraft.earliestYear...currentYear).contains(year) else {
            return FieldIssue(field: "year", key: "error.honor.year", arguments: [String(HonorDraft.earliestYear), String(currentYear)])
        }
        if kind.isMoney {
            guard let amountFen else { return FieldIssue(field: "amountFen", key: "error.required") }
            guard amountFen > 0 else { return FieldIssue(field: "amountFen", key: "error.amount.positive") }
        } else {
            guard let quantity else { return FieldIssue(field: "quantity", key: "error.required") }
            guard quantity > 0 else { return FieldIssue(field: "quantity", key: "error.amount.positive") }
        }
        let unit = (unit ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if kind.isMeasured {
            guard !unit.isEmpty else { return FieldIssue(field: "unit", key: "error.required") }
            guard unit.count <= maxUnitLength else {
                return FieldIssue(field: "unit", key: "error.tooLong", arguments: [String(maxUnitLength)])
            }
        }
        if (baseline ?? "").count > maxBaselineLength {
            return FieldIssue(field: "baseline", key: "error.tooLong", arguments: [String(maxBaselineLength)])
        }
        return nil
    }
}
