import Foundation
import Vapor

/// Serves the files under `Public/` and looks on disk only for paths under its own top-level
/// entries (listed once at start-up): Vapor's `FileMiddleware` asks the file system about every
/// request, an API call included, on a thread of its own.
package struct PublicFiles: AsyncMiddleware {
    private let files: FileMiddleware
    private let entries: Set<Substring>

    package init(directory: String) {
        files = FileMiddleware(publicDirectory: directory)
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        entries = Set(listed.map { Substring($0) })
    }

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let first = request.url.path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true).first
        guard let first, entries.contains(first) else { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }
}
