/// What the logs may not hold: a run of 11 or more digits (a mobile, an ID number, with its final
/// X) keeps its first three and last two characters, the rest starred. A UUID's last group (twelve
/// characters after a hyphen) passes even when all are digits, so request ids stay whole.
public enum LogRedaction {
    public static let shortestRun = 11

    public static func redact(_ text: String) -> String {
        guard text.utf8.count >= shortestRun else { return text }
        var result = ""
        var run: [Character] = []
        func flush() {
            let uuidGroup = run.count == 12 && result.last == "-"
            if run.count >= shortestRun, !uuidGroup {
                result += String(run.prefix(3)) + String(repeating: "*", count: run.count - 5) + String(run.suffix(2))
            } else {
                result += String(run)
            }
            run.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isASCII, character.isNumber || ((character == "X" || character == "x") && run.count == 17) {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
