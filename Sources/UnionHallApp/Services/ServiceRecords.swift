import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

struct StationOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var kind: StationKind
    var district: String
    var address: String
    var facilities: [Facility]
    var hours: String
    var peopleServed: Int
    var goodsFen: Int64
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct StationInput: Content, VersionedInput {
    var unitId: UUID?
    var name: String?
    var kind: StationKind?
    var district: String?
    var address: String?
    var facilities: [Facility]?
    var hours: String?
    var version: Int?
}

struct StationFilter: Content {
    var kind: StationKind?
    var district: String?
}

struct ServiceEventOutput: Content {
    var id: UUID
    var unitId: UUID
    var stationId: UUID?
    var stationName: String?
    var kind: ServiceEventKind
    var title: String
    var date: String
    var peopleServed: Int
    var goodsFen: Int64
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct ServiceEventInput: Content, VersionedInput {
    var unitId: UUID?
    var stationId: LinkChange = .keep
    var kind: ServiceEventKind?
    var title: String?
    var date: String?
    var peopleServed: Int?
    var goodsFen: Int64?
    var version: Int?
}

struct ServiceEventFilter: Content {
    var kind: ServiceEventKind?
    var stationId: UUID?
}

struct ServiceStatistics: Content {
    struct Station: Content {
        var id: UUID
        var name: String
        var peopleServed: Int
        var goodsFen: Int64
    }

    /// People served and goods given by one kind of event.
    struct Kind: Content {
        var key: String
        var peopleServed: Int
        var goodsFen: Int64
    }

    var events: Int
    var peopleServed: Int
    var goodsFen: Int64
    var byKind: [Kind]
    var byStation: [Station]
}

/// Service stations and events: what officers keep, and the figures.
enum ServiceRecords {
    static func events(_ list: ListQuery, filter: ServiceEventFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<
        ServiceEvent
    > {
        let query = try ServiceEvent.scoped(list, scope: scope, on: db)
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let station = filter.stationId { query.filter(\.$stationID == station) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$title ~~ q) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$date >= from) }
        if let to { query.filter(\.$date <= to) }
        return query
    }

    static func statistics(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> ServiceStatistics {
        let groups = try await list.select(ServiceEvent.schema, scope: scope, dated: "date", on: db)
            .tallies(by: ["kind", "station_id"], sums: ["people_served", "goods_fen"])
        func people(_ groups: [Tally]) throws -> Int { Int(try groups.sum(0)) }
        var stations: [UUID: [Tally]] = [:]
        for group in groups { if let id = UUID(uuidString: group.keys[1]) { stations[id, default: []].append(group) } }
        let names = Dictionary(
            try await ServiceStation.query(on: db).filter(\.$id ~~ Array(stations.keys)).all().compactMap { s in s.id.map { ($0, s.name) }
            },
            uniquingKeysWith: { first, _ in first })
        return ServiceStatistics(
            events: groups.rows, peopleServed: try people(groups), goodsFen: try groups.sum(1),
            byKind: try ServiceEventKind.allCases.map { kind in
                let of = groups.filter { $0.keys[0] == kind.rawValue }
                return ServiceStatistics.Kind(key: kind.rawValue, peopleServed: try people(of), goodsFen: try of.sum(1))
            },
            byStation: try stations.map {
                ServiceStatistics.Station(
                    id: $0.key, name: names[$0.key] ?? "", peopleServed: try people($0.value), goodsFen: try $0.value.sum(1))
            }
            .sorted { $0.peopleServed > $1.peopleServed })
    }

    /// Stations a worker can find by district (any union's: stations serve everyone).
    static func near(_ district: String, on request: Request) async throws -> [StationOutput] {
        let query = ServiceStation.query(on: request.db).filter(\.$deletedAt == nil)
        let text = district.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { query.filter(\.$district ~~ text) }
        return try await ServiceStation.outputs(try await query.sort(\.$district).sort(\.$name).limit(50).all(), on: request)
    }
}

extension ServiceStation: SavedRecord {
    typealias Input = StationInput
    typealias Output = StationOutput
    typealias Filter = StationFilter
    static let routeName = "service-stations"

