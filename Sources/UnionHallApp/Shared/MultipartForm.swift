import MultipartKit
import Vapor

/// A multipart body read in place: its text fields as strings and its file as a slice of the
/// request's own buffer, so a 40 MB spreadsheet is held once. (Vapor's form decoder copies a
/// part while it parses it, and twice over at its peak.) Read once per request and kept.
struct MultipartForm {
    var fields: [String: String] = [:]
    var files: [String: ByteBuffer] = [:]

    /// The body's parts, or 400 for a body that is not multipart or does not parse.
    static func read(_ request: Request) throws -> MultipartForm {
        struct Key: StorageKey { typealias Value = MultipartForm }
        if let cached = request.storage[Key.self] { return cached }
        guard let type = request.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"] else {
            throw AppError(status: .unsupportedMediaType, key: "error.malformed", field: "file")
        }
        var form = MultipartForm()
        if let body = request.body.data {
            form = try parse(body, boundary: boundary)
        }
        request.storage[Key.self] = form
        return form
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        var form = MultipartForm()
        var name: String?
        var isFile = false
        var part: ByteBuffer?
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { header, value in
            guard header.lowercased() == "content-disposition" else { return }
            let parameters = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            name = parameters.first { $0.hasPrefix("name=") }.map { String($0.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            isFile = parameters.contains { $0.hasPrefix("filename=") }
        }
        parser.onBody = { chunk in
            // The first chunk is a view of the body; only a part split across chunks is copied.
            if part == nil { part = chunk } else { part?.writeImmutableBuffer(chunk) }
        }
        parser.onPartComplete = {
            if let name {
                let bytes = part ?? ByteBuffer()
                if isFile { form.files[name] = form.files[name] ?? bytes } else { form.fields[name] = String(buffer: bytes) }
            }
            (name, isFile, part) = (nil, false, nil)
        }
        do {
            try parser.execute(body)
        } catch {
            throw AppError(status: .badRequest, key: "error.malformed", field: "file")
        }
        return form
    }

    /// The named file, or a 422 on it when it is missing or empty.
    func file(_ name: String = "file") throws -> ByteBuffer {
        guard let file = files[name], file.readableBytes > 0 else { throw AppError.invalid(name, "error.file.empty") }
        return file
    }
}
