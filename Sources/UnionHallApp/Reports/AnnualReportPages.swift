import UnionHallPlatform
import Vapor

/// The report as a page: chosen by unit and year, printable, with a box under each section for the
/// officers' own words, downloaded as .docx, xlsx or a page to print.
struct AnnualReportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", "annual") { req async throws -> Response in
            let (user, scope) = try await req.requireManager()
            let typed = try req.query.decode(DownloadForm.self)
            do {
                let query = AnnualReportQuery(
                    unitId: try FormValue.uuid(typed.unitId, field: "unitId"), year: try FormValue.integer(typed.year, field: "year"))
                let report = try await AnnualReports.build(query, scope: scope, user: user, on: req)
                return try await Self.render(report, query: query, printable: false, on: req)
            } catch let error as AppError where error.status == .unprocessableEntity || error.status == .notFound {
                // A year typed wrong, or a unit not theirs: say which, and show last year's report of their own.
                let report = try await AnnualReports.build(AnnualReportQuery(), scope: scope, user: user, on: req)
                return try await Self.render(
                    report, query: AnnualReportQuery(), printable: false, error: Pages.formError(error, on: req), on: req)
            }
        }
        routes.post("reports", "annual") { req async throws -> Response in
            let form = try req.content.decode(DownloadForm.self)
            let query = AnnualReportQuery(
                unitId: try FormValue.uuid(form.unitId, field: "unitId"), year: try FormValue.integer(form.year, field: "year"))
            let (user, scope) = try await req.requireManager()
            do {
                let paragraphs = try AnnualReports.paragraphs(form.paragraphs, scope: scope, on: req)
                return try await AnnualReportController.answer(query, format: form.format ?? .docx, paragraphs: paragraphs, on: req)
            } catch let error as AppError where error.status == .unprocessableEntity {
                // The words come back as typed, in their boxes, with what was wrong named above them.
                let report = try await AnnualReports.build(query, paragraphs: form.paragraphs ?? [:], scope: scope, user: user, on: req)
                let page = try await Self.render(report, query: query, printable: false, error: Pages.formError(error, on: req), on: req)
                page.status = .unprocessableEntity
                return page
            }
        }
    }

    struct DownloadForm: Content {
        var unitId: String?
        var year: String?
        var format: AnnualReportFormat?
        var paragraphs: [String: String]?
    }

    struct Context: Encodable {
        var layout: Layout
        var report: AnnualReport
        var printable: Bool
        var year: String
        var unitId: String
        var units: [SelectOption]
        var formats: [SelectOption]
        var previousLabel: String
        var error: FormError?
    }

    static func render(
        _ report: AnnualReport, query: AnnualReportQuery, printable: Bool, error: FormError? = nil, on req: Request
    ) async throws -> Response {
        let scope = try await req.scope()
        let context = Context(
            layout: Pages.layout(req, titleKey: "report.page"), report: report, printable: printable, year: String(report.year),
            unitId: query.unitId?.uuidString ?? "", units: Pages.unitOptions(scope, selected: query.unitId, request: req),
            formats: Pages.enumOptions(AnnualReportFormat.self, prefix: AnnualReportFormat.catalogue, selected: "docx", request: req)
                .filter { $0.value != "json" },
            previousLabel: req.t("report.previousYear"), error: error)
        return try await Pages.render("reports/annual", context, on: req)
    }
}
