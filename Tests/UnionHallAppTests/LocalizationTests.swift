import Foundation
import Testing
@testable import UnionHallApp
import UnionHallCore

/// Every message the UI can show exists in both languages: a missing key would show itself raw.
@Suite struct LocalizationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func catalogue(_ language: String) throws -> [String: String] {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Resources/Localization/\(language).json"))
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    func files(under folder: String, ending: String) throws -> [String] {
        let base = Self.root.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        return try (enumerator?.allObjects as? [URL] ?? []).filter { $0.path.hasSuffix(ending) }.map { try String(contentsOf: $0, encoding: .utf8) }
    }

    /// Quoted keys that look like catalogue keys: `"error.idNumber.checksum"`, `#t("nav.home")`.
    func keys(in text: String, prefixes: [String]) -> Set<String> {
        var found: Set<String> = []
        let pattern = try! NSRegularExpression(pattern: "\"((?:\(prefixes.joined(separator: "|")))\\.[A-Za-z0-9.\\-]+)\"")
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
        }
        return found
    }

    @Test func bothLanguagesHaveTheSameKeys() throws {
        let zh = try catalogue("zh-Hans")
        let en = try catalogue("en")
        #expect(Set(zh.keys) == Set(en.keys))
        #expect(zh.values.allSatisfy { !$0.isEmpty })
    }

    @Test func everyKeyUsedExists() throws {
        let zh = try catalogue("zh-Hans")
        let prefixes = ["error", "nav", "home", "login", "members", "organizations", "units", "users", "audit", "field", "action", "entity", "filter",
                        "notice", "pager", "history", "record", "confirm", "form", "member", "sort", "app", "honors", "value", "me", "mentorship", "studios", "outreach", "techProblems",
                        "innovation", "reviews", "patents", "export", "innovationKind", "fiveSmall", "innovationStatus", "awardLevel", "awardGrade", "patentKind", "innovationItemField", "patentField",
                        "training", "partnership", "certification", "competition", "judging", "career", "certificate", "myCompetitions", "trainingKind",
                        "enrolmentStatus", "partnershipKind", "participationKind", "eventKind", "itemKind", "eventStatus", "eventStep", "objectionStatus",
                        "competitionAward", "teamPrize", "dispute", "disputeChannel", "disputeType", "disputeStatus", "disputeStep", "disputeEvent", "service", "stationKind", "facility", "serviceEventKind", "safety", "hazard", "hazardSeverity", "hazardStatus", "hazardStep",
                        "aid", "hardship", "hardshipLevel", "hardshipStatus", "hardshipStep", "schoolStage", "aidStatus", "aidStep", "aidEvent"]
        var used: Set<String> = []
        for text in try files(under: "Resources/Views", ending: ".leaf") + files(under: "Sources", ending: ".swift") {
            used.formUnion(keys(in: text, prefixes: prefixes))
        }
        #expect(used.count > 100)
        let missing = used.subtracting(zh.keys)
        #expect(missing.isEmpty, "missing: \(missing.sorted())")
    }

    @Test func everyVocabularyValueHasAName() throws {
        let zh = try catalogue("zh-Hans")
        var keys = Role.allCases.map { "role.\($0.rawValue)" } + Gender.allCases.map { "gender.\($0.rawValue)" }
        keys += UnitKind.allCases.map { "unitKind.\($0.rawValue)" } + OrganizationKind.allCases.map { "orgKind.\($0.rawValue)" }
        keys += SkillLevel.allCases.map { "skill.\($0.rawValue)" } + AuditEntry.Action.allCases.map { "action.\($0.rawValue)" }
        keys += ["member", "organization", "unit", "user", "honor"].map { "entity.\($0)" }
        keys += StudioKind.allCases.map { "studioKind.\($0.rawValue)" } + StudioResultKind.allCases.map { "studioResult.\($0.rawValue)" }
        keys += MentorshipStatus.allCases.map { "mentorshipStatus.\($0.rawValue)" } + MentorshipStep.allCases.map { "mentorshipStep.\($0.rawValue)" }
        keys += OutreachKind.allCases.map { "outreachKind.\($0.rawValue)" } + OutreachStatus.allCases.map { "outreachStatus.\($0.rawValue)" }
        keys += TechProblemStatus.allCases.map { "techProblemStatus.\($0.rawValue)" } + TechProblemStep.allCases.map { "techProblemStep.\($0.rawValue)" }
        keys += OutreachStep.allCases.map { "outreachStep.\($0.rawValue)" }
        keys += ["mentorship", "studio", "studioMember", "studioResult", "outreach"].map { "entity.\($0)" }
        keys += HonorTitle.allCases.map { "honorTitle.\($0.rawValue)" } + HonorLevel.allCases.map { "honorLevel.\($0.rawValue)" }
        keys += Pages.notices.map { "notice.\($0)" }
        keys += InnovationKind.allCases.map { "innovationKind.\($0.rawValue)" } + FiveSmallKind.allCases.map { "fiveSmall.\($0.rawValue)" }
        keys += InnovationStatus.allCases.map { "innovationStatus.\($0.rawValue)" } + InnovationStep.allCases.map { "innovationStep.\($0.rawValue)" }
        keys += InnovationAwardLevel.allCases.map { "awardLevel.\($0.rawValue)" } + InnovationAwardGrade.allCases.map { "awardGrade.\($0.rawValue)" }
        keys += PatentKind.allCases.map { "patentKind.\($0.rawValue)" } + ["submittedDate", "seconds", "reviewScore", "benefit"].map { "innovation.sort.\($0)" }
        keys += ["innovationItem", "innovationReview", "innovationWeights", "innovationAttachment", "innovationAward", "innovationBudget", "subsidyGrant", "patent"].map { "entity.\($0)" }
        keys += TrainingKind.allCases.map { "trainingKind.\($0.rawValue)" } + EnrolmentStatus.allCases.map { "enrolmentStatus.\($0.rawValue)" }
        keys += PartnershipKind.allCases.map { "partnershipKind.\($0.rawValue)" } + ParticipationKind.allCases.map { "participationKind.\($0.rawValue)" }
        keys += EventKind.allCases.map { "eventKind.\($0.rawValue)" } + ItemKind.allCases.map { "itemKind.\($0.rawValue)" }
        keys += EventStatus.allCases.map { "eventStatus.\($0.rawValue)" } + EventStep.allCases.map { "eventStep.\($0.rawValue)" }
        keys += ObjectionStatus.allCases.map { "objectionStatus.\($0.rawValue)" } + CompetitionAward.allCases.map { "competitionAward.\($0.rawValue)" }
        keys += TeamPrize.allCases.map { "teamPrize.\($0.rawValue)" }
        keys += DisputeChannel.allCases.map { "disputeChannel.\($0.rawValue)" } + DisputeType.allCases.map { "disputeType.\($0.rawValue)" }
        keys += DisputeStatus.allCases.map { "disputeStatus.\($0.rawValue)" } + DisputeStep.allCases.map { "disputeStep.\($0.rawValue)" }
        keys += (DisputeStatus.allCases.map(\.rawValue) + ["extended", "paid", "confirmed"]).map { "disputeEvent.\($0)" } + ["entity.dispute"]
        keys += StationKind.allCases.map { "stationKind.\($0.rawValue)" } + Facility.allCases.map { "facility.\($0.rawValue)" }
        keys += ServiceEventKind.allCases.map { "serviceEventKind.\($0.rawValue)" } + ["entity.serviceStation", "entity.serviceEvent"]
        keys += HazardSeverity.allCases.map { "hazardSeverity.\($0.rawValue)" } + HazardStatus.allCases.map { "hazardStatus.\($0.rawValue)" }
        keys += HazardStep.allCases.map { "hazardStep.\($0.rawValue)" } + ["entity.hazard", "entity.safetyCampaign", "entity.accidentRecord"]
        keys += HardshipLevel.allCases.map { "hardshipLevel.\($0.rawValue)" } + HardshipStatus.allCases.map { "hardshipStatus.\($0.rawValue)" }
        keys += HardshipStep.allCases.map { "hardshipStep.\($0.rawValue)" } + SchoolStage.allCases.map { "schoolStage.\($0.rawValue)" }
        keys += AidStatus.allCases.map { "aidStatus.\($0.rawValue)" } + AidStep.allCases.map { "aidStep.\($0.rawValue)" }
        keys += (AidStatus.allCases.map(\.rawValue) + HardshipStep.allCases.map(\.rawValue) + ["opened", "edited"]).map { "aidEvent.\($0)" }
        keys += (0...2).map { "error.aid.level\($0)" } + ["entity.hardshipFile", "entity.aidProgram", "entity.aidApplication"]
        keys += ["training", "partnership", "certification", "participation", "externalResult", "competition", "competitionEvent"].map { "entity.\($0)" }
        for issueKey in ["length", "characters", "birthDate", "checksum"] { keys.append("error.idNumber.\(issueKey)") }
        for issueKey in ["length", "characters", "checksum"] { keys.append("error.creditCode.\(issueKey)") }
        let missing = keys.filter { zh[$0] == nil }
        #expect(missing.isEmpty, "missing: \(missing)")
    }
}
