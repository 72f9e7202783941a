import Fluent
import SQLKit
import UnionHallPlatform
import Vapor

/// What a load balancer and an orchestrator ask: `/healthz` (the process answers) and `/readyz`
/// (it can serve: the database answers, every migration this build knows has run, and the files
/// directory, where uploads are kept there, can be written). Neither needs a sign-in, and `/readyz` names only which check failed.
enum HealthRoutes {
    struct Readiness: Content {
        var status: String
        var failing: [String]
    }

    static func add(to app: Application) {
        app.get("healthz") { _ in HTTPStatus.ok }
        app.get("readyz") { request async -> Response in
            let failing = await failingChecks(request.application)
            let body = Readiness(status: failing.isEmpty ? "ready" : "not ready", failing: failing)
            let response = Response(status: failing.isEmpty ? .ok : .serviceUnavailable)
            try? response.content.encode(body)
            return response
        }
    }

    static func failingChecks(_ app: Application) async -> [String] {
        guard let sql = app.db as? any SQLDatabase else { return ["database"] }
        var failing: [String] = []
        do {
            let applied = Set(
                try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) })
            if !app.features.flatMap(\.migrations).allSatisfy({ applied.contains($0.name) }) { failing.append("migrations") }
        } catch {
            app.logger.warning("readiness: database: \(String(describing: error))")
            failing.append("database")
        }
        guard !app.current.filesInDatabase else { return failing }
        let directory = app.current.filesDirectory
        let writable = (try? await Offload.run(app) { try probeWrite(directory) }) != nil
        if !writable { failing.append("files") }
        return failing
    }

    /// Writes and removes a small file where uploads are kept: the shared directory every instance uses.
    private static func probeWrite(_ directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let probe = URL(fileURLWithPath: directory).appendingPathComponent(".ready-\(UUID().uuidString)")
        try Data("ok".utf8).write(to: probe)
        try FileManager.default.removeItem(at: probe)
    }
}
