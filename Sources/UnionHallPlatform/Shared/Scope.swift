import Fluent
import NIOConcurrencyHelpers
import UnionHallCore
import Vapor

/// The union units a user may see and change: their unit and everything under it. An admin
/// (or an officer of a root unit with no siblings) sees everything, and lists skip the filter.
package struct UnitScope: Sendable {
    /// nil means every unit.
    package let unitIDs: Set<UUID>?
    package let tree: UnitTree
    /// `User.seesAid` of the scope's user.
    package var seesAid = false

    package func contains(_ unitID: UUID?) -> Bool {
        guard let unitIDs else { return true }
        guard let unitID else { return false }
        return unitIDs.contains(unitID)
    }

    /// Narrows a query to records whose unit is in scope; `within` (from `?unitId=`) narrows
    /// further to a subtree the user holds, and is refused (404) outside it.
    package func apply<M: Model>(to query: QueryBuilder<M>, unitKey: KeyPath<M, FieldProperty<M, UUID>>, within: UUID? = nil) throws
        -> QueryBuilder<M>
    {
        guard let ids = try unitIDs(within: within) else { return query }
        return query.filter(unitKey ~~ Array(ids))
    }

    /// The units a list covers: the whole scope, or the subtree of `within` (404 outside the scope).
    /// nil means every unit, and no filter is needed.
    package func unitIDs(within: UUID?) throws -> Set<UUID>? {
        if let within {
            guard contains(within) else { throw AppError.notFound }
            return tree.subtree(of: within)
        }
        return unitIDs
    }

    /// The scope of a subtree the user holds (404 outside it): what a figure for `?unitId=` counts.
    package func narrowed(to within: UUID?) throws -> UnitScope {
        guard let within else { return self }
        return UnitScope(unitIDs: try unitIDs(within: within), tree: tree, seesAid: seesAid)
    }

    /// 404 for a record outside the scope: its existence is not revealed.
    package func check(_ unitID: UUID?) throws {
        guard contains(unitID) else { throw AppError.notFound }
    }

    package init(unitIDs: Set<UUID>?, tree: UnitTree, seesAid: Bool = false) {
        self.unitIDs = unitIDs
        self.tree = tree
        self.seesAid = seesAid
    }
}

