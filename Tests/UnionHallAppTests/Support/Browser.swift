import Foundation
@testable import UnionHallPlatform
import Vapor
import VaporTesting

@testable import UnionHallApp

/// A browser for the page tests: keeps the session cookie and reads CSRF tokens from the forms.
struct Browser {
    let http: LiveServer
    var cookies: [String: String] = [:]
    var language: String?

    init(_ world: TestWorld) { self.http = world.http }
    init(_ http: LiveServer) { self.http = http }

    /// Signs in through the login form, as a person would.
    static func signedIn(_ world: TestWorld, as username: String) async throws -> Browser {
        try await signedIn(world.http, as: username, password: TestWorld.password)
    }

    static func signedIn(_ http: LiveServer, as username: String, password: String) async throws -> Browser {
        var browser = Browser(http)
        let form = try await browser.get("/login")
        let response = try await browser.post("/login", form: ["username": username, "password": password, "_csrf": csrf(in: form)])
        guard response.status == .seeOther || response.status == .found else {
            throw Abort(.internalServerError, reason: "login failed: \(response.status)")
        }
        return browser
    }

    mutating func get(_ path: String) async throws -> LiveResponse {
        try await send(.GET, path, body: nil, contentType: nil)
    }

    mutating func post(_ path: String, form: [String: String]) async throws -> LiveResponse {
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
        let body = form.map { key, value in "\(encoded(key))=\(encoded(value))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: body), contentType: .urlEncodedForm)
    }

    /// A form with a file, as `multipart/form-data`.
    mutating func upload(_ path: String, fields: [String: String], fileName: String, bytes: [UInt8]) async throws -> LiveResponse {
        let body = Upload.body(fileName: fileName, bytes: bytes, extra: fields)
        return try await send(
            .POST, path, body: body,
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": Upload.boundary]))
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer?, contentType: HTTPMediaType?) async throws
        -> LiveResponse
    {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let contentType { headers.contentType = contentType }
        if let language { headers.add(name: .acceptLanguage, value: language) }
        let response = try await http.sendRequest(method, path, headers: headers, body: body)
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[1].isEmpty { cookies[parts[0]] = nil } else { cookies[parts[0]] = parts[1] }
        }
        return response
    }

    static func csrf(in response: LiveResponse) -> String {
        field("_csrf", in: response.body.string) ?? ""
    }

    /// The value of a hidden input in a page.
    static func field(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
