import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Every module's figures for a subtree and period, each beside the same figure for the previous
/// period of equal length: `GET /api/v1/statistics`.
struct StatisticsDocument: Content {
    struct Module: Content {
        var current: FigureValue
        var previous: FigureValue
    }

    var unitId: UUID?
    var from: String
    var to: String
    var previousFrom: String
    var previousTo: String
    /// When the figures were counted: the document is kept and counted again when records change.
    var computedAt: Date?
    /// By module key (`disputes`); hardship and aid only for those who handle aid.
    var modules: [String: Module]
}

enum StatisticsService {
    /// The period asked for, this calendar year when none is; and the one before it of equal
    /// length (whole years shift by years, so 2024 is compared with 2023).
    static func periods(_ query: PeriodQuery, today: CivilDate) throws -> (
        current: (CivilDate, CivilDate), previous: (CivilDate, CivilDate)
    ) {
        _ = try query.list.period()
        let from = query.from.flatMap { $0.isEmpty ? nil : CivilDate($0) } ?? CivilDate(year: today.year, month: 1, day: 1)
        let to = query.to.flatMap { $0.isEmpty ? nil : CivilDate($0) } ?? CivilDate(year: today.year, month: 12, day: 31)
        guard let from, let to else { throw AppError.invalid("from", "error.date.invalid") }
        guard to >= from else { throw AppError.invalid("to", "error.date.order") }
        if from.month == 1, from.day == 1, to.month == 12, to.day == 31 {
            let years = to.year - from.year + 1
            guard let start = CivilDate(year: from.year - years, month: 1, day: 1),
                let end = CivilDate(year: to.year - years, month: 12, day: 31)
            else { throw AppError.invalid("from", "error.date.invalid") }
            return ((from, to), (start, end))
        }
        let days = Int((to.startOfDay.timeIntervalSince(from.startOfDay) / 86_400).rounded()) + 1
        // The period before must still fall in the calendar (year 1 at the earliest).
        guard let first = CivilDate(year: 1, month: 1, day: 1),
            from.startOfDay.timeIntervalSince(first.startOfDay) >= Double(days) * 86_400
        else { throw AppError.invalid("from", "error.date.invalid") }
        let end = from.adding(days: -1)
        let start = from.adding(days: -days)
        return ((from, to), (start, end))
    }

    /// The parts a reader may see: aid and hardship only for those who handle aid.
    static func parts(for scope: UnitScope, features: [Feature]) -> [StatisticsPart] {
        features.flatMap(\.figures).filter { scope.seesAid || !$0.aidData }
    }

    /// Every part counted for both periods, from the records as they are now.
    static func document(
        _ query: PeriodQuery, scope: UnitScope, today: CivilDate, features: [Feature], on db: any Database
    ) async throws -> StatisticsDocument {
        let (current, previous) = try periods(query, today: today)
        _ = try scope.unitIDs(within: query.unitId)
        let memo = FigureMemo()
        let now = FigureQuery(scope: scope, from: current.0, to: current.1, unitId: query.unitId, today: today, db: db, memo: memo)
        let before = FigureQuery(scope: scope, from: previous.0, to: previous.1, unitId: query.unitId, today: today, db: db, memo: memo)
        var modules: [String: StatisticsDocument.Module] = [:]
        for part in parts(for: scope, features: features) {
            modules[part.key] = .init(
                current: try FigureValue.of(try await part.compute(now)), previous: try FigureValue.of(try await part.compute(before)))
        }
        return StatisticsDocument(
            unitId: query.unitId, from: current.0.description, to: current.1.description, previousFrom: previous.0.description,
            previousTo: previous.1.description, modules: modules)
    }
}
