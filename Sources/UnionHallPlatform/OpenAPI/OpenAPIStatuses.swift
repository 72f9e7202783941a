import OpenAPIKit30

/// Every status an operation can answer that follows from its shape rather than its feature:
/// 401/403 behind a token (403 also while an admin-set password waits to be changed), 400/404 for a
/// path's IDs, 400/422 for query parameters (malformed or out of bounds), 400/413/415/422 for a
/// body, 409 for a write. Added to what each entry lists, so the document cannot forget them.
package enum OpenAPIStatuses {
    /// Routes whose failures count against the caller's address (`LoginThrottles`).
    package static let throttled: Set<String> = ["/api/v1/auth/token", "/api/v1/certificates/{number}"]

    package static func complete(_ paths: OpenAPI.PathItem.Map) -> OpenAPI.PathItem.Map {
        var result = paths
        for (path, entry) in paths {
            guard case .b(var item) = entry else { continue }
            for verb in OpenAPI.BuiltinHttpMethod.allCases {
                guard var operation = item[verb] else { continue }
                for code in statuses(path: path, verb: verb, item: item, operation: operation)
                where operation.responses[.status(code: code)] == nil {
                    operation.responses[.status(code: code)] = .response(
                        description: OpenAPIDocument.errorDescriptions[code] ?? "Error",
                        content: OpenAPIDocument.json(OpenAPIDocument.ref("Error")))
                }
                item.set(operation: operation, for: verb)
            }
            result[path] = .init(item)
        }
        return result
    }

    package static func statuses(path: OpenAPI.Path, verb: OpenAPI.BuiltinHttpMethod, item: OpenAPI.PathItem, operation: OpenAPI.Operation)
        -> [Int]
    {
        var codes: Set<Int> = []
        let secured = operation.security.map { !$0.isEmpty } ?? true
        if secured { codes.formUnion([401, 403]) }
        if path.rawValue.contains("{") { codes.formUnion([400, 404]) }
        let parameters = item.parameters + operation.parameters
        let query = parameters.compactMap(\.b).filter { $0.location == .query }
        if !query.isEmpty { codes.formUnion([400, 422]) }
        // A unit or record named in the query that lies outside the caller's scope is not found.
        if query.contains(where: { $0.schemaOrContent.a?.schema.b?.formatString == "uuid" }) { codes.insert(404) }
        if throttled.contains(path.rawValue) { codes.insert(429) }
        if operation.requestBody != nil { codes.formUnion([400, 413, 415, 422]) }
        if secured, [.post, .patch, .put, .delete].contains(verb) { codes.insert(409) }
        return codes.sorted()
    }
}
