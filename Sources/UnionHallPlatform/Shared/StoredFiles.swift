import Foundation
import SQLKit
import UnionHallCore
import Vapor

/// Uploaded files kept outside the public folder under generated names, and served back only as
/// attachments (never rendered in place), without caching. On PostgreSQL they are rows of
/// `stored_files`, so every instance reads them and a backup holds them; on SQLite (one process)
/// or with `UNIONHALL_FILE_STORE=directory` they are files in the files directory, which several
/// instances must then share.
package enum StoredFiles {
    package static let table = "stored_files"

    /// Writes the bytes under a new name; `save` records the file (in its own write) and the
    /// bytes are removed again if it fails, so no file outlives a refused record.
    package static func keep<T>(_ data: ByteBuffer, kind: FileKind, request: Request, save: (String) async throws -> T) async throws -> T {
        let storedName = "\(UUID().uuidString).\(kind.fileExtension)"
        if request.application.current.filesInDatabase {
            let content = Data(data.readableBytesView)
            try await request.write { db in
                try await db.sql().insert(into: table).columns("name", "content", "created_at")
                    .values(SQLBind(storedName), SQLBind(content), SQLBind(Date())).run()
            }
            do {
                return try await save(storedName)
            } catch {
                try? await request.write { db in try await db.sql().delete(from: table).where("name", .equal, SQLBind(storedName)).run() }
                throw error
            }
        }
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
        let response: Response
        if request.application.current.filesInDatabase,
            let row = try await request.db.sql().select().column("content").from(table).where("name", .equal, SQLBind(storedName)).first()
        {
            response = Response(status: .ok, body: .init(data: try row.decode(column: "content", as: Data.self)))
        } else {
            // Files kept in the directory before the store moved into the database are still served from there.
            let path = request.application.current.filesDirectory + "/" + storedName
            guard FileManager.default.fileExists(atPath: path) else { throw AppError.notFound }
            response = try await request.fileio.asyncStreamFile(at: path)
        }
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
