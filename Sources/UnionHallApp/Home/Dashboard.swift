import UnionHallCore
import UnionHallPlatform
import Vapor

/// The officer's dashboard: the period's headline figures by programme beside the previous
/// period's, a few breakdowns as bars, and what waits for them; every figure a link to its records.
struct Dashboard: Encodable {
    struct Module: Encodable {
        var label: String
        var lines: [HeadlineReading]
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
    var computedAt: String
    var modules: [Module]
    var charts: [BarChart]
    var todos: [Waiting]

    static func build(_ query: PeriodQuery, user: User, scope: UnitScope, on request: Request) async throws -> Dashboard {
        let document = try await StatisticsSnapshots.document(query, scope: scope, on: request)
        var modules: [Module] = []
        var charts: [BarChart] = []
        for part in StatisticsService.parts(for: scope, features: request.application.features) {
            guard let figures = document.modules[part.key] else { continue }
            let lines = HeadlineReading.all(of: part, in: document, on: request)
            if !lines.isEmpty { modules.append(Module(label: request.t("statistics.module.\(part.key)"), lines: lines)) }
            for spec in part.charts {
                guard case .list(let rows)? = figures.current.value(at: spec.path) else { continue }
                let bars = rows.compactMap { row -> (label: String, amount: Int64, value: String, href: String)? in
                    guard case .text(let key)? = row.value(at: "key"), let count = row.value(at: "count")?.integer, count > 0 else {
                        return nil
                    }
                    return (
                        request.t("\(spec.catalogue).\(key)"), count, String(count), document.link("\(spec.href)?\(spec.filter)=\(key)")
                    )
                }
                if !bars.isEmpty { charts.append(BarChart(title: request.t(spec.title), bars)) }
            }
        }
        let todos = try await waiting(for: .officers, user: user, scope: scope, on: request)
        return Dashboard(
            unitId: query.unitId?.uuidString, from: document.from, to: document.to, previousFrom: document.previousFrom,
            previousTo: document.previousTo, computedAt: document.computedAt.map(Pages.timestamp) ?? "", modules: modules, charts: charts,
            todos: todos)
    }
}

extension Dashboard {
    /// A worker's own matters in progress, each a link to where they follow it.
    static func ownMatters(of user: User, on request: Request) async throws -> [Waiting] {
        try await waiting(for: .workers, user: user, scope: try await request.scope(), on: request)
    }

    /// What the features declare as waiting for this audience, with a count above zero.
    static func waiting(for audience: Todo.Audience, user: User, scope: UnitScope, on request: Request) async throws -> [Waiting] {
        var waiting: [Waiting] = []
        for todo in request.application.features.flatMap(\.todos) where todo.audience == audience {
            guard let (count, href) = try await todo.count(user, scope, request), count > 0 else { continue }
            waiting.append(Waiting(label: request.t(todo.label), count: count, href: href))
        }
        return waiting
    }
}
