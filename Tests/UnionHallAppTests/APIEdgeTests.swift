import Foundation
import NIOCore
import OpenAPIKit30
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// Walks the API document: every list route's page parameters and every integer query
/// parameter, and every numeric field of every JSON request body, with values at and past the
/// ends of Int64. Each answer is a 4xx, and the server is still up afterwards.
@Suite struct APIEdgeTests {
    static let edgeNumbers = ["9223372036854775807", "-9223372036854775808", "1e308", "-1e308"]

    @Test func listsAndQueryNumbersTakeEdgeValues() async throws {
        try await TestWorld.run { world in
            let headers = try await Self.headers(world)
            for (path, item, verb, operation) in Self.operations() where verb == .get {
                let parameters = (item.parameters + operation.parameters).compactMap(\.b).filter { $0.location == .query }
                let numeric = parameters.filter {
                    ($0.schemaOrContent.a?.schema.b?.jsonType ?? .string) == .integer || ["page", "per"].contains($0.name)
                }
                for parameter in numeric {
                    for edge in Self.edgeNumbers + ["0", "-1", "x"]
                    where !(edge == "0" && parameter.name != "page" && parameter.name != "per") {
                        let url = Self.concrete(path) + "?\(parameter.name)=\(edge)"
                        let response = try await world.http.sendRequest(.GET, url, headers: headers)
                        #expect(response.status.code < 500, "GET \(url): \(response.status)")
                        if ["page", "per"].contains(parameter.name) {
                            #expect((400..<500).contains(response.status.code), "GET \(url): \(response.status)")
                        }
                    }
                }
            }
            #expect(try await world.http.sendRequest(.GET, "healthz").status == .ok)
        }
    }

    @Test func everyNumericBodyFieldTakesEdgeValues() async throws {
        try await TestWorld.run { world in
            var headers = try await Self.headers(world)
            headers.contentType = .json
            var fields = 0
            for (path, _, verb, operation) in Self.operations() {
                guard let schema = operation.requestBody?.b?.content[.json]?.schema?.b, let properties = Self.properties(of: schema) else {
                    continue
                }
                for (name, property) in properties where [.integer, .number].contains(Self.resolved(property)?.jsonType) {
                    fields += 1
                    for edge in Self.edgeNumbers {
                        let body = ByteBuffer(string: "{\"\(name)\": \(edge)}")
                        let response = try await world.http.sendRequest(
                            HTTPMethod(rawValue: verb.rawValue), Self.concrete(path), headers: headers, body: body)
                        #expect((400..<500).contains(response.status.code), "\(verb.rawValue) \(path) \(name)=\(edge): \(response.status)")
                    }
                }
            }
            #expect(fields > 50)
            #expect(try await world.http.sendRequest(.GET, "healthz").status == .ok)
        }
    }

    typealias Operation = (path: OpenAPI.Path, item: OpenAPI.PathItem, verb: OpenAPI.BuiltinHttpMethod, operation: OpenAPI.Operation)

    static func operations() -> [Operation] {
        var result: [Operation] = []
        for (path, entry) in OpenAPIDocument.document.paths {
            guard let item = entry.pathItemValue else { continue }
            for verb in OpenAPI.BuiltinHttpMethod.allCases {
                guard let operation = item[verb] else { continue }
                // Revoking the test's own token would sign it out of the rest of the walk.
                if path.rawValue == "/api/v1/auth/token" && verb == .delete { continue }
                result.append((path, item, verb, operation))
            }
        }
        return result
    }

    /// Path parameters as IDs that exist nowhere (the walk is about numbers, not records).
    static func concrete(_ path: OpenAPI.Path) -> String {
        path.rawValue.replacingOccurrences(of: #"\{[^}]+\}"#, with: UUID().uuidString, options: .regularExpression)
    }

    static func properties(of schema: JSONSchema) -> [(String, JSONSchema)]? {
        resolved(schema)?.objectContext?.properties.map { ($0.key, $0.value) }
    }

    static func resolved(_ schema: JSONSchema) -> JSONSchema? {
        guard case .reference(let reference, _) = schema.value else { return schema }
        guard let name: String = reference.name else { return nil }
        let key = OpenAPI.ComponentKey(stringLiteral: name)
        return OpenAPIDocument.document.components.schemas[key]
    }

    static func headers(_ world: TestWorld) async throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: try await world.token("admin"))
        return headers
    }
}