    static func list(_ list: ListQuery, filter: StationFilter, scope: UnitScope, request: Request) async throws -> ListPage<StationOutput> {
        let query = try scoped(list, scope: scope, on: request.db)
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let district = filter.district, !district.isEmpty { query.filter(\.$district ~~ district) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$name ~~ q) }
        return try await page(query.sort(\.$district).sort(\.$name).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [ServiceStation], on request: Request) async throws -> [StationOutput] {
        let db = request.db
        let ids = rows.compactMap(\.id)
        var served: [UUID: (Int, Int64)] = [:]
        if !ids.isEmpty {
            for event in try await ServiceEvent.query(on: db).filter(\.$stationID ~~ ids).filter(\.$deletedAt == nil).all() {
                guard let station = event.stationID else { continue }
                let current = served[station] ?? (0, 0)
                served[station] = (current.0 + event.peopleServed, current.1 + event.goodsFen)
            }
        }
        return try rows.map { row in
            let id = try row.requireID()
            return StationOutput(
                id: id, unitId: row.unitID, name: row.name, kind: row.kind, district: row.district, address: row.address,
                facilities: row.facilities.split(separator: ",").compactMap { Facility(rawValue: String($0)) }, hours: row.hours,
                peopleServed: served[id]?.0 ?? 0, goodsFen: served[id]?.1 ?? 0, version: row.version,
                createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: StationInput, to row: ServiceStation, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        guard let kind = input.kind ?? (isNew ? nil : row.kind) else { throw AppError.invalid("kind", "error.required") }
        let before = isNew ? nil : row.auditSnapshot()
        row.name = try Held.text(input.name ?? (isNew ? nil : row.name), field: "name")
        row.kind = kind
        row.district = try Held.text(input.district ?? (isNew ? nil : row.district), field: "district", max: 50)
        row.address = try Held.text(input.address ?? (isNew ? nil : row.address), field: "address")
        row.hours = try Held.text(input.hours ?? (isNew ? nil : row.hours), field: "hours", required: false, max: 100)
        if let facilities = input.facilities {
            row.facilities = facilities.map(\.rawValue).joined(separator: ",")
        } else if isNew {
            row.facilities = ""
        }
        row.unitID = isNew ? try Held.unit(input.unitId, context: context) : row.unitID
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

extension ServiceEvent: SavedRecord {
    typealias Input = ServiceEventInput
    typealias Output = ServiceEventOutput
    typealias Filter = ServiceEventFilter
    static let routeName = "service-events"

    static func list(_ list: ListQuery, filter: ServiceEventFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        ServiceEventOutput
    > {
        try await page(
            try ServiceRecords.events(list, filter: filter, scope: scope, on: request.db).sort(\.$date, .descending).sort(\.$id), list,
            on: request)
    }

    static func outputs(_ rows: [ServiceEvent], on request: Request) async throws -> [ServiceEventOutput] {
        let db = request.db
        let names = Dictionary(
            try await ServiceStation.query(on: db).filter(\.$id ~~ rows.compactMap(\.stationID)).all().compactMap { s in
                s.id.map { ($0, s.name) }
            },
            uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            ServiceEventOutput(
                id: try row.requireID(), unitId: row.unitID, stationId: row.stationID, stationName: row.stationID.flatMap { names[$0] },
                kind: row.kind,
                title: row.title, date: row.date, peopleServed: row.peopleServed, goodsFen: row.goodsFen, version: row.version,
                createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: ServiceEventInput, to row: ServiceEvent, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        guard let kind = input.kind ?? (isNew ? nil : row.kind) else { throw AppError.invalid("kind", "error.required") }
        let before = isNew ? nil : row.auditSnapshot()
        var unit = isNew ? try Held.unit(input.unitId, context: context) : row.unitID
        if let stationID = input.stationId.named {
            guard let station = try await ServiceStation.find(stationID, on: context.app.db), station.deletedAt == nil,
                context.scope.contains(station.unitID)
            else {
                throw AppError.invalid("stationId", "error.service.stationNotHeld")
            }
            if isNew, input.unitId == nil { unit = station.unitID }
        }
        row.stationID = input.stationId.applied(to: row.stationID)
        row.kind = kind
        row.title = try Held.text(input.title ?? (isNew ? nil : row.title), field: "title")
        row.date = try Held.date(input.date ?? (isNew ? nil : row.date), field: "date").description
        guard let served = input.peopleServed ?? (isNew ? nil : row.peopleServed) else {
            throw AppError.invalid("peopleServed", "error.required")
        }
        guard served >= 0 else { throw AppError.invalid("peopleServed", "error.amount.positive") }
        let goods = input.goodsFen ?? (isNew ? 0 : row.goodsFen)
        guard goods >= 0 else { throw AppError.invalid("goodsFen", "error.amount.positive") }
        row.peopleServed = served
        row.goodsFen = goods
        row.unitID = unit
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

/// `/api/v1/service-events/statistics` for officers; `/api/v1/service-stations/near` for anyone signed in.
struct ServiceAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("service-events", "statistics") { req async throws -> ServiceStatistics in
            let (_, scope) = try await req.requireManager()
            return try await ServiceRecords.statistics(scope: scope, list: try req.query.decode(PeriodQuery.self).list, on: req.db)
        }
        routes.get("service-stations", "near") { req async throws -> [StationOutput] in
            _ = try req.requireUser()
            return try await ServiceRecords.near(try req.query.decode(DistrictQuery.self).district ?? "", on: req)
        }
    }
}

/// `?district=`: where a worker looks for stations.
struct DistrictQuery: Content {
    var district: String?
}
