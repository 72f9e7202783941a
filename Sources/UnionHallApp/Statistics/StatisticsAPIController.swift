import UnionHallPlatform
import Vapor

/// `GET /api/v1/statistics` and its export as a spreadsheet (one row a figure, this period and the last).
struct StatisticsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("statistics") { req async throws -> StatisticsDocument in
            let (_, scope) = try await req.requireManager()
            return try await StatisticsSnapshots.document(try req.query.decode(PeriodQuery.self), scope: scope, on: req)
        }
        routes.get("statistics", "export", use: Self.export)
    }

    /// The export, for the API and for the dashboard's link alike.
    @Sendable static func export(req: Request) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        guard let format = try req.query.decode(ListExport.Options.self).format else {
            throw AppError.invalid("format", "error.export.format")
        }
        let document = try await StatisticsSnapshots.document(try req.query.decode(PeriodQuery.self), scope: scope, on: req)
        let (header, rows) = StatisticsService.table(document, on: req)
        try await ListExport.recordExport(entity: "statistics", format: format.rawValue, rows: rows.count, user: user, request: req)
        return try SpreadsheetWriter.download(format, name: "statistics-\(document.from)-\(document.to)", header: header, rows: rows)
    }
}

extension StatisticsService {
    /// The document as a table: the module, the figure's key, this period, the previous one, and the
    /// figure's name in the reader's language where the dashboard names it (a headline, or a bar of a breakdown).
    static func table(_ document: StatisticsDocument, on request: Request) -> (header: [String], rows: [[String]]) {
        let header = [
            request.t("statistics.module"), request.t("statistics.figure"),
            request.t("statistics.current", [document.from, document.to]),
            request.t("statistics.previous", [document.previousFrom, document.previousTo]), request.t("statistics.figureName"),
        ]
        let parts = Dictionary(request.application.features.flatMap(\.figures).map { ($0.key, $0) }) { first, _ in first }
        var rows: [[String]] = []
        for key in document.modules.keys.sorted() {
            guard let module = document.modules[key] else { continue }
            let previous = Dictionary(module.previous.leaves().map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
            for leaf in module.current.leaves() {
                let label = parts[key].flatMap { name(of: leaf.path, in: $0, on: request) } ?? ""
                rows.append([request.t("statistics.module.\(key)"), leaf.path, leaf.value, previous[leaf.path] ?? "", label])
            }
        }
        return (header, rows)
    }

    /// `recoveredFen` → 追回金额; `byType.wageArrears` → 争议案件（按类型）：拖欠工资.
    static func name(of path: String, in part: StatisticsPart, on request: Request) -> String? {
        if let headline = part.headlines.first(where: { $0.path == path }) { return request.t(headline.label) }
        for chart in part.charts where path.hasPrefix(chart.path + ".") {
            let code = path.dropFirst(chart.path.count + 1)
            guard !code.contains(".") else { continue }
            return request.t(chart.title) + "：" + request.t("\(chart.catalogue).\(code)")
        }
        return nil
    }
}
