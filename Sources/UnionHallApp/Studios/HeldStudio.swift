import Foundation
import Fluent
import UnionHallPlatform

extension Held {
    static func studio(_ id: UUID, field: String, refusal: String = "error.studio.notHeld", scope: UnitScope, on db: any Database)
        async throws -> Studio
    {
        try await record(Studio.self, id, field: field, refusal: refusal, scope: scope, on: db)
    }
}
