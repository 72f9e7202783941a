import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A member as the API shows it: ID number and phone masked unless the caller may see them
/// and asked to (`?reveal=true`), in which case `masked` is false and the view is audited.
struct MemberOutput: Content {
    var id: UUID
    var unitId: UUID
    var organizationId: UUID?
    var name: String
    var gender: Gender
    var idNumber: String
    var mobile: String?
    var trade: String?
    var skillLevel: Int?
    var professionalTitle: ProfessionalTitle?
    var post: String?
    var migrant: Bool
    var joinDate: String?
    var membershipNumber: String?
    var membershipStatus: MembershipStatus
    var statusDate: String?
    var employmentForm: EmploymentForm
    var platform: String?
    /// Only for the admin, officers who handle aid, and the worker themself; absent for others.
    var hardship: Bool?
    var masked: Bool
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ member: Member, reveal: Bool = false, seesAid: Bool) throws {
        self.init(try MemberRow(member), reveal: reveal, seesAid: seesAid)
    }
}

/// The fields of a member; on PATCH, absent ones keep their value and `version` is required.
struct MemberInput: Content {
    var name: String?
    var gender: Gender?
    var idNumber: String?
    var mobile: String?
    var unitId: UUID?
    var organizationId: LinkChange = .keep
    var trade: String?
    var skillLevel: Int?
    /// A change is kept in the member's title history; absent keeps the title.
    var professionalTitle: ProfessionalTitle?
    /// Empty clears it.
    var post: String?
    var migrant: Bool?
    var hardship: Bool?
    /// Defaults to today for a new member; changing it later corrects the record.
    var joinDate: String?
    var employmentForm: EmploymentForm?
    /// Required for platform workers.
    var platform: String?
    var version: Int?
}

/// List filters beyond the common ones.
struct MemberFilter: Content {
    var organizationId: UUID?
    var trade: String?
    var skillLevel: Int?
    var migrant: Bool?
    var hardship: Bool?
    var gender: Gender?
    /// `active` by default; a former status (`left`, `retired` …), or `all`.
    var membershipStatus: String?
    var employmentForm: EmploymentForm?
    /// Members holding any skill level (the skilled-talent register).
    var skilled: Bool?
    /// Members with political participation: `roles` (delegates, deputies, CPPCC members), or a
    /// kind (`joinedParty`, `partyActivist`), dated within `participationFrom`…`participationTo`.
    var participation: String?
    var participationFrom: String?
    var participationTo: String?

    var isEmpty: Bool {
        organizationId == nil && employmentForm == nil && (membershipStatus ?? "active") == "active" && (trade ?? "").isEmpty
            && skillLevel == nil && migrant == nil && hardship == nil && gender == nil
            && skilled != true
            && (participation ?? "").isEmpty
    }

    /// The statuses listed: active members unless the filter asks for others; nil for every status.
    func statuses() throws -> [MembershipStatus]? {
        switch membershipStatus ?? "" {
        case "", "active": return [.active]
        case "all": return nil
        case "former": return MembershipStatus.allCases.filter { !$0.isActive }
        case let text:
            guard let status = MembershipStatus(rawValue: text) else { throw AppError.invalid("membershipStatus", "error.invalid") }
            return [status]
        }
    }

    /// The participation kinds the filter names; nil when it names none.
    var participationKinds: [ParticipationKind]? {
        guard let participation, !participation.isEmpty else { return nil }
        if participation == "roles" { return ParticipationKind.allCases.filter(\.isRole) }
        return ParticipationKind(rawValue: participation).map { [$0] } ?? []
    }
}
