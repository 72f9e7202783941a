import Foundation
import Logging
import SQLKit
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

@Suite struct TelemetryTests {
    func readiness(_ response: LiveResponse) throws -> HealthRoutes.Readiness {
        try JSONDecoder().decode(HealthRoutes.Readiness.self, from: Data(response.body.readableBytesView))
    }

    @Test func healthAndReadinessAnswerWithoutSignIn() async throws {
        try await TestWorld.run { world in
            #expect(try await world.http.sendRequest(.GET, "healthz").status == .ok)
            let ready = try await world.http.sendRequest(.GET, "readyz")
            #expect(ready.status == .ok)
            #expect(try readiness(ready).failing.isEmpty)
        }
    }

    @Test func readinessNamesTheCheckThatFails() async throws {
        try await TestWorld.run { world in
            let blocked = FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-\(UUID().uuidString)")
            try Data("a file, not a directory".utf8).write(to: blocked)
            defer { try? FileManager.default.removeItem(at: blocked) }
            world.app.current.filesDirectory = blocked.path
            let ready = try await world.http.sendRequest(.GET, "readyz")
            // On PostgreSQL uploads are rows, and the directory is not needed.
            #expect(ready.status == (usesPostgres ? .ok : .serviceUnavailable))
            #expect(try readiness(ready).failing == (usesPostgres ? [] : ["files"]))
            // A build newer than its database (a migration not yet run) is not ready.
            try await world.app.db.sql().raw("DELETE FROM _fluent_migrations WHERE name LIKE '%CreateOperations'").run()
            let behind = try await world.http.sendRequest(.GET, "readyz")
            #expect(behind.status == .serviceUnavailable)
            #expect(try readiness(behind).failing.contains("migrations"))
        }
    }

    @Test func metricsAreTheOperatorsAlone() async throws {
        try await TestWorld.run { world in
            _ = try await world.api(.GET, "api/v1/members", as: "city")
            _ = try await world.api(.GET, "api/v1/members/\(UUID())", as: "city")
            for user in [nil, "city", "officerA", "worker", "expert"] as [String?] {
                #expect(try await world.api(.GET, "metrics", as: user).status == .notFound, "\(user ?? "anonymous")")
            }
            let metrics = try await world.api(.GET, "metrics", as: "admin")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.subType == "plain")
            let text = metrics.body.string
            #expect(text.contains(#"unionhall_http_requests_total{method="GET",route="/api/v1/members",status="200"} 1"#))
            #expect(text.contains(#"unionhall_http_requests_total{method="GET",route="/api/v1/members/:id",status="404"} 1"#))
            #expect(text.contains(#"unionhall_http_request_duration_seconds_bucket{method="GET",route="/api/v1/members",le="#))
            #expect(text.contains(#"unionhall_waiting_items{item="applicationsOverdue"} 0"#))
            #expect(text.contains(#"unionhall_waiting_items{item="disputesOverdue"}"#))
            #expect(text.contains("unionhall_imports_running 0"))
            #expect(text.contains("unionhall_db_connections_max"))
            // No value from a path reaches a label.
            #expect(!text.contains(world.memberA.uuidString))
        }
    }

    @Test func aScraperTokenReadsMetricsAndNothingElse() async throws {
        setenv("UNIONHALL_METRICS_TOKEN", "scrape-secret-1", 1)
        defer { unsetenv("UNIONHALL_METRICS_TOKEN") }
        try await TestWorld.run { world in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: "scrape-secret-1")
            let metrics = try await world.http.sendRequest(.GET, "metrics", headers: headers)
            #expect(metrics.status == .ok)
            let members = try await world.http.sendRequest(.GET, "api/v1/members", headers: headers)
            #expect(members.status == .unauthorized)
            headers.bearerAuthorization = BearerAuthorization(token: "scrape-secret-2")
            let wrong = try await world.http.sendRequest(.GET, "metrics", headers: headers)
            #expect(wrong.status == .notFound)
        }
    }

    @Test func everyAnswerCarriesItsRequestID() async throws {
        try await TestWorld.run { world in
            let own = try await world.http.sendRequest(.GET, "healthz")
            #expect(UUID(uuidString: own.headers.first(name: .xRequestId) ?? "") != nil)
            let given = try await world.http.sendRequest(.GET, "healthz", headers: ["X-Request-Id": "from-nginx-42"])
            #expect(given.headers.first(name: .xRequestId) == "from-nginx-42")
        }
    }

    @Test func aLogLineIsOneJSONObjectWithoutFullNumbers() throws {
        let line = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 0), level: .error, label: "codes.vapor.application",
            message: "member 62100219800517123X refused", metadata: ["request-id": "abc", "mobile": "13912345678"], source: "App")
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["message"] as? String == "member 621*************3X refused")
        #expect(object["mobile"] as? String == "139******78")
        #expect(object["request-id"] as? String == "abc")
        #expect(object["level"] as? String == "error")
        #expect(object["time"] as? String == "1970-01-01T00:00:00.000Z")
    }
}
