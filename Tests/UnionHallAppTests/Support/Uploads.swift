import Foundation
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// A file sent as `multipart/form-data`, as a browser or an API client sends it.
enum Upload {
    static let boundary = "----unionhall-test-boundary"

    static func body(
        field: String = "file", fileName: String, contentType: String = "application/octet-stream", bytes: [UInt8],
        extra: [String: String] = [:]
    ) -> ByteBuffer {
        var buffer = ByteBuffer()
        for (name, value) in extra {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(fileName)\"\r\n")
        buffer.writeString("Content-Type: \(contentType)\r\n\r\n")
        buffer.writeBytes(bytes)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return buffer
    }

    static var headers: HTTPHeaders { ["Content-Type": "multipart/form-data; boundary=\(boundary)"] }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
            .appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
    static let pdf: [UInt8] = Array("%PDF-1.4\n%\u{E2}\u{E3}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".utf8)
}

extension TestWorld {
    func upload(_ path: String, as user: String?, fileName: String, bytes: [UInt8], contentType: String = "application/octet-stream")
        async throws -> LiveResponse
    {
        var headers = Upload.headers
        if let user { headers.bearerAuthorization = BearerAuthorization(token: try await token(user)) }
        return try await http.sendRequest(
            .POST, path, headers: headers, body: Upload.body(fileName: fileName, contentType: contentType, bytes: bytes))
    }
}
