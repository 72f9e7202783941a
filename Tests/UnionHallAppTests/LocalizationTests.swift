import Foundation
import Testing
import UnionHallCore

@testable import UnionHallApp
@testable import UnionHallPlatform

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
        return try (enumerator?.allObjects as? [URL] ?? []).filter { $0.path.hasSuffix(ending) }.map {
            try String(contentsOf: $0, encoding: .utf8)
        }
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
        // Every prefix the catalogue knows, so a key under a new feature's prefix is checked too.
        let prefixes = Set(zh.keys.compactMap { $0.split(separator: ".").first.map(String.init) }).sorted()
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
        // What the features declare (vocabularies, audited kinds, menus) is checked by FeatureTests;
        // these are the names no declaration lists.
        var keys = SkillLevel.allCases.map { "skill.\($0.rawValue)" } + AuditEntry.Action.allCases.map { "action.\($0.rawValue)" }
        keys +=
            Pages.notices.map { "notice.\($0)" } + ["submittedDate", "seconds", "reviewScore", "benefit"].map { "innovation.sort.\($0)" }
        keys += (DisputeStatus.allCases.map(\.rawValue) + ["extended", "paid", "confirmed"]).map { "disputeEvent.\($0)" }
        keys += (AidStatus.allCases.map(\.rawValue) + HardshipStep.allCases.map(\.rawValue) + ["opened", "edited"]).map { "aidEvent.\($0)" }
        keys += (0...2).map { "error.aid.level\($0)" }
        for issueKey in ["length", "characters", "birthDate", "checksum"] { keys.append("error.idNumber.\(issueKey)") }
        for issueKey in ["length", "characters", "checksum"] { keys.append("error.creditCode.\(issueKey)") }
        let missing = keys.filter { zh[$0] == nil }
        #expect(missing.isEmpty, "missing: \(missing)")
    }
}
