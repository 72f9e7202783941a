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
    var headId: UUID?
    var headName: String?
    var organizationId: UUID?
    var partnerIds: [UUID]
    var designations: [StudioDesignationOutput]
    var memberCount: Int
    /// Totals of the studio's results by kind: counts, or fen for `funding` and `benefit`.
    var figures: [String: Int64]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(
        _ studio: Studio, names: [UUID: String], partnerIds: [UUID], designations: [StudioDesignationOutput], memberCount: Int,
        figures: [StudioResultKind: Int64]
    ) throws {
        self.id = try studio.requireID()
        self.unitId = studio.unitID
        self.name = studio.name
        self.kind = studio.kind
        self.level = studio.level
        self.yearNamed = studio.yearNamed
        self.namedBy = studio.namedBy
        self.leadId = studio.leadID
        self.leadName = names[studio.leadID] ?? ""
        self.headId = studio.headID
        self.headName = studio.headID.flatMap { names[$0] }
        self.organizationId = studio.organizationID
        self.partnerIds = partnerIds
        self.designations = designations
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
    var headId: LinkChange = .keep
    var organizationId: LinkChange = .keep
    /// The studio's partners, all of them; absent keeps them.
    var partnerIds: [UUID]?
    var version: Int?
}

/// A further designation: kind, level, year and the body that named it.
struct StudioDesignationInput: Content {
    var kind: StudioKind?
    var level: HonorLevel?
    var year: Int?
    var namedBy: String?
}

struct StudioDesignationOutput: Content {
    var id: UUID
    var kind: StudioKind
    var level: HonorLevel
    var year: Int
    var namedBy: String

    init(_ row: StudioDesignation) throws {
        self.id = try row.requireID()
        self.kind = row.kind
        self.level = row.level
        self.year = row.year
        self.namedBy = row.namedBy
    }
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
    var unit: String?
    var baseline: String?
}

struct StudioResultOutput: Content {
    var id: UUID
    var kind: StudioResultKind
    var title: String
    var year: Int
    var quantity: Int
    var amountFen: Int64
    var unit: String?
    var baseline: String?

    init(_ result: StudioResult) throws {
        self.id = try result.requireID()
        self.kind = result.kind
        self.title = result.title
        self.year = result.year
        self.quantity = result.quantity
        self.amountFen = result.amountFen
        self.unit = result.unit
        self.baseline = result.baseline
    }
}
