import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The roster of model workers and craftsmen (and every other honor) and an honor's page; the
/// forms, delete and restore are `RecordPages<HonorForm>`.
struct HonorPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let honors = routes.grouped("honors")
        honors.get(use: index)
        honors.get(":id", use: show)
    }

    struct Row: Encodable {
        var id: String
        var memberId: String
        var memberName: String
        var titleLabel: String
        var levelLabel: String
        var year: Int
        var trade: String
        var unit: String
        var awardingBody: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
        var roster: Bool
        var deleted: Bool
        var year: String
        var titles: [SelectOption]
        var levels: [SelectOption]
        var units: [SelectOption]
        var trades: [SelectOption]
        var sorts: [SelectOption]
    }

    static func row(_ honor: HonorOutput, tree: UnitTree, on req: Request) -> Row {
        Row(
            id: honor.id.uuidString, memberId: honor.memberId.uuidString, memberName: honor.memberName,
            titleLabel: req.t("honorTitle.\(honor.title.rawValue)"), levelLabel: req.t("honorLevel.\(honor.level.rawValue)"),
            year: honor.year, trade: honor.trade ?? "", unit: tree.name(of: honor.unitId), awardingBody: honor.awardingBody)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(HonorFilter.self)
        let page = try await HonorService.list(list, filter: filter, scope: scope, on: req.db)
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "honors.title"), rows: page.items.map { Self.row($0, tree: scope.tree, on: req) },
            pager: Pager(metadata: page.metadata, request: req), q: list.q ?? "", roster: filter.roster == true,
            deleted: list.deleted == true, year: filter.year.map(String.init) ?? "",
            titles: Pages.enumOptions(HonorTitle.self, prefix: "honorTitle", selected: filter.title?.rawValue, request: req),
            levels: Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: filter.level?.rawValue, request: req),
            units: Pages.unitOptions(scope, selected: list.unitId, request: req),
            trades: try await TradeBook.load(on: req.db).filterOptions(selected: filter.trade),
            sorts: ["-year", "title", "name"].map {
                SelectOption(value: $0, label: req.t("sort.\($0)"), selected: $0 == (list.sort ?? "-year"))
            })
        return try await Pages.render("honors/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var honor: Row
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let honor = try await Honor.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await honor.output(on: req)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "honors.show"), honor: Self.row(output, tree: scope.tree, on: req),
            deleted: honor.deletedAt != nil, history: try await Pages.recentHistory(of: honor, scope: scope, on: req))
        return try await Pages.render("honors/show", context, on: req)
    }
}
