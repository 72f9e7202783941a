import Foundation
import Logging
import UnionHallCore

/// One JSON object per line on standard output: time, level, logger, message, the request id and
/// other metadata. Every string passes `LogRedaction` first, so a full ID number or mobile that
/// slipped into a message or an error is masked before it is written.
package struct JSONLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    private let label: String

    package init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let line = Self.line(
            time: Date(), level: event.level, label: label, message: event.message.description, metadata: merged,
            source: event.source)
        JSONLogOutput.shared.write(line)
    }

    static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    package static func line(
        time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata, source: String
    ) -> String {
        var object: [String: Any] = [
            "time": time.formatted(timeFormat), "level": level.rawValue, "logger": label, "message": LogRedaction.redact(message),
        ]
        for (key, value) in metadata where object[key] == nil { object[key] = plain(value) }
        if level >= .warning { object["source"] = source }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): LogRedaction.redact(text)
        case .stringConvertible(let value): LogRedaction.redact(value.description)
        case .array(let values): values.map(plain)
        case .dictionary(let values): values.mapValues(plain)
        }
    }
}

/// Lines from every thread, written whole.
final class JSONLogOutput: @unchecked Sendable {
    static let shared = JSONLogOutput()
    private let lock = NSLock()

    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
