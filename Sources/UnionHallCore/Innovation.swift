import Foundation

/// 职工技术创新: what a worker can put forward.
public enum InnovationKind: String, CaseIterable, Codable, Sendable {
    /// 合理化建议
    case proposal
    /// 技术革新
    case technicalInnovation
    /// 发明创造
    case invention
    /// 五小 (小发明、小创造、小革新、小设计、小建议)
    case fiveSmall
    /// 先进操作法
    case advancedMethod
    /// 技术成果
    case achievement

    /// The names a spreadsheet uses for the kind, in Chinese as the unions write them.
    public static let names: [String: InnovationKind] = [
        "合理化建议": .proposal, "技术革新": .technicalInnovation, "发明创造": .invention,
        "五小": .fiveSmall, "五小活动": .fiveSmall, "先进操作法": .advancedMethod, "技术成果": .achievement, "创新成果": .achievement,
    ]

    /// A kind from its code (`proposal`) or its Chinese name (合理化建议).
    public init?(text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let kind = InnovationKind(rawValue: text) ?? Self.names[text] { self = kind } else { return nil }
    }
}

/// The five kinds of 五小.
public enum FiveSmallKind: String, CaseIterable, Codable, Sendable {
    case smallInvention, smallCreation, smallInnovation, smallDesign, smallSuggestion

    public static let names: [String: FiveSmallKind] = [
        "小发明": .smallInvention, "小创造": .smallCreation, "小革新": .smallInnovation, "小设计": .smallDesign, "小建议": .smallSuggestion,
    ]

    public init?(text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let kind = FiveSmallKind(rawValue: text) ?? Self.names[text] { self = kind } else { return nil }
    }
}

/// submitted → under review → adopted | rejected; adopted → implemented → benefit assessed → awarded.
public enum InnovationStatus: String, CaseIterable, Codable, Sendable {
    case submitted, underReview, adopted, rejected, implemented, assessed, awarded

    /// Adopted, or further along: what subsidies and awards are paid against.
    public var isAdopted: Bool { [.adopted, .implemented, .assessed, .awarded].contains(self) }
}

public enum InnovationStep: String, CaseIterable, Codable, Sendable {
    case review, adopt, reject, implement, assess, award

    static let transitions: [InnovationStep: (from: Set<InnovationStatus>, to: InnovationStatus)] = [
        .review: ([.submitted], .underReview),
        .adopt: ([.underReview], .adopted),
        .reject: ([.submitted, .underReview], .rejected),
        .implement: ([.adopted], .implemented),
        .assess: ([.implemented], .assessed),
        // An item may win at several levels (a city prize, then the province's).
        .award: ([.adopted, .implemented, .assessed, .awarded], .awarded),
    ]

    public func apply(to status: InnovationStatus) -> Result<InnovationStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from.contains(status) else {
            if self == .award { return .failure(FieldIssue(field: "status", key: "error.innovation.awardBeforeAdoption")) }
            return .failure(FieldIssue(field: "status", key: "error.workflow.step"))
        }
        return .success(rule.to)
    }
}

/// The level of an innovation award.
public enum InnovationAwardLevel: String, CaseIterable, Codable, Sendable {
    case city, provincial, national, international
}

/// First/second/third at home; gold/silver/bronze at international invention shows.
public enum InnovationAwardGrade: String, CaseIterable, Codable, Sendable {
    case first, second, third, gold, silver, bronze

    public var isMedal: Bool { self == .gold || self == .silver || self == .bronze }
}

public enum InnovationAwardRules {
    public static func check(level: InnovationAwardLevel?, grade: InnovationAwardGrade?, year: Int?, currentYear: Int) -> FieldIssue? {
        guard let level else { return FieldIssue(field: "level", key: "error.required") }
        guard let grade else { return FieldIssue(field: "grade", key: "error.required") }
        if (level == .international) != grade.isMedal { return FieldIssue(field: "grade", key: "error.innovation.gradeForLevel") }
        guard let year else { return FieldIssue(field: "year", key: "error.required") }
        guard (HonorDraft.earliestYear...currentYear).contains(year) else {
            return FieldIssue(field: "year", key: "error.honor.year", arguments: [String(HonorDraft.earliestYear), String(currentYear)])
        }
        return nil
    }
}

