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

    /// A unit as the list, the tree and a model hold it all show the same.
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

    init(_ node: UnitTree.Node, tree: UnitTree) {
        self.init(
            UnitRow(
                id: node.id, name: node.name, kind: node.kind, parentId: node.parentID, version: node.version, createdAt: node.createdAt,
                updatedAt: node.updatedAt, deletedAt: nil), tree: tree)
    }

    init(_ unit: UnionUnit, tree: UnitTree) throws {
        self.init(
            UnitRow(
                id: try unit.requireID(), name: unit.name, kind: unit.kind, parentId: unit.parentID, version: unit.version,
                createdAt: unit.createdAt, updatedAt: unit.updatedAt, deletedAt: unit.deletedAt), tree: tree)
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
struct UnitRow: ColumnDecodable {
    var id: UUID
    var name: String
    var kind: UnitKind
    var parentId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

}

extension UnitRow {
    init(columns: RowColumns) throws {
        self.init(
            id: try columns.value("id"), name: try columns.value("name"), kind: try columns.value("kind"),
            parentId: try columns.optional("parent_id"), version: try columns.value("version"),
            createdAt: try columns.optional("created_at"),
            updatedAt: try columns.optional("updated_at"), deletedAt: try columns.optional("deleted_at"))
    }
}
