import Vapor

/// `unionhall restore FILE [--yes]`: replaces the database named by `DATABASE_URL` or `UNIONHALL_DB`
/// with a checked backup; it asks first unless `--yes` is given.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A backup written by `unionhall backup`")
        var file: String

        @Flag(name: "yes", short: "y", help: "Replace without asking (the replaced database is still kept)")
        var yes: Bool
    }

    var help: String { "Checks a backup whole, then puts it in place of the database (stop every instance first)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let choice = DatabaseChoice.fromEnvironment()
        let target =
            switch choice {
            case .postgres(let url): "PostgreSQL database \(PostgresTools.databaseName(url: url))"
            case .sqlite(let path): path
            }
        guard FileManager.default.fileExists(atPath: signature.file) else {
            throw CommandLineCheck.Refusal(description: "there is no file at \(signature.file)")
        }
        if !signature.yes, !context.console.confirm("Replace \(target) with \(signature.file)? The current one is kept aside.") {
            context.console.print("Nothing was replaced.")
            return
        }
        context.console.print(try await Restore.run(signature.file, into: choice, app: context.application))
    }
}
