import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Jinchang's 劳模工匠"助企行" and "助农行": the first groups the craftsmen's work in the workshops and on
/// the line and the technical problems they solve for enterprises, the second the field classes
/// and the endorsements of farm produce.
enum DemoCampaigns {
    static func load(units: [String: UnionUnit], on db: any Database) async throws {
        guard let jinchang = units["jinchang"]?.id, let sql = db as? any SQLDatabase else { return }
        let tree = try await UnitTree.load(on: db)
        let city = Array(tree.subtree(of: jinchang))
        func campaign(_ name: String, _ kind: CampaignKind, start: String, description: String) async throws -> UUID {
            let row = OutreachCampaign()
            row.unitID = jinchang
            row.name = name
            row.kind = kind
            row.startDate = start
            row.endDate = nil
            row.description = description
            row.version = 1
            try await row.create(on: db)
            try await Audit.record(.create, row, by: .system, on: db)
            return try row.requireID()
        }
        let enterprises = try await campaign(
            "金昌市劳模工匠“助企行”", .supportEnterprises, start: "2023-01-01",
            description: "劳模工匠深入车间班组“授绝活”，开展技术交流和“传帮带”，"
                + "为企业“把脉会诊”、解决技术难题。")
        let farmers = try await campaign(
            "金昌市劳模工匠“助农行”", .supportFarmers, start: "2023-04-01",
            description: "农牧业科技领域的劳模工匠走进乡村，开办“田间课堂”，为特色农产品代言。")
        for (id, kinds) in [(enterprises, [OutreachKind.workshops, .frontLine]), (farmers, [.fields, .endorsement])] {
            try await sql.update(OutreachActivity.schema).set("campaign_id", to: id).where("unit_id", .in, city)
                .where("kind", .in, kinds.map(\.rawValue)).run()
        }
        try await sql.update(TechProblem.schema).set("campaign_id", to: enterprises).where("unit_id", .in, city).run()
    }
}
