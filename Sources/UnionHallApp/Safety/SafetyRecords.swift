import Fluent
import UnionHallCore
import Vapor

struct CampaignOutput: Content {
    var id: UUID
    var unitId: UUID
    var year: Int
    var name: String
    var rewardCapFen: Int64
    var participants: Int
    var headcount: Int
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct CampaignInput: Content {
    var unitId: UUID?
    var year: Int?
    var name: String?
    var rewardCapFen: Int64?
    var version: Int?
}

struct CampaignFilter: Content {
    var year: Int?
}

struct ParticipantInput: Content {
    var employerId: UUID?
    var headcount: Int?
}

struct ParticipantOutput: Content {
    var employerId: UUID
    var employerName: String
    var headcount: Int
}

struct AccidentOutput: Content {
    var id: UUID
    var unitId: UUID
    var employerId: UUID
    var employerName: String
    var year: Int
    var headcount: Int
    var injured: Int
    var deaths: Int
    var lostDays: Int
    /// Thousandths of a per-mille: 12_500 = 12.5‰.
    var ratePerThousand: Int?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct AccidentInput: Content {
    var employerId: UUID?
    var year: Int?
    var headcount: Int?
    var injured: Int?
    var deaths: Int?
    var lostDays: Int?
    var version: Int?
}

struct AccidentFilter: Content {
    var year: Int?
    var employerId: UUID?
}

/// The campaign's accident rates: its participants against the other employers, this year and the last.
struct CampaignRates: Content {
    struct Group: Content {
        var employers: Int
        var headcount: Int
        var casualties: Int
        var previousHeadcount: Int
        var previousCasualties: Int
        /// Thousandths of a per-mille.
        var rate: Int?
        var previousRate: Int?
        /// Tenths of a percent: −270 = −27.0 %.
        var change: Int?
    }

    var year: Int
    var participants: Group
    var others: Group
}

enum SafetyRecords {
    static func campaignOutputs(_ rows: [SafetyCampaign], on db: any Database) async throws -> [CampaignOutput] {
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
            return CampaignOutput(id: id, unitId: row.unitID, year: row.year, name: row.name, rewardCapFen: row.rewardCapFen, participants: totals[id]?.0 ?? 0,
                                  headcount: totals[id]?.1 ?? 0, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func saveCampaign(_ input: CampaignInput, to row: SafetyCampaign, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        if !isNew, input.version == nil { throw AppError.invalid("version", "error.required") }
        guard let year = input.year ?? (isNew ? nil : row.year) else { throw AppError.invalid("year", "error.required") }
        guard (2000...CivilDate(context.editor.at).year + 1).contains(year) else { throw AppError.invalid("year", "error.honor.year") }
        guard let cap = input.rewardCapFen ?? (isNew ? nil : row.rewardCapFen) else { throw AppError.invalid("rewardCapFen", "error.required") }
        guard cap >= 0 else { throw AppError.invalid("rewardCapFen", "error.amount.positive") }
        let before = isNew ? nil : row.auditSnapshot()
        row.name = try Held.text(input.name ?? (isNew ? nil : row.name), field: "name")
        row.year = year
        row.rewardCapFen = cap
        row.unitID = isNew ? try Held.unit(input.unitId, context: context) : row.unitID
        try await context.save(row, version: input.version, before: before, once: once)
    }

    static func participants(of campaign: SafetyCampaign, on db: any Database) async throws -> [ParticipantOutput] {
        let rows = try await CampaignParticipant.query(on: db).filter(\.$campaignID == campaign.requireID()).all()
        let names = Dictionary(try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.employerID)).all().compactMap { o in o.id.map { ($0, o.name) } },
                               uniquingKeysWith: { first, _ in first })
        return rows.map { ParticipantOutput(employerId: $0.employerID, employerName: names[$0.employerID] ?? "", headcount: $0.headcount) }.sorted { $0.employerName < $1.employerName }
    }

