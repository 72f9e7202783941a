import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension StudioService {
    /// The studios named in the period's years, and the awards studios won in them, for the annual report.
    static func highlights(_ query: FigureQuery, request: Request) async throws -> [String] {
        let scope = try query.scope.narrowed(to: query.list.unitId)
        let names = try await scope.apply(to: Studio.query(on: query.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$yearNamed >= query.from.year).filter(\.$yearNamed <= query.to.year).sort(\.$name).all(\.$name)
        let results = StudioResult.schema
        let awards = try await query.select(results, years: "year", live: false)
            .join(Studio.schema, on: SQLColumn("id", table: Studio.schema), .equal, SQLColumn("studio_id", table: results))
            .where(SQLColumn("deleted_at", table: Studio.schema), .is, SQLLiteral.null)
            .where(SQLColumn("kind", table: results), .equal, SQLBind(StudioResultKind.award.rawValue))
            .column(SQLColumn("title", table: results), as: "title").column(SQLColumn("name", table: Studio.schema), as: "studio")
            .orderBy(SQLOrderBy(expression: SQLColumn("year", table: results), direction: SQLDirection.descending)).orderBy(
                SQLColumn("title", table: results)
            )
            .limit(StatisticsPart.highlighted + 1).all()
            .map {
                request.t(
                    "report.studioAward",
                    [try $0.decode(column: "studio", as: String.self), try $0.decode(column: "title", as: String.self)])
            }
        var lines: [String] = []
        if !names.isEmpty {
            lines.append(request.t("report.studiosNamed", [StatisticsPart.listed(names, total: names.count, on: request)]))
        }
        if !awards.isEmpty { lines.append(request.t("report.studioAwards", [StatisticsPart.listed(awards, on: request)])) }
        return lines
    }
}
