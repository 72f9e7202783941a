import UnionHallCore
import UnionHallPlatform
import Vapor

/// The officer's dashboard: the period's headline figures by programme beside the previous
/// period's, a few breakdowns as bars, and what waits for them; every figure a link to its records.
struct Dashboard: Encodable {
    struct Line: Encodable {
        var label: String
        var value: String
        var previous: String
        /// `+12.5 %`, `−3 %`, or empty when there is nothing to compare with.
        var change: String
        /// `up`, `down` or `same`, for the arrow.
        var trend: String
        var href: String
    }

    struct Module: Encodable {
        var label: String
        var lines: [Line]
    }

    struct Waiting: Encodable {
        var label: String
        var count: Int
        var href: String
    }

    var unitId: String?
    var from: String
    var to: String
    var previousFrom: String
    var previousTo: String
    var modules: [Module]
    var charts: [BarChart]
    var todos: [Waiting]

    static func build(_ query: PeriodQuery, user: User, scope: UnitScope, on request: Request) async throws -> Dashboard {
        let document = try await StatisticsService.document(query, scope: scope, on: request)
        let period = "from=\(document.from)&to=\(document.to)" + (query.unitId.map { "&unitId=\($0)" } ?? "")
        func link(_ href: String) -> String { href + (href.contains("?") ? "&" : "?") + period }
        var modules: [Module] = []
        var charts: [BarChart] = []
        for part in StatisticsService.parts(for: scope, features: request.application.features) {
            guard let figures = document.modules[part.key] else { continue }
            let lines = part.headlines.compactMap { headline -> Line? in
                guard let now = figures.current.value(at: headline.path)?.integer else { return nil }
                let before = figures.previous.value(at: headline.path)?.integer
                return Line(
                    label: request.t(headline.label), value: text(now, headline.format),
                    previous: before.map { text($0, headline.format) } ?? "—",
                    change: headline.format == .tenthsOfPercent ? "" : change(now, before), trend: trend(now, before),
                    href: link(headline.href))
            }
            if !lines.isEmpty { modules.append(Module(label: request.t("statistics.module.\(part.key)"), lines: lines)) }
            for spec in part.charts {
                guard case .list(let rows)? = figures.current.value(at: spec.path) else { continue }
                let bars = rows.compactMap { row -> (label: String, amount: Int64, value: String, href: String)? in
                    guard case .text(let key)? = row.value(at: "key"), let count = row.value(at: "count")?.integer, count > 0 else {
                        return nil
                    }
                    return (request.t("\(spec.catalogue).\(key)"), count, String(count), link("\(spec.href)?\(spec.filter)=\(key)"))
                }
                if !bars.isEmpty { charts.append(BarChart(title: request.t(spec.title), bars)) }
            }
        }
        var todos: [Waiting] = []
        for todo in request.application.features.flatMap(\.todos) where todo.audience == .officers {
            guard let (count, href) = try await todo.count(user, scope, request), count > 0 else { continue }
            todos.append(Waiting(label: request.t(todo.label), count: count, href: href))
        }
        return Dashboard(
            unitId: query.unitId?.uuidString, from: document.from, to: document.to, previousFrom: document.previousFrom,
            previousTo: document.previousTo, modules: modules,
            charts: charts, todos: todos)
    }

    static func text(_ value: Int64, _ format: Headline.Format) -> String {
        switch format {
        case .count: value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        case .money: Fen(value).description
        case .tenthsOfPercent: String(format: "%+.1f %%", Double(value) / 10)
        }
    }

    static func change(_ now: Int64, _ before: Int64?) -> String {
        guard let before, before > 0 else { return "" }
        let percent = (Double(now) - Double(before)) / Double(before) * 100
        return String(format: "%+.1f %%", percent)
    }

    static func trend(_ now: Int64, _ before: Int64?) -> String {
        guard let before else { return "same" }
        return now > before ? "up" : now < before ? "down" : "same"
    }
}

extension Dashboard {
    /// A worker's own matters in progress, each a link to where they follow it.
    static func ownMatters(of user: User, on request: Request) async throws -> [Waiting] {
        var matters: [Waiting] = []
        let scope = try await request.scope()
        for todo in request.application.features.flatMap(\.todos) where todo.audience == .workers {
            guard let (count, href) = try await todo.count(user, scope, request), count > 0 else { continue }
            matters.append(Waiting(label: request.t(todo.label), count: count, href: href))
        }
        return matters
    }
}
