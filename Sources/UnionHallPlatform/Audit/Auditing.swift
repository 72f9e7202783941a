import Fluent
import Foundation
import Vapor

/// A record that can be written to the audit log: its name and a masked snapshot.
package protocol Audited: Model where IDValue == UUID {
    static var auditEntity: String { get }
    var auditUnitID: UUID? { get }
    /// The fields as an officer would read them, personal data masked.
    func auditSnapshot() -> [String: String]
}

/// Who is acting, captured from the request before entering a write transaction.
package struct Editor: Sendable {
    package let id: UUID?
    package let name: String
    package let at: Date

    package static let system = Editor(id: nil, name: "system", at: Date())

    package init(id: UUID? = nil, name: String, at: Date) {
        self.id = id
        self.name = name
        self.at = at
    }
}

extension Request {
    package func editor() throws -> Editor {
        let user = try requireUser()
        return Editor(id: user.id, name: user.username, at: now)
    }
}

package enum Audit {
    /// Fields of other records' entries that are aid data (a member's hardship flag).
    package static let aidFields: Set<String> = ["hardship"]

    /// A list's query as an export's entry keeps it: the filters, but not the text searched for,
    /// which may be a person's name or ID number.
    package static func withoutSearchText(_ query: String?) -> String {
        (query ?? "").split(separator: "&").map { $0.hasPrefix("q=") ? "q=…" : String($0) }.joined(separator: "&")
    }

    /// Writes one entry inside the caller's transaction, so the change and its record land together.
    package static func record<M: Audited>(
        _ action: AuditEntry.Action, _ model: M, before: [String: String]? = nil, by editor: Editor, on db: any Database
    ) async throws {
        let recordsState = ![.delete, .reveal, .login, .logout].contains(action)
        let after: [String: String]? = recordsState ? model.auditSnapshot() : nil
        let entry = AuditEntry(
            at: editor.at, actorID: editor.id, actorName: editor.name, unitID: model.auditUnitID,
            entity: M.auditEntity, entityID: model.id, action: action,
            before: before.map(encode), after: after.map(encode))
        try await entry.create(on: db)
    }

    /// An entry for a change to a record's parts (a place taken, a sheet submitted) rather than its own fields.
    package static func record<M: Audited>(
        _ action: AuditEntry.Action, _ model: M, before: [String: String]?, after: [String: String], by editor: Editor, on db: any Database
    ) async throws {
        let entry = AuditEntry(
            at: editor.at, actorID: editor.id, actorName: editor.name, unitID: model.auditUnitID,
            entity: M.auditEntity, entityID: model.id, action: action, before: before.map(encode), after: encode(after))
        try await entry.create(on: db)
    }

    package static func encode(_ snapshot: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(snapshot)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    package static func decode(_ text: String?) -> [String: String] {
        guard let data = text?.data(using: .utf8) else { return [:] }
        return (try? JSONDecoder().decode([String: String].self, from: data)) ?? [:]
    }
}
