import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 困难职工帮扶 figures for the statistics document: the files on the register by level and standing
/// (as read today), and the files opened, verified and closed in the period.
struct HardshipStatistics: Content {
    var files: Int
    var byLevel: [KeyCount]
    var byStatus: [KeyCount]
    var opened: Int
    var verified: Int
    var closed: Int

    static func compute(_ query: FigureQuery) async throws -> HardshipStatistics {
        let register = try await HardshipService.counts(
            units: try query.scope.unitIDs(within: query.list.unitId), today: query.today, on: try query.sql())
        func dated(_ column: String) async throws -> Int { try await query.select(HardshipFile.schema, dated: column).tallies().rows }
        return HardshipStatistics(
            files: register.total, byLevel: register.byLevel, byStatus: register.byStatus, opened: try await dated("opened_date"),
            verified: try await dated("verified_date"), closed: try await dated("closed_date"))
    }
}
