import SQLKit
import UnionHallPlatform
import Vapor

/// `unionhall demo [--members N]`: migrates and loads the demo data set (Jinchang and Qingyang).
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "members", help: "How many synthetic members to generate (default: Qingyang's real scale)")
        var members: Int?
        @Option(name: "activities", help: "Synthetic activity rows to add across the modules, for benchmarks (default: none)")
        var activities: Int?
    }

    var help: String { "Loads the demo data set of the Jinchang and Qingyang city unions." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        _ = try await AccountService.ensureAdmin(on: app, password: Environment.get("UNIONHALL_ADMIN_PASSWORD"))
        let count = signature.members ?? DemoData.defaultMemberCount
        guard count >= 0 else { throw AppError.invalid("members", "error.invalid") }
        context.console.print(try await DemoData.load(on: app, members: count))
        if let activities = signature.activities {
            guard activities >= 0 else { throw AppError.invalid("activities", "error.invalid") }
            let started = ContinuousClock.now
            let rows = try await app.write { db in try await SyntheticActivities.insert(activities, on: try db.sql()) }
            try await app.db.sql().raw("ANALYZE").run()
            context.console.print(
                "合成活动 Synthetic activity rows: \(rows.values.reduce(0, +)) in \(ContinuousClock.now - started) — "
                    + rows.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
    }
}
