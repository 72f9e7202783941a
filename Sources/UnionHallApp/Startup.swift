import Fluent
import FluentPostgresDriver
import NIOCore
import UnionHallPlatform
import Vapor

/// What `serve` does before it listens: migrate, make the first admin, optionally load the demo,
/// and tell the person at the terminal how to sign in.
public enum Startup {
    /// How often lapsed sessions and old login failures are removed while serving: by one instance
    /// each time, whichever finds the job due first.
    static let sweepInterval = TimeAmount.minutes(15)

    /// Why the process could not start, for the operator's terminal. PostgresNIO's own description
    /// hides the reason (a refused connection, a wrong password) behind a generic text.
    public static func failureReason(_ error: any Error) -> String {
        error is PSQLError ? String(reflecting: error) : String(describing: error)
    }

    public static func prepare(_ app: Application, loadDemo: Bool) async throws {
        // Instances started together migrate and make the first admin one after another.
        let generated = try await ClusterJobs.exclusively("startup", on: app) {
            try await app.autoMigrate()
            return try await AccountService.ensureAdmin(on: app, password: Environment.get("UNIONHALL_ADMIN_PASSWORD"))
        }
        try await sweepSessions(app)
        if let generated {
            print("管理员账号 admin account created — username: admin  password: \(generated)  (shown once)")
        }
        scheduleSessionSweeps(app)
        if loadDemo {
            let report = try await DemoData.load(on: app, members: DemoData.defaultMemberCount)
            print(report)
        }
    }

    private static func sweepSessions(_ app: Application) async throws {
        try await ClusterJobs.run("session-sweep", every: sweepInterval.seconds * 0.9, on: app) { db in
            try await Sessions.sweep(on: db, environment: app.current)
        }
    }

    private static func scheduleSessionSweeps(_ app: Application) {
        let loop = app.eventLoopGroup.next()
        loop.scheduleRepeatedAsyncTask(initialDelay: sweepInterval, delay: sweepInterval) { _ in
            loop.makeFutureWithTask {
                do {
                    try await sweepSessions(app)
                } catch {
                    app.logger.report(error: error)
                }
            }
        }
    }
}

extension TimeAmount {
    var seconds: TimeInterval { TimeInterval(nanoseconds) / 1e9 }
}
