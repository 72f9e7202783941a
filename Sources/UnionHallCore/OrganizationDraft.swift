import Foundation

/// An organization's fields as typed: employers must carry a valid Unified Social Credit Code.
public struct OrganizationDraft: Sendable {
    public var name: String
    public var kind: OrganizationKind
    public var creditCode: String?

    public init(name: String, kind: OrganizationKind, creditCode: String?) {
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
    }

    public static let maxNameLength = 100

    public func validate() -> Result<(name: String, creditCode: CreditCode?), FieldIssue> {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(FieldIssue(field: "name", key: "error.required")) }
        guard name.count <= Self.maxNameLength else {
            return .failure(FieldIssue(field: "name", key: "error.tooLong", arguments: [String(Self.maxNameLength)]))
        }
        let code = creditCode?.trimmingCharacters(in: .whitespaces) ?? ""
        if code.isEmpty {
            return kind.requiresCreditCode ? .failure(FieldIssue(field: "creditCode", key: "error.required")) : .success((name, nil))
        }
        switch CreditCode.parse(code) {
        case .success(let parsed): return .success((name, parsed))
        case .failure(let problem): return .failure(FieldIssue(field: "creditCode", key: "error.creditCode.\(problem.rawValue)"))
        }
    }
}

/// A union unit's name and place in the tree.
public enum UnitRules {
    public static let maxNameLength = 60

    public static func validateName(_ raw: String) -> Result<String, FieldIssue> {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(FieldIssue(field: "name", key: "error.required")) }
        guard name.count <= maxNameLength else {
            return .failure(FieldIssue(field: "name", key: "error.tooLong", arguments: [String(maxNameLength)]))
        }
        return .success(name)
    }

    /// A unit may only be placed under a parent whose kind may contain it, and never under itself
    /// or its own descendants. `ancestors` lists the proposed parent's chain up to the root.
    public static func checkPlacement(kind: UnitKind, parentKind: UnitKind?, unitID: String?, parentAncestry: [String]) -> FieldIssue? {
        guard let parentKind else {
            return kind == .city ? nil : FieldIssue(field: "parentId", key: "error.unit.parentRequired")
        }
        if let unitID, parentAncestry.contains(unitID) {
            return FieldIssue(field: "parentId", key: "error.unit.cycle")
        }
        return parentKind.mayContain(kind) ? nil : FieldIssue(field: "kind", key: "error.unit.kindUnderParent")
    }
}
