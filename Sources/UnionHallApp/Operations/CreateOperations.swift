import Fluent
import UnionHallPlatform

/// What several instances share beyond the records: uploaded files (on PostgreSQL) and when each
/// periodic job last ran.
struct CreateOperations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredFiles.table)
            .field("name", .string, .identifier(auto: false))
            .field("content", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(ClusterJobs.table)
            .field("name", .string, .identifier(auto: false))
            .field("last_run_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ClusterJobs.table).delete()
        try await database.schema(StoredFiles.table).delete()
    }
}
