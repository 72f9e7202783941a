import Foundation
import Vapor

/// The UI's languages. Simplified Chinese is the default; English is chosen by a remembered cookie.
package enum UILanguage: String, CaseIterable, Sendable {
    case zhHans = "zh-Hans"
    case en

    package static let cookieName = "uh_lang"
}

/// Message catalogues loaded from `Resources/Localization/<language>.json` at start-up.
package struct Localizer: Sendable {
    private let catalogues: [UILanguage: [String: String]]

    package init(directory: String) throws {
        var catalogues: [UILanguage: [String: String]] = [:]
        for language in UILanguage.allCases {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("\(language.rawValue).json")
            let data = try Data(contentsOf: url)
            catalogues[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        self.catalogues = catalogues
    }

    /// `{0}`, `{1}` … in the message are replaced by the arguments. A missing key shows itself,
    /// which a test catches, rather than an empty string a user would not notice.
    package func text(_ key: String, _ language: UILanguage, _ arguments: [String] = []) -> String {
        var message = catalogues[language]?[key] ?? catalogues[.zhHans]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            message = message.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return message
    }

    package func keys(_ language: UILanguage) -> Set<String> { Set(catalogues[language]?.keys ?? [:].keys) }
}

extension Application {
    private struct LocalizerKey: StorageKey { typealias Value = Localizer }

    package var localizer: Localizer {
        get {
            guard let localizer = storage[LocalizerKey.self] else { fatalError("Localizer not configured: call configure(_:) first") }
            return localizer
        }
        set { storage[LocalizerKey.self] = newValue }
    }
}

extension Request {
    /// The remembered choice wins. Pages are Chinese until someone switches; an API client that
    /// asks for English (Accept-Language) gets its messages in English.
    package var language: UILanguage {
        if let cookie = cookies[UILanguage.cookieName]?.string, let language = UILanguage(rawValue: cookie) {
            return language
        }
        guard isAPI else { return .zhHans }
        let accept = headers.first(name: .acceptLanguage)?.lowercased() ?? ""
        return accept.hasPrefix("en") ? .en : .zhHans
    }

    package func t(_ key: String, _ arguments: [String] = []) -> String {
        application.localizer.text(key, language, arguments)
    }
}
