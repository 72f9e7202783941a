import Foundation
import Fluent
import UnionHallPlatform

extension Held {
    static func organization(_ id: UUID, field: String, scope: UnitScope, on db: any Database) async throws -> Organization {
        try await record(Organization.self, id, field: field, refusal: "error.organization.notHeld", scope: scope, on: db)
    }
}
