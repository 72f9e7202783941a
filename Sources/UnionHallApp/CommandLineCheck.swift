/// What the command line asks for that Vapor or ConsoleKit would get wrong, refused before anything
/// starts: a confirmation nobody can give, a port that does not exist.
public enum CommandLineCheck {
    /// A command that cannot run as asked, in the operator's words.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// The commands that ask before they change the database, and the flags that answer for them.
    static let confirmingCommands = ["migrate": ["--yes", "-y"], "restore": ["--yes", "-y"]]

    public static func check(_ arguments: [String], interactive: Bool) throws {
        try checkAnswerable(arguments, interactive: interactive)
        try checkPort(arguments)
    }

    /// A command that asks first stops the process with a crash report (ConsoleKit's) when standard
    /// input has no answer to give (a script, a service, CI): refuse instead, saying how to run it.
    static func checkAnswerable(_ arguments: [String], interactive: Bool) throws {
        guard !interactive, arguments.count > 1, let answers = confirmingCommands[arguments[1]],
            !arguments.contains(where: answers.contains)
        else { return }
        throw Refusal(description: "\(arguments[1]) asks for confirmation, and standard input is not a terminal: add --yes to run it")
    }

    /// `serve --port 99999` would listen on 34463: NIO keeps the port's low 16 bits.
    static func checkPort(_ arguments: [String]) throws {
        for (index, argument) in arguments.enumerated() where argument == "--port" || argument == "-p" {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            guard let port = Int(value), (1...65_535).contains(port) else {
                throw Refusal(description: "--port takes a number from 1 to 65535, not \(value.isEmpty ? "nothing" : value)")
            }
        }
    }
}
