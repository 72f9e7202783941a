import UnionHallPlatform
import Vapor

/// `GET /api/v1/members/statistics`: the register's figures for a subtree and period (this year by default).
struct MemberStatisticsRoute: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("members", "statistics") { req async throws -> MemberStatistics in
            let (_, scope) = try await req.requireManager()
            let query = try req.query.decode(PeriodQuery.self)
            let (from, to) = try StatisticsService.periods(query, today: req.today).current
            return try await MemberStatistics.compute(
                FigureQuery(scope: scope, from: from, to: to, unitId: query.unitId, today: req.today, db: req.db))
        }
    }
}
