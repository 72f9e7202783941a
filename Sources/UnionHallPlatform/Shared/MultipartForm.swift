import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A multipart body read in place: its text fields as strings and its files as slices of the
/// request's own buffer, so a 32 MB spreadsheet is held once. Vapor's form decoder, and
/// MultipartKit's parser under it, hand a large part over in pieces that must be copied together
/// (twice the file at their peak); this scan only finds where each part begins and ends.
package struct MultipartForm {
    package var fields: [String: String] = [:]
    package var files: [String: ByteBuffer] = [:]

    /// The body's parts, or 400 for a body that is not multipart or does not parse.
    package static func read(_ request: Request) throws -> MultipartForm {
        struct Key: StorageKey { typealias Value = MultipartForm }
        if let cached = request.storage[Key.self] { return cached }
        guard let type = request.headers.contentType, type.type == "multipart", let boundary = type.parameters["boundary"],
            !boundary.isEmpty
        else {
            throw AppError(status: .unsupportedMediaType, key: "error.malformed", field: "file")
        }
        let form = try request.body.data.map { try parse($0, boundary: boundary) } ?? MultipartForm()
        request.storage[Key.self] = form
        return form
    }

    package static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        let malformed = AppError(status: .badRequest, key: "error.malformed", field: "file")
        let delimiter = Array("--\(boundary)".utf8)
        let lineBreak: [UInt8] = [13, 10]
        var form = MultipartForm()
        try body.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress else { throw malformed }
            // memchr to each candidate first byte, memcmp for the rest: linear in the body's size.
            func find(_ needle: [UInt8], from start: Int) -> Int? {
                var index = start
                while index + needle.count <= bytes.count {
                    guard let hit = memchr(base + index, Int32(needle[0]), bytes.count - index - needle.count + 1) else { return nil }
                    let offset = UnsafeRawPointer(hit) - base
                    if memcmp(base + offset, needle, needle.count) == 0 { return offset }
                    index = offset + 1
                }
                return nil
            }
            guard var at = find(delimiter, from: 0) else { throw malformed }
            while true {
                at += delimiter.count
                // `--boundary--` closes the body.
                if at + 2 <= bytes.count, bytes[at] == 45, bytes[at + 1] == 45 { return }
                guard at + 2 <= bytes.count, bytes[at] == 13, bytes[at + 1] == 10 else { throw malformed }
                let headersStart = at + 2
                guard let headersEnd = find(lineBreak + lineBreak, from: headersStart) else { throw malformed }
                let contentStart = headersEnd + 4
                // The part ends at a delimiter line: CRLF, the delimiter, then CRLF or `--`.
                var search = contentStart
                var found: Int?
                while found == nil, let candidate = find(lineBreak + delimiter, from: search) {
                    let after = candidate + 2 + delimiter.count
                    if after + 2 <= bytes.count,
                        (bytes[after] == 13 && bytes[after + 1] == 10) || (bytes[after] == 45 && bytes[after + 1] == 45)
                    {
                        found = candidate
                    }
                    search = candidate + 1
                }
                guard let next = found else { throw malformed }
                let headers = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[headersStart..<headersEnd]), as: UTF8.self)
                if let disposition = Disposition(headers) {
                    if disposition.isFile {
                        if form.files[disposition.name] == nil {
                            form.files[disposition.name] = body.getSlice(at: body.readerIndex + contentStart, length: next - contentStart)
                        }
                    } else {
                        form.fields[disposition.name] = String(
                            decoding: UnsafeRawBufferPointer(rebasing: bytes[contentStart..<next]), as: UTF8.self)
                    }
                }
                at = next + 2
            }
        }
        return form
    }

    /// `Content-Disposition: form-data; name="file"; filename="x.csv"`
    package struct Disposition {
        package var name: String
        package var isFile: Bool

        init?(_ headers: String) {
            guard let line = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }) else {
                return nil
            }
            let parameters = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parameters.first(where: { $0.hasPrefix("name=") }) else { return nil }
            self.name = String(name.dropFirst(5)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            self.isFile = parameters.contains { $0.hasPrefix("filename=") }
        }
    }

    /// The named file, or a 422 on it when it is missing or empty.
    package func file(_ name: String = "file") throws -> ByteBuffer {
        guard let file = files[name], file.readableBytes > 0 else { throw AppError.invalid(name, "error.file.empty") }
        return file
    }

    package init(fields: [String: String] = [:], files: [String: ByteBuffer] = [:]) {
        self.fields = fields
        self.files = files
    }
}
