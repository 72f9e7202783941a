import Foundation

/// A technical problem an employer or farm raises: raised → matched (to a craftsman or studio) →
/// solved | closed. A raised problem may also be closed unmatched.
public enum TechProblemStatus: String, CaseIterable, Codable, Sendable {
    case raised, matched, solved, closed

    public var isOpen: Bool { self == .raised || self == .matched }
}

public enum TechProblemStep: String, CaseIterable, Codable, Sendable {
    case match, solve, close

    static let transitions: [TechProblemStep: (from: Set<TechProblemStatus>, to: TechProblemStatus)] = [
        .match: ([.raised, .matched], .matched),
        .solve: ([.matched], .solved),
        .close: ([.raised, .matched], .closed),
    ]

    public func apply(to status: TechProblemStatus) -> Result<TechProblemStatus, FieldIssue> {
        guard let rule = Self.transitions[self], rule.from.contains(status) else {
            return .failure(FieldIssue(field: "status", key: "error.workflow.step"))
        }
        return .success(rule.to)
    }
}
