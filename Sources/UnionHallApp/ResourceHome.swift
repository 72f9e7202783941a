import Foundation
import Vapor

/// The folder that holds `Resources/` (views, translations) and `Public/`. A binary started from
/// elsewhere than the project's folder — by systemd, from `/usr/local/bin`, from a script's own
/// folder — finds them through `UNIONHALL_HOME`, or beside or above its own executable (a build's
/// `.build/release/unionhall` lies under the project). Data paths (`UNIONHALL_DB`, `UNIONHALL_FILES`)
/// stay relative to the working directory.
enum ResourceHome {
    struct NotFound: Error, CustomStringConvertible {
        let looked: [String]

        var description: String {
            "Resources/Localization was not found, or is in a folder anyone may write to, in " + looked.joined(separator: ", ")
                + ": start unionhall in the project's folder or set UNIONHALL_HOME to it."
        }
    }

    /// How many folders above the executable are looked in (`.build/x86_64-unknown-linux-gnu/release/` is three).
    static let parentsSearched = 4

    static func locate(
        workingDirectory: String, executable: String?, home: String?,
        hasResources: (String) -> Bool = holdsResources
    ) throws -> String {
        if let home, !home.isEmpty {
            guard hasResources(home) else { throw NotFound(looked: [home]) }
            return home
        }
        let working = workingDirectory.count > 1 && workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
        var looked = [working]
        if hasResources(working) { return working }
        if let executable {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0...parentsSearched {
                if !looked.contains(folder.path) {
                    looked.append(folder.path)
                    if hasResources(folder.path) { return folder.path }
                }
                if folder.path == "/" { break }
                folder.deleteLastPathComponent()
            }
        }
        throw NotFound(looked: looked)
    }

    /// A folder others may write to (`/tmp`) is passed over: anyone could put views there for the server to render.
    static func holdsResources(_ folder: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder),
            let permissions = attributes[.posixPermissions] as? Int, permissions & 0o002 == 0
        else { return false }
        return FileManager.default.fileExists(atPath: folder + "/Resources/Localization")
    }

    /// Points the application's folders at the home found (unchanged when it is the working directory).
    static func apply(to app: Application) throws {
        let found = try locate(
            workingDirectory: app.directory.workingDirectory,
            executable: CommandLine.arguments.first.flatMap(executablePath),
            home: Environment.get("UNIONHALL_HOME"))
        app.directory = DirectoryConfiguration(workingDirectory: found)
    }

    /// The running binary's own path; `argv[0]` may be a bare name found on `PATH`.
    private static func executablePath(_ argument: String) -> String? {
        #if os(Linux)
            if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
        #endif
        return argument.contains("/") ? argument : nil
    }
}
