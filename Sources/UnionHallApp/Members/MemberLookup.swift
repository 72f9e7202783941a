import Fluent
import UnionHallCore
import Vapor

/// Finding a member by what an officer has on paper: their resident ID number.
enum MemberLookup {
    /// The member with this ID number in the officer's scope, or a 422 naming `field`.
    static func byIDNumber(_ number: String, field: String, on request: Request) async throws -> UUID? {
        let scope = try await request.scope()
        guard case .success(let parsed) = IDNumber.parse(number),
              let member = try await Member.query(on: request.db).filter(\.$idNumber == parsed.value).filter(\.$deletedAt == nil).first(),
              scope.contains(member.unitID)
        else { throw AppError.invalid(field, "error.mentorship.memberNotHeld") }
        return member.id
    }
}
