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
