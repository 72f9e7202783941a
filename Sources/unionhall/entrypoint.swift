import Logging
import UnionHallApp
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        // `serve --demo` loads the demo data set before listening; Vapor's serve does not know the flag.
        let loadDemo = env.arguments.contains("--demo")
        env.arguments.removeAll { $0 == "--demo" }
        let serving = env.arguments.count < 2 || env.arguments[1] == "serve" || env.arguments[1].hasPrefix("-")

        let app = try await Application.make(env)
        do {
            try await configure(app)
            if serving { try await Startup.prepare(app, loadDemo: loadDemo) }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
