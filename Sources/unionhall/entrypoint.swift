import Foundation
import Logging
import NIOCore
import NIOPosix
import UnionHallApp
import UnionHallPlatform
import Vapor

@main
enum Entrypoint {
    /// A failure to start ends with its reason and exit status 1, not with a crash report.
    static func main() async {
        do {
            try await run()
        } catch {
            FileHandle.standardError.write(Data("unionhall: \(Startup.failureReason(error))\n".utf8))
            exit(1)
        }
    }

    private static func run() async throws {
        // Swift's tasks run on NIO's event loops instead of a pool of their own: a request no longer
        // crosses between the two pools at every await. Nothing here blocks a loop with `.wait()`.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var env = try Environment.detect()
        // One JSON object a line for the log collector; `UNIONHALL_LOG_FORMAT=text` for a person at a terminal.
        if Environment.get("UNIONHALL_LOG_FORMAT") == "text" {
            try LoggingSystem.bootstrap(from: &env)
        } else {
            try LoggingSystem.bootstrap(from: &env) { level in { label in JSONLogHandler(label: label, level: level) } }
        }
        let tracing = try TraceExport.start()
        // `serve --demo` loads the demo data set before listening; Vapor's serve does not know the flag.
        let loadDemo = env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }
        let serving = env.arguments.count < 2 || env.arguments[1] == "serve" || env.arguments[1].hasPrefix("-")

        try CommandLineCheck.check(env.arguments, interactive: isatty(STDIN_FILENO) == 1)
        let app = try await Application.make(env)
        do {
            try await configure(app)
            if serving { try await Startup.prepare(app, loadDemo: loadDemo) }
            try await app.execute()
            if serving {
                // SIGTERM: stop taking connections, let the requests in flight finish, then close the database.
                await app.server.shutdown()
                await app.telemetry.drained(within: .seconds(30))
            }
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            await tracing?.stop()
            throw error
        }
        try await app.asyncShutdown()
        await tracing?.stop()
    }
}
