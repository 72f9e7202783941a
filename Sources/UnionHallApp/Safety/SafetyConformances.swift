import Fluent
import UnionHallCore
import Vapor

extension SafetyCampaign: PlainlyDeletable, UnitOwnedRecord {
    static let routeName = "safety-campaigns"

    static func list(_ list: ListQuery, filter: CampaignFilter, scope: UnitScope, request: Request) async throws -> ListPage<CampaignOutput> {
        let query = try scope.apply(to: SafetyCampaign.query(on: request.db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let year = filter.year { query.filter(\.$year == year) }
        query.sort(\.$year, .descending).sort(\.$id)
        let total = try await query.copy().count()
        return ListPage(items: try await SafetyRecords.campaignOutputs(try await query.range(list.rowRange).all(), on: request.db), list: list, total: total)
    }


    static func create(_ input: CampaignInput, context: WriteContext, once: FormOnce?) async throws -> SafetyCampaign {
        let row = SafetyCampaign()
        try await SafetyRecords.saveCampaign(input, to: row, context: context, once: once)
        return row
    }

    func update(with input: CampaignInput, context: WriteContext, replacing: Bool) async throws {
        try await SafetyRecords.saveCampaign(input, to: self, context: context, once: nil)
    }

    func output(on request: Request) async throws -> CampaignOutput {
        guard let output = try await SafetyRecords.campaignOutputs([self], on: request.db).first else { throw AppError.notFound }
        return output
    }
}

extension AccidentRecord: PlainlyDeletable, UnitOwnedRecord {
    static let routeName = "accident-records"

    static func list(_ list: ListQuery, filter: AccidentFilter, scope: UnitScope, request: Request) async throws -> ListPage<AccidentOutput> {
        let query = try scope.apply(to: AccidentRecord.query(on: request.db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let year = filter.year { query.filter(\.$year == year) }
        if let employer = filter.employerId { query.filter(\.$employerID == employer) }
        query.sort(\.$year, .descending).sort(\.$id)
        let total = try await query.copy().count()
        return ListPage(items: try await SafetyRecords.accidentOutputs(try await query.range(list.rowRange).all(), on: request.db), list: list, total: total)
    }


    static func create(_ input: AccidentInput, context: WriteContext, once: FormOnce?) async throws -> AccidentRecord {
        let row = AccidentRecord()
        try await SafetyRecords.saveAccident(input, to: row, context: context, once: once)
        return row
    }

    func update(with input: AccidentInput, context: WriteContext, replacing: Bool) async throws {
        try await SafetyRecords.saveAccident(input, to: self, context: context, once: nil)
    }

    func output(on request: Request) async throws -> AccidentOutput {
        guard let output = try await SafetyRecords.accidentOutputs([self], on: request.db).first else { throw AppError.notFound }
        return output
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
        return (try await SafetyCampaign.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db), context)
    }
}
