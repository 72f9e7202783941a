import Crypto
import Foundation
import UnionHallCore

/// A backup's SHA-256 in `FILE.sha256` (as `sha256sum` writes it), read in 1 MB pieces.
enum BackupDigest {
    static func of(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.lowercase(hasher.finalize())
    }

    static func write(for path: String) throws -> String {
        let digest = try of(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        try Data("\(digest)  \(name)\n".utf8).write(to: URL(fileURLWithPath: path + ".sha256"))
        return digest
    }

    /// nil when there is no digest beside the file; otherwise whether the file still matches it.
    static func matches(_ path: String) throws -> Bool? {
        guard let text = try? String(contentsOfFile: path + ".sha256", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.map(String.init) == (try of(path))
    }
}
