import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A studio (工作室) or innovative team (创新型班组): named in a year by a union at a level, led by a
/// member (and run day to day by its head, where that is someone else), at an employer, with its
/// partners and any further designations (`StudioPartner`, `StudioDesignation`).
final class Studio: Model, @unchecked Sendable {
    static let schema = "studios"

    @ID(key: .id) var id: UUID?
    /// The lead's union unit.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: StudioKind
    @Enum(key: "level") var level: HonorLevel
    @Field(key: "year_named") var yearNamed: Int
    @Field(key: "named_by") var namedBy: String
    @Field(key: "lead_id") var leadID: UUID
    /// 负责人: who runs the studio, where not its lead (张远东 runs 梁东平's studio).
    @OptionalField(key: "head_id") var headID: UUID?
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A member of a studio's team.
final class StudioMember: Model, @unchecked Sendable {
    static let schema = "studio_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "studio_id") var studioID: UUID
    /// The studio's unit, for scoping this line of its audit log.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "joined_at") var joinedAt: Date

    init() {}
    init(studio: Studio, memberID: UUID, joinedAt: Date) throws {
        self.studioID = try studio.requireID()
        self.unitID = studio.unitID
        self.memberID = memberID
        self.joinedAt = joinedAt
    }
}

/// One result a studio has to show: a count (patents, papers, projects …) or an amount (funding,
/// yearly benefit), with its year.
final class StudioResult: Model, @unchecked Sendable {
    static let schema = "studio_results"

    @ID(key: .id) var id: UUID?
    @Field(key: "studio_id") var studioID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: StudioResultKind
    @Field(key: "title") var title: String
    @Field(key: "year") var year: Int
    @Field(key: "quantity") var quantity: Int
    @Field(key: "amount_fen") var amountFen: Int64
    /// A measured benefit's unit (%, 吨标准煤/年) and what it is measured against.
    @OptionalField(key: "unit") var unit: String?
    @OptionalField(key: "baseline") var baseline: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension StudioKind: FluentEnumRepresentable {}
extension StudioResultKind: FluentEnumRepresentable {}

extension Studio: Audited, Versioned {
    static let auditEntity = "studio"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "name": name, "kind": kind.rawValue, "level": level.rawValue, "yearNamed": String(yearNamed), "namedBy": namedBy,
            "leadId": leadID.uuidString, "headId": headID?.uuidString ?? "", "organizationId": organizationID?.uuidString ?? "",
        ]
    }
}

extension StudioMember: Audited {
    static let auditEntity = "studioMember"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] { ["studioId": studioID.uuidString, "memberId": memberID.uuidString] }
}

extension StudioResult: Audited {
    static let auditEntity = "studioResult"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        [
            "studioId": studioID.uuidString, "kind": kind.rawValue, "title": title, "year": String(year), "quantity": String(quantity),
            "amountFen": String(amountFen), "unit": unit ?? "", "baseline": baseline ?? "",
        ]
    }
}
