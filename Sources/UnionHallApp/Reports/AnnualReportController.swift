import UnionHallPlatform
import Vapor

/// `GET /api/v1/reports/annual` and the report's page, where officers add their own paragraphs
/// before downloading it; the figures are computed again for every download.
struct AnnualReportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", "annual") { req async throws -> Response in
            let query = try req.query.decode(AnnualReportQuery.self)
            return try await Self.answer(query, format: query.format ?? .json, paragraphs: [:], on: req)
        }
        routes.post("reports", "annual") { req async throws -> Response in
            let body = try req.content.decode(AnnualReportRequest.self)
            let (_, scope) = try await req.requireManager()
            let paragraphs = try AnnualReports.paragraphs(body.paragraphs, scope: scope, on: req)
            return try await Self.answer(
                AnnualReportQuery(unitId: body.unitId, year: body.year), format: body.format ?? .json, paragraphs: paragraphs, on: req)
        }
    }

    static func answer(
        _ query: AnnualReportQuery, format: AnnualReportFormat, paragraphs: [String: String], on req: Request
    ) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        let report = try await AnnualReports.build(query, paragraphs: paragraphs, scope: scope, user: user, on: req)
        let name = "annual-report-\(report.year)"
        switch format {
        case .json:
            return try await report.encodeResponse(for: req)
        case .html:
            return try await AnnualReportPages.render(report, query: query, printable: true, on: req)
        case .docx:
            let data = try AnnualReportDocx.data(report, previousLabel: req.t("report.previousYear"))
            try await ListExport.recordExport(
                entity: "annualReport", format: format.rawValue, rows: report.sections.count, user: user,
                request: req)
            let response = Response(status: .ok, body: .init(data: data))
            response.headers.replaceOrAdd(name: .contentType, value: AnnualReportDocx.contentType)
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name).docx\"")
            return response
        case .xlsx:
            let header = [
                req.t("statistics.module"), req.t("statistics.figure"), req.t("report.value", [String(report.year)]),
                req.t("report.value", [String(report.year - 1)]), req.t("report.change"), req.t("report.definition"), req.t("report.link"),
            ]
            let rows = report.sections.flatMap { section in
                section.figures.map { [section.title, $0.label, $0.value, $0.previous, $0.change, $0.definition, $0.href] }
            }
            try await ListExport.recordExport(entity: "annualReport", format: format.rawValue, rows: rows.count, user: user, request: req)
            return try SpreadsheetWriter.download(.xlsx, name: name, header: header, rows: rows)
        }
    }
}
