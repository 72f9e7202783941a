import Fluent
import Vapor

/// How the records a feature keeps are named where others link to them: a member by their name,
/// an employer by its name. A feature declares the fields that hold such links.
package struct NameSource: Sendable {
    package let fields: Set<String>
    package let names: @Sendable (_ ids: [UUID], _ scope: UnitScope, _ db: any Database) async throws -> [UUID: String]

    /// Names from a table's name column; `unit` hides records outside the reader's scope.
    package static func records<M: Model>(
        _ type: M.Type, fields: Set<String>, name: KeyPath<M, FieldProperty<M, String>>,
        unit: KeyPath<M, FieldProperty<M, UUID>>? = nil
    ) -> NameSource where M.IDValue == UUID {
        NameSource(fields: fields) { ids, scope, db in
            var names: [UUID: String] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                for row in try await M.query(on: db).filter(\._$id ~~ chunk).all() {
                    guard let id = row.id else { continue }
                    if let unit, !scope.contains(row[keyPath: unit].value) { continue }
                    names[id] = row[keyPath: name].value
                }
            }
            return names
        }
    }

    /// Units by their path in the tree: `庆阳市总工会 › 西峰区总工会`.
    package static let units = NameSource(fields: ["unitId", "parentId", "teamId"]) { ids, scope, _ in
        Dictionary(
            ids.compactMap { id in scope.tree.nodes[id].map { _ in (id, scope.tree.path(of: id)) } }, uniquingKeysWith: { a, _ in a })
    }

    package init(
        fields: Set<String>,
        names: @escaping @Sendable (_ ids: [UUID], _ scope: UnitScope, _ db: any Database) async throws -> [UUID: String]
    ) {
        self.fields = fields
        self.names = names
    }
}

/// The names of the records a page or an export links to, loaded once per kind of record.
package struct NameBook: Sendable {
    private var names: [String: [UUID: String]] = [:]

    /// `ids`: for each field, the ids it holds on the page.
    package static func load(_ ids: [String: Set<UUID>], sources: [NameSource], scope: UnitScope, on db: any Database) async throws
        -> NameBook
    {
        var book = NameBook()
        for source in sources {
            let wanted = source.fields.reduce(into: Set<UUID>()) { $0.formUnion(ids[$1] ?? []) }
            guard !wanted.isEmpty else { continue }
            let found = try await source.names(Array(wanted), scope, db)
            for field in source.fields { book.names[field] = found }
        }
        return book
    }

    /// The name, or a dash for a record the reader may not see or that is gone.
    package func name(_ id: UUID, field: String) -> String { names[field]?[id] ?? "—" }
}

extension Request {
    /// Every feature's name sources, and the tree's.
    package var nameSources: [NameSource] { [.units] + application.features.flatMap(\.names) }
}