/// The whole union tree in memory: a few thousand rows at most, read again only when it changes (`UnitTreeCache`).
package struct UnitTree: Sendable {
    package struct Node: Sendable {
        package let id: UUID
        package let name: String
        package let kind: UnitKind
        package let parentID: UUID?
        package var version = 1
        package var createdAt: Date?
        package var updatedAt: Date?

        package init(id: UUID, name: String, kind: UnitKind, parentID: UUID? = nil) {
            self.id = id
            self.name = name
            self.kind = kind
            self.parentID = parentID
        }
    }

    package let nodes: [UUID: Node]
    package let children: [UUID: [UUID]]
    /// Every unit by name (then id), as a list of units shows them unless asked otherwise: sorted
    /// once with the tree, not on every request.
    package let byName: [UUID]
    /// Subtrees already walked, for as long as this tree is the current one: one request after
    /// another gets the same set, so its units are bound in the same order and a kept count's
    /// statement (`KeptCounts`) is the same text with the same values.
    private let walked = NIOLockedValueBox<[UUID: Set<UUID>]>([:])
    private let paths = NIOLockedValueBox<[UUID: String]>([:])
    private static let walkedCapacity = 256

    package init(nodes: [Node]) {
        self.nodes = Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [UUID: [UUID]] = [:]
        for node in nodes {
            if let parent = node.parentID { children[parent, default: []].append(node.id) }
        }
        self.children = children
        byName = self.nodes.values.sorted(by: Self.byName).map(\.id)
    }

    package static func byName(_ a: Node, _ b: Node) -> Bool {
        a.name != b.name ? a.name < b.name : a.id.uuidString < b.id.uuidString
    }

    package static func load(on db: any Database) async throws -> UnitTree {
        let units = try await UnionUnit.query(on: db).filter(\.$deletedAt == nil).all()
        return UnitTree(
            nodes: units.compactMap { unit in
                unit.id.map {
                    var node = Node(id: $0, name: unit.name, kind: unit.kind, parentID: unit.parentID)
                    (node.version, node.createdAt, node.updatedAt) = (unit.version, unit.createdAt, unit.updatedAt)
                    return node
                }
            })
    }

    package func subtree(of root: UUID) -> Set<UUID> {
        if let kept = walked.withLockedValue({ $0[root] }) { return kept }
        let result = walk(from: root)
        walked.withLockedValue { walked in
            if walked.count >= Self.walkedCapacity { walked.removeAll(keepingCapacity: true) }
            walked[root] = result
        }
        return result
    }

    private func walk(from root: UUID) -> Set<UUID> {
        var result: Set<UUID> = [root]
        var stack = [root]
        while let next = stack.popLast() {
            for child in children[next] ?? [] where result.insert(child).inserted {
                stack.append(child)
            }
        }
        return result
    }

    /// The chain from a unit up to its root, the unit itself first.
    package func ancestry(of id: UUID) -> [UUID] {
        var chain: [UUID] = []
        var current: UUID? = id
        while let next = current, !chain.contains(next) {
            chain.append(next)
            current = nodes[next]?.parentID
        }
        return chain
    }

    /// `庆阳市总工会 › 西峰区总工会`, joined once per unit for as long as this tree is current, since a
    /// list of units shows one on every row.
    package func path(of id: UUID) -> String {
        if let kept = paths.withLockedValue({ $0[id] }) { return kept }
        let path = ancestry(of: id).reversed().compactMap { nodes[$0]?.name }.joined(separator: " › ")
        if nodes[id] != nil { paths.withLockedValue { $0[id] = path } }
        return path
    }

    package func name(of id: UUID?) -> String {
        id.flatMap { nodes[$0]?.name } ?? ""
    }

    /// Units in tree order with their depth, for pickers and the tree page.
    package func ordered(within scope: Set<UUID>?) -> [(node: Node, depth: Int)] {
        let roots = nodes.values.filter { node in
            guard let scope else { return node.parentID == nil }
            return scope.contains(node.id) && !(node.parentID.map(scope.contains) ?? false)
        }
        var result: [(Node, Int)] = []
        func visit(_ node: Node, _ depth: Int) {
            result.append((node, depth))
            for child in (children[node.id] ?? []).compactMap({ nodes[$0] }).sorted(by: { $0.name < $1.name }) {
                visit(child, depth + 1)
            }
        }
        for root in roots.sorted(by: { $0.name < $1.name }) { visit(root, 0) }
        return result
    }
}

extension Request {
    private struct ScopeKey: StorageKey { typealias Value = UnitScope }

    /// The signed-in user's scope, computed once per request.
    package func scope() async throws -> UnitScope {
        if let cached = storage[ScopeKey.self] { return cached }
        let user = try requireUser()
        let tree = try await unitTree()
        let scope: UnitScope
        if user.role == .admin {
            scope = UnitScope(unitIDs: nil, tree: tree)
        } else if let unitID = user.unitID, tree.nodes[unitID] != nil {
            let subtree = tree.subtree(of: unitID)
            scope = UnitScope(unitIDs: subtree.count == tree.nodes.count ? nil : subtree, tree: tree)
        } else {
            scope = UnitScope(unitIDs: [], tree: tree)
        }
        var scoped = scope
        scoped.seesAid = user.seesAid
        storage[ScopeKey.self] = scoped
        return scoped
    }

    /// Managing registry records is for admins and officers.
    package func requireManager() async throws -> (User, UnitScope) {
        let user = try requireRole(.admin, .officer)
        return (user, try await scope())
    }
}
