import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Honours conferred in the period's years, by title and level (an honour is kept by its year).
struct HonorStatistics: Content {
    var conferred: Int
    var byTitle: [KeyCount]
    var byLevel: [KeyCount]

    static func compute(_ query: FigureQuery) async throws -> HonorStatistics {
        let rows = try await query.scope.apply(to: Honor.query(on: query.db), unitKey: \.$unitID, within: query.list.unitId)
            .filter(\.$deletedAt == nil).filter(\.$year >= query.from.year).filter(\.$year <= query.to.year)
            .all()
        func counts(_ key: (Honor) -> String) -> [KeyCount] {
            Dictionary(grouping: rows, by: key).map { KeyCount(key: $0.key, count: $0.value.count) }.sorted { $0.key < $1.key }
        }
        return HonorStatistics(conferred: rows.count, byTitle: counts { $0.title.rawValue }, byLevel: counts { $0.level.rawValue })
    }
}
