import Fluent
import UnionHallCore
import Vapor

/// Records an officer names in a form or body (a member, an employer, a studio): they must exist,
/// not be deleted, and be in the officer's subtree; otherwise a 422 on the field that named them.
/// Each feature adds the names of its own records (`Held.member`, `Held.studio` …).
package enum Held {
    /// A record named by id: in the officer's subtree and not deleted, or a 422 on the field.
    package static func record<R: UnitOwnedRecord>(
        _ type: R.Type, _ id: UUID, field: String, refusal: String, scope: UnitScope, on db: any Database
    ) async throws -> R {
        guard let row = try await R.find(id, on: db), row.deletedAt == nil, scope.contains(row.unitID) else {
            throw AppError.invalid(field, refusal)
        }
        return row
    }

    /// The unit a new record goes to: the one named, if held, or the user's own. An admin without a
    /// unit names it, unless the tree has a single root; a record never lands in a tree by chance.
    package static func unit(_ id: UUID?, context: WriteContext) throws -> UUID {
        if let id {
            guard context.scope.contains(id), context.scope.tree.nodes[id] != nil else {
                throw AppError.invalid("unitId", "error.unit.notHeld")
            }
            return id
        }
        if let own = context.user.unitID { return own }
        let roots = context.scope.tree.nodes.values.filter { $0.parentID == nil }
        guard roots.count == 1, let root = roots.first else { throw AppError.invalid("unitId", "error.required") }
        return root.id
    }

    package static func text(_ value: String?, field: String, required: Bool = true, max: Int = 200) throws -> String {
        let text = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required, text.isEmpty { throw AppError.invalid(field, "error.required") }
        guard text.count <= max else { throw AppError.invalid(field, "error.tooLong", [String(max)]) }
        return text
    }

    package static func date(_ value: String?, field: String) throws -> CivilDate {
        let text = (value ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw AppError.invalid(field, "error.required") }
        guard let date = CivilDate(text) else { throw AppError.invalid(field, "error.date.invalid") }
        return date
    }
}
