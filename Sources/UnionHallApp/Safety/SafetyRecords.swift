import Fluent
import UnionHallCore
import UnionHallPlatform
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

struct CampaignInput: Content, VersionedInput {
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

struct AccidentInput: Content, VersionedInput {
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
    static func participants(of campaign: SafetyCampaign, on db: any Database) async throws -> [ParticipantOutput] {
        let rows = try await CampaignParticipant.query(on: db).filter(\.$campaignID == campaign.requireID()).all()
        let names = Dictionary(
            try await Organization.query(on: db).filter(\.$id ~~ rows.map(\.employerID)).all().compactMap { o in o.id.map { ($0, o.name) }
            },
            uniquingKeysWith: { first, _ in first })
        return rows.map { ParticipantOutput(employerId: $0.employerID, employerName: names[$0.employerID] ?? "", headcount: $0.headcount) }
            .sorted { $0.employerName < $1.employerName }
    }

    /// Adds an employer (or changes its headcount) in the campaign.
    static func join(_ input: ParticipantInput, campaign: SafetyCampaign, context: WriteContext) async throws {
        guard let employerID = input.employerId else { throw AppError.invalid("employerId", "error.required") }
        let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: context.app.db)
        guard employer.kind == .employer || employer.kind == .cooperative else {
            throw AppError.invalid("employerId", "error.training.notEmployer")
        }
        guard let headcount = input.headcount else { throw AppError.invalid("headcount", "error.required") }
        guard headcount > 0 else { throw AppError.invalid("headcount", "error.amount.positive") }
        let campaignID = try campaign.requireID()
        let editor = context.editor
        try await context.app.write { db in
            let row =
                try await CampaignParticipant.query(on: db).filter(\.$campaignID == campaignID).filter(\.$employerID == employerID).first()
                ?? CampaignParticipant()
            row.campaignID = campaignID
            row.employerID = employerID
            row.headcount = headcount
            try await row.save(on: db)
            try await Audit.record(
                .update, campaign, before: nil, after: ["participant": "\(employer.name): \(headcount)"], by: editor, on: db)
        }
    }

    /// Participants' rate this year against last year, and the same for the employers in scope
    /// that did not take part.
    static func rates(of campaign: SafetyCampaign, scope: UnitScope, on db: any Database) async throws -> CampaignRates {
        let participants = Set(try await CampaignParticipant.query(on: db).filter(\.$campaignID == campaign.requireID()).all(\.$employerID))
        let records = try await scope.apply(to: AccidentRecord.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$year ~~ [campaign.year - 1, campaign.year]).all()
        func group(_ inside: Bool) throws -> CampaignRates.Group {
            let mine = records.filter { participants.contains($0.employerID) == inside }
            func totals(_ year: Int) throws -> (headcount: Int, casualties: Int) {
                let rows = mine.filter { $0.year == year }
                return (try rows.map(\.headcount).total(), try (rows.map(\.injured) + rows.map(\.deaths)).total())
            }
            let (now, before) = (try totals(campaign.year), try totals(campaign.year - 1))
            let rate = AccidentRates.perThousand(casualties: now.casualties, headcount: now.headcount)
            let previous = AccidentRates.perThousand(casualties: before.casualties, headcount: before.headcount)
            return CampaignRates.Group(
                employers: Set(mine.filter { $0.year == campaign.year }.map(\.employerID)).count, headcount: now.headcount,
                casualties: now.casualties, previousHeadcount: before.headcount, previousCasualties: before.casualties,
                rate: rate, previousRate: previous, change: AccidentRates.change(from: previous, to: rate))
        }
        return CampaignRates(year: campaign.year, participants: try group(true), others: try group(false))
    }
}
