import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A unit as the API shows it.
package struct UnitOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var kind: UnitKind
    var parentId: UUID?
    var path: String
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ node: UnitTree.Node, tree: UnitTree) {
        self.id = node.id
        self.unitId = node.id
        self.name = node.name
        self.kind = node.kind
        self.parentId = node.parentID
        self.path = tree.path(of: node.id)
        self.version = node.version
        self.createdAt = node.createdAt
        self.updatedAt = node.updatedAt
        self.deletedAt = nil
    }

    init(_ row: UnitRow, tree: UnitTree) {
        self.id = row.id
        self.unitId = row.id
        self.name = row.name
        self.kind = row.kind
        self.parentId = row.parentId
        self.path = tree.nodes[row.id] == nil ? row.name : tree.path(of: row.id)
        self.version = row.version
        self.createdAt = row.createdAt
        self.updatedAt = row.updatedAt
        self.deletedAt = row.deletedAt
    }

    init(_ unit: UnionUnit, tree: UnitTree) throws {
        let id = try unit.requireID()
        self.id = id
        self.unitId = id
        self.name = unit.name
        self.kind = unit.kind
        self.parentId = unit.parentID
        self.path = tree.nodes[id] == nil ? unit.name : tree.path(of: id)
        self.version = unit.version
        self.createdAt = unit.createdAt
        self.updatedAt = unit.updatedAt
        self.deletedAt = unit.deletedAt
    }
}

/// The fields of a unit; on PATCH, absent ones keep their value and `version` is required.
package struct UnitInput: Content {
    var name: String?
    var kind: UnitKind?
    var parentId: UUID?
    var version: Int?
}

package struct UnitFilter: Content { var kind: UnitKind? }

/// A unit as the list reads it, decoded from SQL without a model (`QueryBuilder.rows`).
struct UnitRow: Decodable {
    var id: UUID
    var name: String
    var kind: UnitKind
    var parentId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, name, kind, parentId = "parent_id", version, createdAt = "created_at", updatedAt = "updated_at", deletedAt = "deleted_at"
    }
}
