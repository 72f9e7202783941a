import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension CompetitionStatisticsService {
    /// The winners of the period's contests, event by event, from the final results.
    static func highlights(_ query: FigureQuery, request: Request) async throws -> [String] {
        let competitions = Competition.schema
        let events = CompetitionEvent.schema
        let entries = CompetitionEntry.schema
        let winners = try await query.select(competitions, years: "year")
            .join(events, on: SQLColumn("competition_id", table: events), .equal, SQLColumn("id", table: competitions))
            .join(entries, on: SQLColumn("event_id", table: entries), .equal, SQLColumn("id", table: events))
            .join(
                Member.schema, method: SQLJoinMethod.left, on: SQLColumn("id", table: Member.schema), .equal,
                SQLColumn("member_id", table: entries)
            )
            .where(SQLColumn("status", table: events), .equal, SQLBind(EventStatus.final.rawValue))
            .where(SQLColumn("rank", table: entries), .equal, SQLBind(1))
            .column(SQLColumn("trade", table: events), as: "trade")
            .column(
                SQLFunction("COALESCE", args: SQLColumn("name", table: Member.schema), SQLColumn("team_name", table: entries)), as: "winner"
            )
            .orderBy(SQLColumn("trade", table: events)).limit(StatisticsPart.highlighted + 1).all()
            .map {
                request.t(
                    "report.contestWinner",
                    [try $0.decode(column: "trade", as: String.self), try $0.decode(column: "winner", as: String?.self) ?? ""])
            }
        guard !winners.isEmpty else { return [] }
        return [request.t("report.contestWinners", [StatisticsPart.listed(winners, separator: "；", on: request)])]
    }
}
