import UnionHallPlatform
import Vapor

/// `unionhall demo [--members N]`: migrates and loads the demo data set (Jinchang and Qingyang).
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "members", help: "How many synthetic members to generate (default: Qingyang's real scale)")
        var members: Int?
    }

    var help: String { "Loads the demo data set of the Jinchang and Qingyang city unions." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        _ = try await AccountService.ensureAdmin(on: app, password: Environment.get("UNIONHALL_ADMIN_PASSWORD"))
        let count = signature.members ?? DemoData.defaultMemberCount
        guard count >= 0 else { throw AppError.invalid("members", "error.invalid") }
        context.console.print(try await DemoData.load(on: app, members: count))
    }
}
