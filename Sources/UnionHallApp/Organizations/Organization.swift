import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An organization (单位): an employer with its credit code, a college, a court, a cooperative.
/// It belongs to the union unit that covers it.
final class Organization: Model, @unchecked Sendable {
    static let schema = "organizations"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: OrganizationKind
    @OptionalField(key: "credit_code") var creditCode: String?
    /// How many people the employer employs (职工人数), for the join rate.
    @OptionalField(key: "headcount") var headcount: Int?
    /// The industry (an employer's), for figures by key industry.
    @OptionalEnum(key: "sector") var sector: IndustrySector?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    init(id: UUID? = nil, unitID: UUID, name: String, kind: OrganizationKind, creditCode: String?) {
        self.id = id
        self.unitID = unitID
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
        self.version = 1
    }
}

extension OrganizationKind: FluentEnumRepresentable {}
extension IndustrySector: FluentEnumRepresentable {}

extension Organization: Audited, Versioned {
    static let auditEntity = "organization"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "name": name, "kind": kind.rawValue, "creditCode": creditCode ?? "", "unitId": unitID.uuidString,
            "headcount": headcount.map(String.init) ?? "", "sector": sector?.rawValue ?? "",
        ]
    }
}

struct CreateOrganization: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organization.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("credit_code", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "credit_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organization.schema).delete()
    }
}