/// An item's fields as typed by a worker, an officer or a spreadsheet row.
public struct InnovationDraft: Sendable {
    public var kind: String
    public var subKind: String
    public var title: String
    public var problem: String
    public var proposal: String
    public var expectedBenefit: String
    public var submittedDate: String

    public init(
        kind: String, subKind: String = "", title: String, problem: String, proposal: String, expectedBenefit: String = "",
        submittedDate: String = ""
    ) {
        self.kind = kind
        self.subKind = subKind
        self.title = title
        self.problem = problem
        self.proposal = proposal
        self.expectedBenefit = expectedBenefit
        self.submittedDate = submittedDate
    }

    public static let maxTitleLength = 100
    public static let maxTextLength = 4_000

    public struct Valid: Sendable {
        public let kind: InnovationKind
        public let subKind: FiveSmallKind?
        public let title: String
        public let problem: String
        public let proposal: String
        public let expectedBenefitFen: Int64
        public let submittedDate: CivilDate
    }

    /// `today` fills an empty date and bounds a typed one: an item is not submitted in the future.
    public func validate(today: CivilDate) -> Result<Valid, FieldIssue> {
        guard !kind.trimmingCharacters(in: .whitespaces).isEmpty else { return .failure(FieldIssue(field: "kind", key: "error.required")) }
        guard let kind = InnovationKind(text: kind) else { return .failure(FieldIssue(field: "kind", key: "error.innovation.kind")) }
        var sub: FiveSmallKind?
        let subText = subKind.trimmingCharacters(in: .whitespaces)
        if kind == .fiveSmall {
            guard !subText.isEmpty else { return .failure(FieldIssue(field: "subKind", key: "error.required")) }
            guard let parsed = FiveSmallKind(text: subText) else {
                return .failure(FieldIssue(field: "subKind", key: "error.innovation.subKind"))
            }
            sub = parsed
        } else if !subText.isEmpty {
            return .failure(FieldIssue(field: "subKind", key: "error.innovation.subKindOnlyFiveSmall"))
        }
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { return .failure(FieldIssue(field: "title", key: "error.required")) }
        guard title.count <= Self.maxTitleLength else {
            return .failure(FieldIssue(field: "title", key: "error.tooLong", arguments: [String(Self.maxTitleLength)]))
        }
        let problem = problem.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !problem.isEmpty else { return .failure(FieldIssue(field: "problem", key: "error.required")) }
        guard problem.count <= Self.maxTextLength else {
            return .failure(FieldIssue(field: "problem", key: "error.tooLong", arguments: [String(Self.maxTextLength)]))
        }
        let proposal = proposal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !proposal.isEmpty else { return .failure(FieldIssue(field: "proposal", key: "error.required")) }
        guard proposal.count <= Self.maxTextLength else {
            return .failure(FieldIssue(field: "proposal", key: "error.tooLong", arguments: [String(Self.maxTextLength)]))
        }
        var benefit: Int64 = 0
        let benefitText = expectedBenefit.trimmingCharacters(in: .whitespaces)
        if !benefitText.isEmpty {
            guard let fen = Fen.parse(yuan: benefitText) else {
                return .failure(FieldIssue(field: "expectedBenefitFen", key: "error.amount.invalid"))
            }
            guard fen.value >= 0 else { return .failure(FieldIssue(field: "expectedBenefitFen", key: "error.amount.positive")) }
            benefit = fen.value
        }
        var date = today
        let dateText = submittedDate.trimmingCharacters(in: .whitespaces)
        if !dateText.isEmpty {
            guard let parsed = CivilDate(dateText) else { return .failure(FieldIssue(field: "submittedDate", key: "error.date.invalid")) }
            guard parsed <= today else { return .failure(FieldIssue(field: "submittedDate", key: "error.date.future")) }
            date = parsed
        }
        return .success(
            Valid(
                kind: kind, subKind: sub, title: title, problem: problem, proposal: proposal, expectedBenefitFen: benefit,
                submittedDate: date))
    }
}

/// What a reviewer scores, each from 0 to 100.
public enum ReviewCriterion: String, CaseIterable, Codable, Sendable {
    case innovation, feasibility, benefit
}

/// The weight of each criterion for one kind of item, in percent; they add up to 100.
public struct ScoreWeights: Equatable, Codable, Sendable {
    public var innovation: Int
    public var feasibility: Int
    public var benefit: Int

