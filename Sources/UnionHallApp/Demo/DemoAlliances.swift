import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// Jinchang's 劳模工匠创新联盟, founded after the article's "下一步", with the city's honoured model workers
/// and craftsmen as members; and Qingyang's 创新成果展 of the year's collected achievements.
enum DemoAlliances {
    static let exhibitedItems = 30
    static let exhibitionVisitors = 3_600

    static func load(units: [String: UnionUnit], on db: any Database) async throws {
        let tree = try await UnitTree.load(on: db)
        if let jinchang = units["jinchang"]?.id {
            let alliance = InnovationAlliance()
            alliance.unitID = jinchang
            alliance.name = "金昌市劳模工匠创新联盟"
            alliance.foundedDate = "2024-09-01"
            alliance.description = "加大劳模工匠创新工作室建设力度，常态化开展“助企行”“助农行”活动。"
            alliance.version = 1
            try await alliance.create(on: db)
            try await Audit.record(.create, alliance, by: .system, on: db)
            let honoured = Set(
                try await Honor.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: jinchang))).all(\.$memberID))
            for member in honoured.sorted(by: { $0.uuidString < $1.uuidString }) {
                let link = AllianceMember()
                link.allianceID = try alliance.requireID()
                link.unitID = jinchang
                link.memberID = member
                link.joinedDate = alliance.foundedDate
                try await link.create(on: db)
            }
        }
        if let qingyang = units["qingyang"]?.id {
            let exhibition = InnovationExhibition()
            exhibition.unitID = qingyang
            exhibition.title = "庆阳市职工技术创新成果展"
            exhibition.openedDate = "2024-11-15"
            exhibition.closedDate = "2024-11-20"
            exhibition.place = "庆阳市工人文化宫"
            exhibition.visitors = exhibitionVisitors
            exhibition.version = 1
            try await exhibition.create(on: db)
            try await Audit.record(.create, exhibition, by: .system, on: db)
            let items = try await InnovationItem.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: qingyang)))
                .filter(\.$deletedAt == nil).sort(\.$title).limit(exhibitedItems).all()
            for item in items {
                let link = ExhibitionItem()
                link.exhibitionID = try exhibition.requireID()
                link.unitID = qingyang
                link.itemID = try item.requireID()
                try await link.create(on: db)
            }
        }
    }
}
