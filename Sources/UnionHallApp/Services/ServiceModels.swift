import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A service station such as 司机之家: where it is, what it offers, when it is open.
final class ServiceStation: Model, @unchecked Sendable {
    static let schema = "service_stations"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Enum(key: "kind") var kind: StationKind
    @Field(key: "district") var district: String
    @Field(key: "address") var address: String
    /// Facility codes, comma-separated.
    @Field(key: "facilities") var facilities: String
    @Field(key: "hours") var hours: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A service event: a health check, 夏送清凉, 冬送温暖, legal advice; people served (a head
/// count) and the value of goods given, in fen.
final class ServiceEvent: Model, @unchecked Sendable {
    static let schema = "service_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "station_id") var stationID: UUID?
    @Enum(key: "kind") var kind: ServiceEventKind
    @Field(key: "title") var title: String
    @Field(key: "date") var date: String
    @Field(key: "people_served") var peopleServed: Int
    @Field(key: "goods_fen") var goodsFen: Int64
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension StationKind: FluentEnumRepresentable {}
extension ServiceEventKind: FluentEnumRepresentable {}

extension ServiceStation: Audited, Versioned, SoftDeletable {
    static let auditEntity = "serviceStation"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        ["name": name, "kind": kind.rawValue, "district": district, "address": address, "facilities": facilities, "hours": hours]
    }
}

extension ServiceEvent: Audited, Versioned, SoftDeletable {
    static let auditEntity = "serviceEvent"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "stationId": stationID?.uuidString ?? "", "kind": kind.rawValue, "title": title, "date": date,
            "peopleServed": String(peopleServed), "goodsFen": String(goodsFen),
        ]
    }
}

/// 007 - rights and care: service stations and their events.
struct CreateServices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ServiceStation.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("district", .string, .required)
            .field("address", .string, .required)
            .field("facilities", .string, .required)
            .field("hours", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(ServiceEvent.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("station_id", .uuid, .references(ServiceStation.schema, .id))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("date", .string, .required)
            .field("people_served", .int, .required)
            .field("goods_fen", .int64, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "service_events_unit_date").on(ServiceEvent.schema).column("unit_id").column("date").run()
        try await sql.create(index: "service_events_station").on(ServiceEvent.schema).column("station_id").column("date").run()
        try await sql.create(index: "service_stations_district").on(ServiceStation.schema).column("district").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ServiceEvent.schema).delete()
        try await database.schema(ServiceStation.schema).delete()
    }
}