    /// Adds an employer (or changes its headcount) in the campaign.
    static func join(_ input: ParticipantInput, campaign: SafetyCampaign, context: WriteContext) async throws {
        guard let employerID = input.employerId else { throw AppError.invalid("employerId", "error.required") }
        let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: context.app.db)
        guard employer.kind == .employer || employer.kind == .cooperative else { throw AppError.invalid("employerId", "error.training.notEmployer") }
        guard let headcount = input.headcount else { throw AppError.invalid("headcount", "error.required") }
        guard headcount > 0 else { throw AppError.invalid("headcount", "error.amount.positive") }
        let campaignID = try campaign.requireID()
        let editor = context.editor
        try await context.app.write { db in
            let row = try await CampaignParticipant.query(on: db).filter(\.$campaignID == campaignID).filter(\.$employerID == employerID).first() ?? CampaignParticipant()
            row.campaignID = campaignID
            row.employerID = employerID
            row.headcount = headcount
            try await row.save(on: db)
            try await Audit.record(.update, campaign, before: nil, after: ["participant": "\(employer.name): \(headcount)"], by: editor, on: db)
        }
    }

    static func accidentOutputs(_ rows: [AccidentRecord], on db: any Database) async throws -> [AccidentOutput] {
        let names = Dictionary(try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.employerID)).all().compactMap { o in o.id.map { ($0, o.name) } },
                               uniquingKeysWith: { first, _ in first })
        return try rows.map { row in
            AccidentOutput(id: try row.requireID(), unitId: row.unitID, employerId: row.employerID, employerName: names[row.employerID] ?? "", year: row.year,
                           headcount: row.headcount, injured: row.injured, deaths: row.deaths, lostDays: row.lostDays,
                           ratePerThousand: AccidentRates.perThousand(casualties: row.injured + row.deaths, headcount: row.headcount),
                           version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func saveAccident(_ input: AccidentInput, to row: AccidentRecord, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        if !isNew, input.version == nil { throw AppError.invalid("version", "error.required") }
        let db = context.app.db
        guard let employerID = input.employerId ?? (isNew ? nil : row.employerID) else { throw AppError.invalid("employerId", "error.required") }
        let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: db)
        guard let year = input.year ?? (isNew ? nil : row.year) else { throw AppError.invalid("year", "error.required") }
        guard (2000...CivilDate(context.editor.at).year).contains(year) else { throw AppError.invalid("year", "error.honor.year") }
        guard let headcount = input.headcount ?? (isNew ? nil : row.headcount) else { throw AppError.invalid("headcount", "error.required") }
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

    /// Participants' rate this year against last year, and the same for the employers in scope
    /// that did not take part.
    static func rates(of campaign: SafetyCampaign, scope: UnitScope, on db: any Database) async throws -> CampaignRates {
        let participants = Set(try await CampaignParticipant.query(on: db).filter(\.$campaignID == campaign.requireID()).all(\.$employerID))
        let records = try await scope.apply(to: AccidentRecord.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$year ~~ [campaign.year - 1, campaign.year]).all()
        func group(_ inside: Bool) -> CampaignRates.Group {
            let mine = records.filter { participants.contains($0.employerID) == inside }
            let now = mine.filter { $0.year == campaign.year }
            let before = mine.filter { $0.year == campaign.year - 1 }
            let rate = AccidentRates.perThousand(casualties: now.map { $0.injured + $0.deaths }.reduce(0, +), headcount: now.map(\.headcount).reduce(0, +))
            let previous = AccidentRates.perThousand(casualties: before.map { $0.injured + $0.deaths }.reduce(0, +), headcount: before.map(\.headcount).reduce(0, +))
            return CampaignRates.Group(employers: Set(now.map(\.employerID)).count, headcount: now.map(\.headcount).reduce(0, +),
                                       casualties: now.map { $0.injured + $0.deaths }.reduce(0, +), previousHeadcount: before.map(\.headcount).reduce(0, +),
                                       previousCasualties: before.map { $0.injured + $0.deaths }.reduce(0, +), rate: rate, previousRate: previous,
                                       change: AccidentRates.change(from: previous, to: rate))
        }
        return CampaignRates(year: campaign.year, participants: group(true), others: group(false))
    }
}
