import Foundation
import Fluent
import UnionHallPlatform

extension Held {
    static func member(
        _ id: UUID?, field: String, refusal: String = "error.mentorship.memberNotHeld", scope: UnitScope, on db: any Database
    )
        async throws -> Member
    {
        guard let id else { throw AppError.invalid(field, "error.required") }
        return try await record(Member.self, id, field: field, refusal: refusal, scope: scope, on: db)
    }
}
