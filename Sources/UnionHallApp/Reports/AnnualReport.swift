import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The annual work report (年度工作报告) of a union unit: a section per programme, each figure
/// computed from the records at the time of writing, beside the year before, linked to the list
/// that counts it; the highlights the records name; and the officers' own paragraphs.
struct AnnualReport: Content {
    struct Figure: Content {
        var label: String
        var value: String
        var previous: String
        /// `+12.5 %`, or empty when there is nothing to compare with.
        var change: String
        /// Where the figure lies in the statistics document: `disputes.recoveredFen`.
        var definition: String
        var href: String
    }

    struct Section: Content {
        var key: String
        var title: String
        var figures: [Figure]
        var highlights: [String]
        /// The officers' own words for the section, if they wrote any.
        var paragraph: String?
    }

    var unitId: UUID?
    var unitName: String
    var year: Int
    var title: String
    var introduction: String?
    var sections: [Section]
}

/// `?unitId=&year=` (last year by default) and, for the officers' own words, `paragraphs`.
struct AnnualReportQuery: Content {
    var unitId: UUID?
    var year: Int?
    var format: AnnualReportFormat?
}

enum AnnualReportFormat: String, Codable, CaseIterable, Sendable {
    case html, docx, xlsx, json
}

extension AnnualReportFormat: Vocabulary { static let catalogue = "reportFormat" }

enum AnnualReports {
    static func build(
        _ query: AnnualReportQuery, paragraphs: [String: String] = [:], scope: UnitScope, user: User, on request: Request
    ) async throws -> AnnualReport {
        let year = query.year ?? request.today.year - 1
        guard (2...9999).contains(year) else { throw AppError.invalid("year", "error.range", ["2", "9999"]) }
        let period = PeriodQuery(
            from: "\(String(format: "%04d", year))-01-01", to: "\(String(format: "%04d", year))-12-31", unitId: query.unitId)
        let document = try await StatisticsSnapshots.document(period, scope: scope, on: request)
        let unit = query.unitId ?? user.unitID
        let unitName = unit.map { scope.tree.name(of: $0) } ?? request.t("report.allUnits")
        let base = request.absoluteBase
        guard let from = CivilDate(document.from), let to = CivilDate(document.to) else { throw AppError.invalid("year", "error.invalid") }
        let figureQuery = FigureQuery(scope: scope, from: from, to: to, unitId: query.unitId, today: request.today, db: request.db)
        var sections: [AnnualReport.Section] = []
        for part in StatisticsService.parts(for: scope, features: request.application.features) {
            let lines = HeadlineReading.all(of: part, in: document, on: request).map {
                AnnualReport.Figure(
                    label: $0.label, value: $0.value, previous: $0.previous, change: $0.change, definition: $0.definition,
                    href: base + $0.href)
            }
            let highlights = try await part.highlights?(figureQuery, request) ?? []
            guard !lines.isEmpty || !highlights.isEmpty else { continue }
            sections.append(
                AnnualReport.Section(
                    key: part.key, title: request.t("statistics.module.\(part.key)"), figures: lines, highlights: highlights,
                    paragraph: paragraphs[part.key].flatMap { $0.isEmpty ? nil : $0 }))
        }
        return AnnualReport(
            unitId: query.unitId, unitName: unitName, year: year, title: request.t("report.title", [unitName, String(year)]),
            introduction: paragraphs["introduction"].flatMap { $0.isEmpty ? nil : $0 }, sections: sections)
    }
}

extension Request {
    /// `https://host` as the client reached us, for links in a downloaded document; a Host header
    /// that is not a host name and port is not copied into the document.
    var absoluteBase: String {
        let scheme = headers.first(name: "X-Forwarded-Proto") == "https" || application.current.secureCookies ? "https" : "http"
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        let host = headers.first(name: .host).flatMap { $0.count <= 255 && $0.allSatisfy(allowed.contains) ? $0 : nil } ?? "localhost"
        return "\(scheme)://\(host)"
    }
}

/// `POST /api/v1/reports/annual`: the report with the officers' own paragraphs, by section key
/// (`introduction`, `disputes` …), in the format asked for.
struct AnnualReportRequest: Content {
    var unitId: UUID?
    var year: Int?
    var format: AnnualReportFormat?
    var paragraphs: [String: String]?
}

extension AnnualReports {
    static let paragraphLimit = 4_000

    /// The officers' paragraphs, trimmed; each for a section the reader's report has, and of bounded length.
    static func paragraphs(_ raw: [String: String]?, scope: UnitScope, on request: Request) throws -> [String: String] {
        let sections = Set(["introduction"] + StatisticsService.parts(for: scope, features: request.application.features).map(\.key))
        var paragraphs: [String: String] = [:]
        for (key, value) in raw ?? [:] {
            guard sections.contains(key) else { throw AppError.invalid("paragraphs.\(key)", "error.report.section") }
            paragraphs[key] = try Held.text(value, field: "paragraphs.\(key)", required: false, max: paragraphLimit)
        }
        return paragraphs
    }
}
