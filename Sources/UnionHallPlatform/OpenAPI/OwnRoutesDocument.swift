import OpenAPIKit30
import Vapor

/// A feature's own API routes in the document, read from the routes it registers: each route's
/// method and path (with its parameters) as registered, its answer from the handler's type, and
/// from its `RouteNote` the summary and the types the handler decodes. A route without a note, a
/// note without a route, or a type the document has no schema for is a problem `FeatureTests` reports.
package enum OwnRoutesDocument {
    package struct Recorded {
        package let route: Route
        package let isPublic: Bool

        /// `POST /dispute-cases/{id}/extend`: the note's key.
        package var key: String { "\(route.method.rawValue) \(path.dropFirst("/api/v1".count))" }

        package var path: String {
            "/"
                + route.path.map { component in
                    switch component {
                    case .constant(let text): text
                    case .parameter(let name): "{\(name)}"
                    case .anything: "*"
                    case .catchall: "**"
                    }
                }.joined(separator: "/")
        }
    }

    /// The API routes a feature registers itself (its registers' and workflows' routes are derived
    /// from their types elsewhere), recorded without an application.
    package static func routes(of feature: Feature) -> [Recorded] {
        let publicAPI = Routes()
        let api = Routes()
        let pages = Routes()
        try? feature.routes(
            FeatureRoutes(
                publicPages: pages, pages: pages, publicAPI: publicAPI.grouped("api", "v1"), api: api.grouped("api", "v1")))
        return publicAPI.all.map { Recorded(route: $0, isPublic: true) } + api.all.map { Recorded(route: $0, isPublic: false) }
    }

    /// Every schema name the document knows a Swift type by.
    package static func schemaNames(_ parts: [any APIDocumentPart.Type]) -> [ObjectIdentifier: String] {
        var names: [ObjectIdentifier: String] = [:]
        for (name, type) in OpenAPISchemas.commonTypes { names[ObjectIdentifier(type)] = name }
        for part in parts { for (name, type) in part.types { names[ObjectIdentifier(type)] = name } }
        return names
    }

    /// The feature's own paths, and what could not be documented.
    package static func paths(
        of feature: Feature, part: any APIDocumentPart.Type, names: [ObjectIdentifier: String]
    ) -> (paths: [(OpenAPI.Path, OpenAPI.PathItem)], problems: [String]) {
        var items: [String: OpenAPI.PathItem] = [:]
        var problems: [String] = []
        let notes = part.routes
        let recorded = routes(of: feature)
        for key in Set(notes.keys).subtracting(recorded.map(\.key)).sorted() { problems.append("\(key): a note without a route") }
        for entry in recorded {
            guard let note = notes[entry.key] else {
                problems.append("\(entry.key): no note")
                continue
            }
            var found: [String] = []
            let operation = operation(entry, note: note, tag: feature.name, part: part, names: names, problems: &found)
            problems += found.map { "\(entry.key): \($0)" }
            var item = items[entry.path] ?? OpenAPI.PathItem()
            guard let method = OpenAPI.BuiltinHttpMethod(rawValue: entry.route.method.rawValue) else { continue }
            item.set(operation: operation, for: method)
            items[entry.path] = item
        }
        return (items.sorted { $0.key < $1.key }.map { (OpenAPI.Path(rawValue: $0.key), $0.value) }, problems)
    }

    static func operation(
        _ entry: Recorded, note: RouteNote, tag: String, part: any APIDocumentPart.Type, names: [ObjectIdentifier: String],
        problems: inout [String]
    ) -> OpenAPI.Operation {
        var parameters: OpenAPI.Parameter.Array = entry.route.path.compactMap { component in
            guard case .parameter(let name) = component else { return nil }
            return .parameter(name: name, context: .path, schema: name == "id" || name.hasSuffix("Id") ? OpenAPISchemas.uuid : .string)
        }
        for query in note.query {
            switch ObjectIdentifier(query) {
            case ObjectIdentifier(ListQuery.self): parameters += OpenAPIDocument.listParameters
            case ObjectIdentifier(PeriodQuery.self): parameters += OpenAPIDocument.periodParameters
            default: parameters += RegisterDocument.filters(query, notes: part.notes)
            }
        }
        func reference(_ type: Any.Type) -> JSONSchema? {
            guard let name = names[ObjectIdentifier(type)] else {
                problems.append("no schema for \(type)")
                return nil
            }
            return OpenAPIDocument.ref(name)
        }
        let requestBody: OpenAPI.Request? =
            switch note.body {
            case .json(let type)?: reference(type).map { .init(content: OpenAPIDocument.json($0)) }
            case .upload?: .init(content: [.multipartForm: .init(schema: .object(properties: ["file": .string(format: .binary)]))])
            case nil: nil
            }
        let answer: JSONSchema?
        var content: OpenAPI.Content.Map?
        switch note.answer {
        case .record(let type)?: answer = reference(type)
        case .recordOrFile(let type, let types)?:
            answer = reference(type)
            var all: OpenAPI.Content.Map = answer.map { [.json: .init(schema: $0)] } ?? [:]
            for type in types { if let type = OpenAPI.ContentType(rawValue: type) { all[type] = .init(schema: .string(format: .binary)) } }
            content = all
        case .list(let type)?: answer = reference(type).map { .array(items: $0) }
        case .file(let types)?:
            answer = nil
            var files: OpenAPI.Content.Map = [:]
            for type in types {
                if let type = OpenAPI.ContentType(rawValue: type) { files[type] = .init(schema: .string(format: .binary)) }
            }
            content = files
        case .none?: answer = nil
        case .object?: answer = .object
        case nil:
            if entry.route.responseType == HTTPStatus.self {
                answer = nil  // a status alone: 204
            } else if entry.route.responseType == Response.self {
                problems.append("answers a Response: its note names what it holds")
                answer = nil
            } else {
                answer = derivedAnswer(entry.route.responseType, reference: reference)
            }
        }
        var responses = OpenAPIDocument.responses(note.status, note.summary, answer, errors: note.errors)
        if let content { responses[.status(code: note.status)] = .response(description: note.summary, content: content) }
        return OpenAPI.Operation(
            tags: [tag], summary: note.summary, parameters: parameters, requestBody: requestBody, responses: responses,
            security: entry.isPublic ? [] : nil)
    }

    /// The schema of what a typed handler answers: a record, an array or a page of them.
    static func derivedAnswer(_ type: Any.Type, reference: (Any.Type) -> JSONSchema?) -> JSONSchema? {
        if let collection = type as? any DocumentedCollection.Type {
            guard let element = reference(collection.documentedElement) else { return nil }
            return collection.isPage
                ? .object(properties: ["items": .array(items: element), "metadata": OpenAPIDocument.ref("Metadata")])
                : .array(items: element)
        }
        return reference(type)
    }
}
