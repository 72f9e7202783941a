import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct OrganizationOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var kind: OrganizationKind
    var creditCode: String?
    var headcount: Int?
    var sector: IndustrySector?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ organization: Organization) throws {
        self.id = try organization.requireID()
        self.unitId = organization.unitID
        self.name = organization.name
        self.sector = organization.sector
        self.kind = organization.kind
        self.creditCode = organization.creditCode
        self.headcount = organization.headcount
        self.version = organization.version
        self.createdAt = organization.createdAt
        self.updatedAt = organization.updatedAt
        self.deletedAt = organization.deletedAt
    }
}

struct OrganizationInput: Content {
    var name: String?
    var kind: OrganizationKind?
    var creditCode: String?
    /// 0 to 10,000,000; absent keeps it.
    var headcount: Int?
    /// Absent keeps it.
    var sector: IndustrySector?
    var unitId: UUID?
    var version: Int?
}

struct OrganizationFilter: Content {
    var kind: OrganizationKind?
    var sector: IndustrySector?
}
