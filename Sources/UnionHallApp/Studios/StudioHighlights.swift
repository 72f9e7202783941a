import Fluent
import UnionHallPlatform
import Vapor

extension StudioService {
    /// The studios named in the period's years, by name, for the annual report.
    static func highlights(_ query: FigureQuery, request: Request) async throws -> [String] {
        let scope = try query.scope.narrowed(to: query.list.unitId)
        let names = try await scope.apply(to: Studio.query(on: query.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$yearNamed >= query.from.year).filter(\.$yearNamed <= query.to.year).sort(\.$name).all(\.$name)
        guard !names.isEmpty else { return [] }
        let shown = names.prefix(12).joined(separator: "、") + (names.count > 12 ? request.t("report.andMore", [String(names.count)]) : "")
        return [request.t("report.studiosNamed", [shown])]
    }
}