    public init(innovation: Int, feasibility: Int, benefit: Int) {
        self.innovation = innovation
        self.feasibility = feasibility
        self.benefit = benefit
    }

    /// Until an admin sets them: proposals are judged on feasibility first, inventions on novelty,
    /// methods and achievements on what they bring.
    public static func standard(for kind: InnovationKind) -> ScoreWeights {
        switch kind {
        case .proposal: ScoreWeights(innovation: 30, feasibility: 40, benefit: 30)
        case .invention: ScoreWeights(innovation: 50, feasibility: 25, benefit: 25)
        case .advancedMethod, .achievement: ScoreWeights(innovation: 30, feasibility: 30, benefit: 40)
        case .technicalInnovation, .fiveSmall: ScoreWeights(innovation: 40, feasibility: 30, benefit: 30)
        }
    }

    public func check() -> FieldIssue? {
        for (field, weight) in [("innovation", innovation), ("feasibility", feasibility), ("benefit", benefit)]
        where !(0...100).contains(weight) {
            return FieldIssue(field: field, key: "error.range", arguments: ["0", "100"])
        }
        return innovation + feasibility + benefit == 100 ? nil : FieldIssue(field: "benefit", key: "error.innovation.weightsSum")
    }
}

public struct ReviewScores: Equatable, Codable, Sendable {
    public var innovation: Int
    public var feasibility: Int
    public var benefit: Int

    public init(innovation: Int, feasibility: Int, benefit: Int) {
        self.innovation = innovation
        self.feasibility = feasibility
        self.benefit = benefit
    }

    public static let range = 0...100

    /// Each score is present and within 0…100.
    public static func check(innovation: Int?, feasibility: Int?, benefit: Int?) -> Result<ReviewScores, FieldIssue> {
        var values: [Int] = []
        for (field, score) in [("innovation", innovation), ("feasibility", feasibility), ("benefit", benefit)] {
            guard let score else { return .failure(FieldIssue(field: field, key: "error.required")) }
            guard range.contains(score) else { return .failure(FieldIssue(field: field, key: "error.range", arguments: ["0", "100"])) }
            values.append(score)
        }
        return .success(ReviewScores(innovation: values[0], feasibility: values[1], benefit: values[2]))
    }

    /// The weighted score in hundredths of a point (8,450 = 84.50): integers, so sums stay exact.
    public func weighted(by weights: ScoreWeights) -> Int {
        innovation * weights.innovation + feasibility * weights.feasibility + benefit * weights.benefit
    }
}

/// Who may not review an item.
public enum ReviewConflict {
    /// `reviewerMember` is the member record behind the reviewer's account, if any; `authors` the
    /// item's authors; `teamOf` gives a member's team (班组), if they are in one.
    public static func check(reviewerMember: UUID?, reviewerTeam: UUID?, authors: [UUID], authorTeams: [UUID], itemTeam: UUID?)
        -> FieldIssue?
    {
        guard let reviewerMember else { return nil }
        if authors.contains(reviewerMember) { return FieldIssue(field: "reviewerIds", key: "error.innovation.reviewerIsAuthor") }
        if let reviewerTeam, authorTeams.contains(reviewerTeam) || itemTeam == reviewerTeam {
            return FieldIssue(field: "reviewerIds", key: "error.innovation.reviewerSameTeam")
        }
        return nil
    }
}

/// Innovation subsidy grants (创新补助资金) within a yearly budget.
public enum SubsidyRules {
    public static func check(amountFen: Int64?, spentFen: Int64, budgetFen: Int64, status: InnovationStatus) -> FieldIssue? {
        guard status.isAdopted else { return FieldIssue(field: "status", key: "error.innovation.subsidyBeforeAdoption") }
        guard let amountFen else { return FieldIssue(field: "amountFen", key: "error.required") }
        guard amountFen > 0 else { return FieldIssue(field: "amountFen", key: "error.amount.positive") }
        let remaining = budgetFen - spentFen
        guard amountFen <= remaining else {
            return FieldIssue(field: "amountFen", key: "error.innovation.overBudget", arguments: [Fen(max(remaining, 0)).description])
        }
        return nil
    }
}

/// Patents, papers and software copyrights an item or a studio holds.
public enum PatentKind: String, CaseIterable, Codable, Sendable {
    case invention, utilityModel, design, paper, softwareCopyright

    public var isPatent: Bool { self == .invention || self == .utilityModel || self == .design }
}
