import Foundation
import UnionHallCore
import Vapor

/// Uploaded files kept outside the public folder under generated names, and served back only as
/// attachments (never rendered in place), without caching.
package enum StoredFiles {
    /// Writes the bytes under a new name; `save` records the file (in its own write) and the
    /// bytes are removed again if it fails, so no file outlives a refused record.
    package static func keep<T>(_ data: ByteBuffer, kind: FileKind, request: Request, save: (String) async throws -> T) async throws -> T {
        let storedName = "\(UUID().uuidString).\(kind.fileExtension)"
        let directory = request.application.current.filesDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + storedName
        try await request.fileio.writeFile(data, at: path)
        do {
            return try await save(storedName)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    package static func serve(_ storedName: String, kind: FileKind, fileName: String, request: Request) async throws -> Response {
        let path = request.application.current.filesDirectory + "/" + storedName
        guard FileManager.default.fileExists(atPath: path) else { throw AppError.notFound }
        let response = try await request.fileio.asyncStreamFile(at: path)
        response.headers.replaceOrAdd(name: .contentType, value: kind.contentType)
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "attachment"
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"attachment.\(kind.fileExtension)\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}

/// A form or body with one file in its `file` field.
package struct FileUpload: Content {
    package var file: File

    package init(file: File) {
        self.file = file
    }
}
