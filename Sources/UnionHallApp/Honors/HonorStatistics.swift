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
        let groups = try await query.select(Honor.schema, years: "year").tallies(by: ["title", "level"])
        return HonorStatistics(conferred: groups.rows, byTitle: groups.counts(at: 0), byLevel: groups.counts(at: 1))
    }
}
