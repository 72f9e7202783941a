import Fluent
import SQLKit
import UnionHallPlatform
import Vapor

/// `GET /metrics` for the operator: Prometheus's text format, read with an admin's token or the
/// scraper's own (`UNIONHALL_METRICS_TOKEN`); anyone else gets the same 404 as a path that is not
/// there. On each scrape it samples what the operator pages on: every item that waits for officers
/// (applications past their answer period, disputes past their deadline …, city-wide), and on
/// PostgreSQL this instance's database connections.
enum MetricsRoute {
    static func add(to app: Application) {
        app.chained(BearerTokenAuthenticator()).get("metrics") { request async throws -> Response in
            guard allowed(request) else { throw AppError.notFound }
            try await sample(request)
            var headers = HTTPHeaders()
            headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
            return Response(status: .ok, headers: headers, body: .init(string: request.application.telemetry.text()))
        }
    }

    static func allowed(_ request: Request) -> Bool {
        if request.auth.get(User.self)?.role == .admin { return true }
        guard let expected = Environment.get("UNIONHALL_METRICS_TOKEN"), !expected.isEmpty,
            let sent = request.headers.bearerAuthorization?.token
        else { return false }
        return CSRFMiddleware.constantTimeEqual(Array(expected.utf8), Array(sent.utf8))
    }

    private static func sample(_ request: Request) async throws {
        let telemetry = request.application.telemetry
        // The todos count as an admin would; a scraper's token signs no one in, so an unsaved admin stands in.
        let scraper = request.auth.get(User.self) ?? User(username: "metrics", passwordHash: "", displayName: "", role: .admin, unitID: nil)
        request.auth.login(scraper)
        let scope = UnitScope(unitIDs: nil, tree: try await request.unitTree(), seesAid: true)
        for todo in request.application.features.flatMap(\.todos) where todo.audience == .officers {
            guard let waiting = try await todo.count(scraper, scope, request) else { continue }
            telemetry.set(
                "unionhall_waiting_items", labels: [("item", String(todo.label.dropFirst("todo.".count)))],
                help: "Items waiting for officers city-wide, as their dashboards count them", to: Double(waiting.count))
        }
        try await sampleConnections(request, telemetry)
    }

    private static func sampleConnections(_ request: Request, _ telemetry: Telemetry) async throws {
        let configured = System.coreCount * DatabaseSetup.connectionsPerLoop
        telemetry.set("unionhall_db_connections_max", help: "Database connections this instance may open", to: Double(configured))
        guard let sql = request.db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        let rows = try await sql.raw(
            """
            SELECT state, COUNT(*) AS n FROM pg_stat_activity \
            WHERE application_name = \(bind: DatabaseSetup.applicationName) GROUP BY state
            """
        ).all()
        var byState = ["active": 0, "idle": 0, "idle in transaction": 0]
        for row in rows {
            byState[((try? row.decode(column: "state", as: String?.self)) ?? nil) ?? "other"] = try row.decode(column: "n", as: Int.self)
        }
        for (state, count) in byState {
            telemetry.set(
                "unionhall_db_connections", labels: [("state", state)], help: "This instance's open database connections by state",
                to: Double(count))
        }
    }
}
