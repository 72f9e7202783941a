import Foundation

/// 职称: a member's professional title, from 初级 to 正高级. "59 members promoted to senior titles"
/// counts the changes that reach 副高级 or 正高级 from below.
public enum ProfessionalTitle: String, CaseIterable, Codable, Sendable {
    case junior, intermediate, associateSenior, senior

    public var isSenior: Bool { self == .associateSenior || self == .senior }

    /// A change that reaches a senior title from below it (or from none).
    public static func promotesToSenior(from: ProfessionalTitle?, to: ProfessionalTitle?) -> Bool {
        (to?.isSenior ?? false) && !(from?.isSenior ?? false)
    }
}

/// A member's post (岗位) as the articles name it: 安全监督员, 班组长 ….
public enum MemberPost {
    public static let maxLength = 30

    /// Trimmed; empty clears; too long is refused.
    public static func check(_ text: String) -> Result<String?, FieldIssue> {
        let post = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard post.count <= maxLength else {
            return .failure(FieldIssue(field: "post", key: "error.tooLong", arguments: [String(maxLength)]))
        }
        return .success(post.isEmpty ? nil : post)
    }
}
