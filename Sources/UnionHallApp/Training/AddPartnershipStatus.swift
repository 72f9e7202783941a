import Fluent
import UnionHallCore
import UnionHallPlatform

/// 018 - a partnership's standing (planned, being built, running); those made before were running.
struct AddPartnershipStatus: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Partnership.schema)
            .field("status", .string, .required, .sql(.default(PartnershipStatus.running.rawValue))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Partnership.schema).deleteField("status").update()
    }
}
