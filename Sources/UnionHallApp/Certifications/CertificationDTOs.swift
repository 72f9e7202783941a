import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct CertificationOutput: Content {
    var id: UUID
    var unitId: UUID
    var memberId: UUID
    var memberName: String
    var trade: String
    var level: Int
    var date: String
    var certificateNumber: String
    var issuingBody: String
    /// Whether this pass raised the member's level; a pass at or below the level held does not.
    var raised: Bool
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct CertificationInput: Content {
    var memberId: UUID?
    var trade: String?
    var level: Int?
    var date: String?
    var certificateNumber: String?
    var issuingBody: String?
    var version: Int?
}

struct CertificationFilter: Content {
    var memberId: UUID?
    var level: Int?
    var trade: String?
    /// Only each member's first certification (new skilled talents).
    var first: Bool?
}

struct ParticipationOutput: Content {
    var id: UUID
    var memberId: UUID
    var kind: ParticipationKind
    var level: HonorLevel?
    var date: String
    var note: String
}

struct ParticipationInput: Content {
    var kind: ParticipationKind?
    var level: HonorLevel?
    var date: String?
    var note: String?
}

struct ExternalResultOutput: Content {
    var id: UUID
    var memberId: UUID
    var contest: String
    var level: HonorLevel
    var year: Int
    var placing: Int
    var award: String
}

struct ExternalResultInput: Content {
    var contest: String?
    var level: HonorLevel?
    var year: Int?
    var placing: Int?
    var award: String?
}

/// The talent figures for a subtree and period.
struct TalentStatistics: Content {
    var certifications: [KeyCount]
    var certificationsTotal: Int
    var newSkilled: [KeyCount]
    var newSkilledTotal: Int
    var register: [KeyCount]
    var registerTotal: Int
    var highSkilled: Int
    var byTrade: [NamedCount]
    var byUnit: [NamedCount]
    var byEmployer: [NamedCount]
    var delegatesAndDeputies: Int
    var joinedParty: Int
    var activists: Int
    /// New skilled talents by their employer's industry (those whose employer has one recorded).
    var newSkilledBySector: [KeyCount]
}

struct NamedCount: Content {
    var id: String
    var name: String
    var count: Int
}
