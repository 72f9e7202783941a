import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Finding a member by what an officer has on paper: their resident ID number.
enum MemberLookup {
    /// The member with this ID number in the officer's scope, or a 422 naming `field`.
    static func byIDNumber(_ number: String, field: String, on request: Request) async throws -> UUID? {
        try await byIDNumber(number, field: field, within: try await request.scope(), on: request.db)
    }

    /// The same within another scope: a worker's own enterprise, say.
    static func byIDNumber(_ number: String, field: String, within scope: UnitScope, on db: any Database) async throws -> UUID {
        guard case .success(let parsed) = IDNumber.parse(number),
            let member = try await Member.query(on: db).filter(\.$idNumber == parsed.value).filter(\.$deletedAt == nil).first(),
            scope.contains(member.unitID), let id = member.id
        else { throw AppError.invalid(field, "error.mentorship.memberNotHeld") }
        return id
    }
}

extension Request {
    /// The signed-in worker's own member record; 403 for other roles or an account without one.
    func requireMember() async throws -> Member {
        guard let memberID = try requireRole(.member).memberID, let member = try await Member.find(memberID, on: db),
            member.deletedAt == nil
        else {
            throw AppError.forbidden
        }
        return member
    }
}
