import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

extension SafetyCampaign: SavedRecord {
    typealias Input = CampaignInput
    typealias Output = CampaignOutput
    typealias Filter = CampaignFilter
    static let routeName = "safety-campaigns"

    static func list(_ list: ListQuery, filter: CampaignFilter, scope: UnitScope, request: Request) async throws -> ListPage<CampaignOutput>
    {
        let query = try scoped(list, scope: scope, on: request.db)
        if let year = filter.year { query.filter(\.$year == year) }
        return try await page(query.sort(\.$year, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [SafetyCampaign], on request: Request) async throws -> [CampaignOutput] {
        let db = request.db
        let ids = rows.compactMap(\.id)
        var totals: [UUID: (Int, Int)] = [:]
        if !ids.isEmpty {
            for row in try await CampaignParticipant.query(on: db).filter(\.$campaignID ~~ ids).all() {
                let current = totals[row.campaignID] ?? (0, 0)
                totals[row.campaignID] = (current.0 + 1, current.1 + row.headcount)
            }
        }
        return try rows.map { row in
            let id = try row.requireID()
            return CampaignOutput(
                id: id, unitId: row.unitID, year: row.year, name: row.name, rewardCapFen: row.rewardCapFen,
                participants: totals[id]?.0 ?? 0,
                headcount: totals[id]?.1 ?? 0, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
                deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: CampaignInput, to row: SafetyCampaign, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        guard let year = input.year ?? (isNew ? nil : row.year) else { throw AppError.invalid("year", "error.required") }
        guard (2000...CivilDate(context.editor.at).year + 1).contains(year) else {
            throw AppError.invalid("year", "error.honor.year", ["2000", String(CivilDate(context.editor.at).year + 1)])
        }
        guard let cap = input.rewardCapFen ?? (isNew ? nil : row.rewardCapFen) else {
            throw AppError.invalid("rewardCapFen", "error.required")
        }
        guard cap >= 0 else { throw AppError.invalid("rewardCapFen", "error.amount.positive") }
        let before = isNew ? nil : row.auditSnapshot()
        row.name = try Held.text(input.name ?? (isNew ? nil : row.name), field: "name")
        row.year = year
        row.rewardCapFen = cap
        row.unitID = isNew ? try Held.unit(input.unitId, context: context) : row.unitID
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

extension AccidentRecord: SavedRecord {
    typealias Input = AccidentInput
    typealias Output = AccidentOutput
    typealias Filter = AccidentFilter
    static let routeName = "accident-records"

    static func list(_ list: ListQuery, filter: AccidentFilter, scope: UnitScope, request: Request) async throws -> ListPage<AccidentOutput>
    {
        let query = try scoped(list, scope: scope, on: request.db)
        if let year = filter.year { query.filter(\.$year == year) }
        if let employer = filter.employerId { query.filter(\.$employerID == employer) }
        return try await page(query.sort(\.$year, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [AccidentRecord], on request: Request) async throws -> [AccidentOutput] {
        let db = request.db
        let names = Dictionary(
            try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.employerID)).all().compactMap { o in o.id.map { ($0, o.name) }
            },
            uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            AccidentOutput(
                id: try row.requireID(), unitId: row.unitID, employerId: row.employerID, employerName: names[row.employerID] ?? "",
                year: row.year,
                headcount: row.headcount, injured: row.injured, deaths: row.deaths, lostDays: row.lostDays,
                ratePerThousand: AccidentRates.perThousand(casualties: row.injured + row.deaths, headcount: row.headcount),
                version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: AccidentInput, to row: AccidentRecord, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        let db = context.app.db
        guard let employerID = input.employerId ?? (isNew ? nil : row.employerID) else {
            throw AppError.invalid("employerId", "error.required")
        }
        let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: db)
        guard let year = input.year ?? (isNew ? nil : row.year) else { throw AppError.invalid("year", "error.required") }
        guard (2000...CivilDate(context.editor.at).year).contains(year) else {
            throw AppError.invalid("year", "error.honor.year", ["2000", String(CivilDate(context.editor.at).year)])
        }
        guard let headcount = input.headcount ?? (isNew ? nil : row.headcount) else {
            throw AppError.invalid("headcount", "error.required")
        }
        guard headcount > 0 else { throw AppError.invalid("headcount", "error.amount.positive") }
        let injured = input.injured ?? (isNew ? nil : row.injured)
        let deaths = input.deaths ?? (isNew ? nil : row.deaths)
        let lostDays = input.lostDays ?? (isNew ? nil : row.lostDays)
        if let issue = AccidentRates.checkRecord(injured: injured, deaths: deaths, lostDays: lostDays) { throw AppError.invalid(issue) }
        let same = AccidentRecord.query(on: db).filter(\.$employerID == employerID).filter(\.$year == year).filter(\.$deletedAt == nil)
        if let id = row.id { same.filter(\.$id != id) }
        if try await same.count() > 0 { throw AppError.conflict("year", "error.safety.recordTwice") }
        let before = isNew ? nil : row.auditSnapshot()
        row.unitID = employer.unitID
        row.employerID = employerID
        row.year = year
        row.headcount = headcount
        row.injured = injured ?? 0
        row.deaths = deaths ?? 0
        row.lostDays = lostDays ?? 0
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

/// A campaign's participants and its accident rates.
struct SafetyAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let campaign = routes.grouped("safety-campaigns", ":id")
        campaign.get("participants") { req async throws -> [ParticipantOutput] in
            try await SafetyRecords.participants(of: try await Self.campaign(req).row, on: req.db)
        }
        campaign.post("participants") { req async throws -> Response in
            let (row, context) = try await Self.campaign(req)
            try await SafetyRecords.join(try req.content.decode(ParticipantInput.self), campaign: row, context: context)
            return try await SafetyRecords.participants(of: row, on: req.db).encodeResponse(status: .created, for: req)
        }
        campaign.get("rates") { req async throws -> CampaignRates in
            let (row, context) = try await Self.campaign(req)
            return try await SafetyRecords.rates(of: row, scope: context.scope, on: req.db)
        }
    }

    static func campaign(_ req: Request) async throws -> (row: SafetyCampaign, context: WriteContext) {
        let context = try await req.writeContext()
        return (
            try await SafetyCampaign.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db),
            context
        )
    }
}
