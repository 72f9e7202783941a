import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct StudioOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var kind: StudioKind
    var level: HonorLevel
    var yearNamed: Int
    var namedBy: String
    var leadId: UUID
    var leadName: String
    var organizationId: UUID?
    var partnerId: UUID?
    var memberCount: Int
    /// Totals of the studio's results by kind: counts, or fen for `funding` and `benefit`.
    var figures: [String: Int64]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ studio: Studio, leadName: String, memberCount: Int, figures: [StudioResultKind: Int64]) throws {
        self.id = try studio.requireID()
        self.unitId = studio.unitID
        self.name = studio.name
        self.kind = studio.kind
        self.level = studio.level
        self.yearNamed = studio.yearNamed
        self.namedBy = studio.namedBy
        self.leadId = studio.leadID
        self.leadName = leadName
        self.organizationId = studio.organizationID
        self.partnerId = studio.partnerID
        self.memberCount = memberCount
        self.figures = Dictionary(uniqueKeysWithValues: figures.map { ($0.key.rawValue, $0.value) })
        self.version = studio.version
        self.createdAt = studio.createdAt
        self.updatedAt = studio.updatedAt
        self.deletedAt = studio.deletedAt
    }
}

struct StudioInput: Content {
    var name: String?
    var kind: StudioKind?
    var level: HonorLevel?
    var yearNamed: Int?
    var namedBy: String?
    var leadId: UUID?
    var organizationId: LinkChange = .keep
    var partnerId: LinkChange = .keep
    var version: Int?
}

struct StudioFilter: Content {
    var kind: StudioKind?
    var level: HonorLevel?
    var yearNamed: Int?
    var organizationId: UUID?
}

struct StudioMemberInput: Content {
    var memberId: UUID
}

struct StudioMemberOutput: Content {
    var memberId: UUID
    var name: String
    var trade: String?
    var joinedAt: Date
}

struct StudioResultInput: Content {
    var kind: StudioResultKind?
    var title: String?
    var year: Int?
    var quantity: Int?
    var amountFen: Int64?
}

struct StudioResultOutput: Content {
    var id: UUID
    var kind: StudioResultKind
    var title: String
    var year: Int
    var quantity: Int
    var amountFen: Int64

    init(_ result: StudioResult) throws {
        self.id = try result.requireID()
        self.kind = result.kind
        self.title = result.title
        self.year = result.year
        self.quantity = result.quantity
        self.amountFen = result.amountFen
    }
}
