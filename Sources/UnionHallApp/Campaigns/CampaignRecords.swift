import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension OutreachCampaign: SavedRecord {
    typealias Input = OutreachCampaignInput
    typealias Output = OutreachCampaignOutput
    typealias Filter = OutreachCampaignFilter
    static let routeName = "outreach-campaigns"
    /// Figures are the campaign's page's; an export lists the campaigns.
    static let exportOmits: Set<String> = ["figures"]

    static func list(_ list: ListQuery, filter: OutreachCampaignFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        OutreachCampaignOutput
    > {
        let query = try underwayQuery(list, scope: scope, db: request.db)
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$name ~~ SearchKey.simplify(q)) }
        return try await page(query.sort(\.$startDate, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [OutreachCampaign], on request: Request) async throws -> [OutreachCampaignOutput] {
        let figures = try await Campaigns.figures(of: rows.compactMap(\.id), on: request.db)
        return try rows.map { row in
            let id = try row.requireID()
            return OutreachCampaignOutput(
                id: id, unitId: row.unitID, name: row.name, kind: row.kind, startDate: row.startDate, endDate: row.endDate,
                description: row.description, figures: figures[id] ?? Campaigns.none, version: row.version, createdAt: row.createdAt,
                updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: OutreachCampaignInput, to row: OutreachCampaign, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        let before = isNew ? nil : row.auditSnapshot()
        if isNew || input.unitId != nil { row.unitID = try Held.unit(input.unitId, context: context) }
        let name = (input.name ?? row.$name.value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let startText = input.startDate ?? row.$startDate.value ?? ""
        let start = startText.isEmpty ? nil : try Held.date(startText, field: "startDate")
        let endText = (input.endDate ?? (isNew ? "" : row.endDate ?? "")).trimmingCharacters(in: .whitespaces)
        let end = endText.isEmpty ? nil : try Held.date(endText, field: "endDate")
        if let issue = CampaignRules.check(name: name, start: start, end: end) { throw AppError.invalid(issue) }
        guard let kind = input.kind ?? row.$kind.value else { throw AppError.invalid("kind", "error.required") }
        row.name = name
        row.kind = kind
        row.startDate = start?.description ?? ""
        row.endDate = end?.description
        row.description = try Held.text(
            input.description ?? row.$description.value ?? "", field: "description", required: false, max: 2_000)
        if isNew { row.version = 1 }
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

enum Campaigns {
    static let none = OutreachCampaignFigures(activitiesHeld: 0, personTimes: 0, problemsRaised: 0, problemsSolved: 0, benefitFen: 0)

    /// Each campaign's activities held (with person-times) and problems raised, solved and their benefit.
    static func figures(of ids: [UUID], on db: any Database) async throws -> [UUID: OutreachCampaignFigures] {
        guard !ids.isEmpty else { return [:] }
        let sql = try db.sql()
        let held = try await sql.select().from(OutreachActivity.schema).where("campaign_id", .in, SQLBind.group(ids))
            .where("deleted_at", .is, SQLLiteral.null).where("status", .equal, SQLBind(OutreachStatus.held.rawValue))
            .tallies(by: ["campaign_id"], sums: ["person_times"])
        let problems = try await sql.select().from(TechProblem.schema).where("campaign_id", .in, SQLBind.group(ids))
            .where("deleted_at", .is, SQLLiteral.null).tallies(by: ["campaign_id", "status"], sums: ["benefit_fen"])
        var figures: [UUID: OutreachCampaignFigures] = [:]
        for id in ids {
            let key = id.uuidString.lowercased()
            func matches(_ tally: Tally) -> Bool { tally.keys.first?.lowercased() == key }
            let activities = held.filter(matches)
            let raised = problems.filter(matches)
            let solved = raised.filter { $0.keys.last == TechProblemStatus.solved.rawValue }
            figures[id] = OutreachCampaignFigures(
                activitiesHeld: activities.rows, personTimes: Int(try activities.map { $0.sums[0] }.total()),
                problemsRaised: raised.rows, problemsSolved: solved.rows, benefitFen: try solved.map { $0.sums[0] }.total())
        }
        return figures
    }

    /// Campaigns under way in the period, and their activities held and problems solved within it, by kind.
    static func statistics(_ query: FigureQuery) async throws -> OutreachCampaignStatistics {
        let campaigns = try await OutreachCampaign.underway(
            ListQuery(from: query.from.description, to: query.to.description, unitId: query.list.unitId), scope: query.scope, db: query.db)
        let sql = try query.db.sql()
        let (from, to) = (query.from.description, query.to.description)
        var byKind: [OutreachCampaignKindFigures] = []
        for kind in CampaignKind.allCases {
            let ids = campaigns.filter { $0.kind == kind }.compactMap(\.id)
            guard !ids.isEmpty else {
                byKind.append(
                    OutreachCampaignKindFigures(key: kind.rawValue, campaigns: 0, activitiesHeld: 0, personTimes: 0, problemsSolved: 0))
                continue
            }
            let held = try await sql.select().from(OutreachActivity.schema).where("campaign_id", .in, SQLBind.group(ids))
                .where("deleted_at", .is, SQLLiteral.null).where("status", .equal, SQLBind(OutreachStatus.held.rawValue))
                .where("held_date", .greaterThanOrEqual, SQLBind(from)).where("held_date", .lessThanOrEqual, SQLBind(to))
                .tallies(sums: ["person_times"])
            let solved = try await sql.select().from(TechProblem.schema).where("campaign_id", .in, SQLBind.group(ids))
                .where("deleted_at", .is, SQLLiteral.null).where("status", .equal, SQLBind(TechProblemStatus.solved.rawValue))
                .where("solved_date", .greaterThanOrEqual, SQLBind(from)).where("solved_date", .lessThanOrEqual, SQLBind(to)).tallies()
            byKind.append(
                OutreachCampaignKindFigures(
                    key: kind.rawValue, campaigns: ids.count, activitiesHeld: held.rows,
                    personTimes: Int(try held.map { $0.sums.first ?? 0 }.total()), problemsSolved: solved.rows))
        }
        return OutreachCampaignStatistics(campaigns: campaigns.count, byKind: byKind)
    }
}

extension OutreachCampaign {
    /// The campaigns of a scope under way in a period.
    static func underway(_ list: ListQuery, scope: UnitScope, db: any Database) async throws -> [OutreachCampaign] {
        try await underwayQuery(list, scope: scope, db: db).all()
    }

    /// Campaigns under way in the list's period: begun by its end, not ended before its start.
    static func underwayQuery(_ list: ListQuery, scope: UnitScope, db: any Database) throws -> QueryBuilder<OutreachCampaign> {
        let query = try scoped(list, scope: scope, on: db)
        let (from, to) = try list.datePeriod()
        if let to { query.filter(\.$startDate <= to) }
        if let from { query.group(.or) { $0.filter(\.$endDate == nil).filter(\.$endDate >= from) } }
        return query
    }
}
