import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The competition figures of a subtree and period (by competition year): competitions and
/// events it runs, and the entries, awards and team prizes of its own members, from final results.
enum CompetitionStatisticsService {
    static func compute(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> CompetitionStatistics {
        let competitions = try CompetitionService.base(list, scope: scope, on: db).filter(\.$deletedAt == nil)
        let ids = try await competitions.copy().all(\.$id)
        let trades = ids.isEmpty ? [] : try await CompetitionEvent.query(on: db).filter(\.$competitionID ~~ ids).all(\.$trade)
        let (from, to) = try list.period()
        func entries() throws -> QueryBuilder<CompetitionEntry> {
            let query = try scope.apply(to: CompetitionEntry.query(on: db), unitKey: \.$unitID, within: list.unitId)
                .join(Competition.self, on: \CompetitionEntry.$competitionID == \Competition.$id).filter(
                    Competition.self, \.$deletedAt == nil)
            if let from { query.filter(Competition.self, \.$year >= CivilDate(from).year) }
            if let to { query.filter(Competition.self, \.$year <= CivilDate(to.addingTimeInterval(-1)).year) }
            return query
        }
        let entryIDs = try await entries().all(\.$id)
        var entrants = 0
        for start in stride(from: 0, to: entryIDs.count, by: 500) {
            entrants += try await CompetitionEntrant.query(on: db).filter(
                \.$entryID ~~ Array(entryIDs[start..<min(start + 500, entryIDs.count)])
            ).count()
        }
        var awards: [String: Int] = [:]
        for award in try await entries().join(CompetitionEvent.self, on: \CompetitionEntry.$eventID == \CompetitionEvent.$id)
            .filter(CompetitionEvent.self, \.$status == .final).filter(\.$award != nil).all(\.$award)
        {
            if let award { awards[award, default: 0] += 1 }
        }
        let prizes = TeamPrize.allCases.map { KeyCount(key: $0.rawValue, count: awards[$0.rawValue] ?? 0) }
        return CompetitionStatistics(
            competitions: ids.count, events: trades.count, trades: Set(trades).count, entries: entryIDs.count, entrants: entrants,
            awards: CompetitionAward.allCases.map { KeyCount(key: $0.rawValue, count: awards[$0.rawValue] ?? 0) },
            teamPrizes: prizes, teamPrizesTotal: prizes.map(\.count).reduce(0, +))
    }
}
