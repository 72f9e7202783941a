import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 安康杯 figures for the statistics document: hazards reported in the period, and each campaign of
/// the period's years with its participants' accident rate against the year before.
struct SafetyStatistics: Content {
    var hazards: HazardStatistics
    var campaigns: [CampaignRates]
    /// Team safety inspections: plans, inspections held, teams reached, hazards found.
    var inspections: InspectionStatistics

    static func compute(_ query: FigureQuery) async throws -> SafetyStatistics {
        let scope = try query.scope.narrowed(to: query.list.unitId)
        let campaigns = try await scope.apply(to: SafetyCampaign.query(on: query.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$year >= query.from.year).filter(\.$year <= query.to.year).sort(\.$year).all()
        var rates: [CampaignRates] = []
        for campaign in campaigns { rates.append(try await SafetyRecords.rates(of: campaign, scope: scope, on: query.db)) }
        return SafetyStatistics(
            hazards: try await HazardService.statistics(scope: query.scope, list: query.list, on: query.db), campaigns: rates,
            inspections: try await Inspections.statistics(query))
    }
}
