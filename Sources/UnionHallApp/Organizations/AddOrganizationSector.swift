import Fluent
import UnionHallPlatform

/// 018 - an employer's industry sector.
struct AddOrganizationSector: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organization.schema).field("sector", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Organization.schema).deleteField("sector").update()
    }
}
