import OpenAPIKit30

/// What a feature's own API route cannot say by itself: its summary, and the types its handler
/// decodes (the body, the query) or answers when it returns a `Response` (201 with a record, a
/// file). Paths, methods, path parameters and answers of typed handlers come from the routes the
/// feature registers; statuses from their shape (`OpenAPIStatuses`). Keyed `"POST /dispute-cases/{id}/extend"`,
/// relative to `/api/v1`.
package struct RouteNote {
    package enum Body {
        case json(any Decodable.Type)
        /// A form with one file in `file`.
        case upload
    }

    package enum Answer {
        case record(any Decodable.Type)
        case list(any Decodable.Type)
        /// A download in one of these media types.
        case file([String])
        /// The record as JSON, or the same in one of these media types (`?format=`).
        case recordOrFile(any Decodable.Type, [String])
        /// No body (204).
        case none
        /// A JSON object whose shape is described elsewhere (the API document itself).
        case object
    }

    package var summary: String
    package var body: Body?
    /// The types the handler decodes its query into.
    package var query: [any Decodable.Type]
    package var status: Int
    package var answer: Answer?
    /// Statuses the route's shape does not imply: 403 on a public route a role may not use, 429 …
    package var errors: [Int]

    package init(
        _ summary: String, body: Body? = nil, query: [any Decodable.Type] = [], status: Int = 200, answer: Answer? = nil,
        errors: [Int] = []
    ) {
        self.summary = summary
        self.body = body
        self.query = query
        self.status = status
        self.answer = answer
        self.errors = errors
    }

    /// `.json(DisputeExtensionInput.self)`, shorter.
    package static func body(_ type: any Decodable.Type) -> Body { .json(type) }
}

/// Lets the document see through an array or a page to the type of its elements.
package protocol DocumentedCollection {
    static var documentedElement: Any.Type { get }
    static var isPage: Bool { get }
}

extension Array: DocumentedCollection {
    package static var documentedElement: Any.Type { Element.self }
    package static var isPage: Bool { false }
}

extension ListPage: DocumentedCollection {
    package static var documentedElement: Any.Type { Item.self }
    package static var isPage: Bool { true }
}

extension RouteNote {
    /// What a spreadsheet download answers in: CSV or xlsx (`?format=`).
    package static let spreadsheetTypes = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]

    /// A list of the kind's own routes as a download, under the list's filters.
    package static func listExport(_ what: String, filter: any Decodable.Type) -> RouteNote {
        RouteNote(
            "\(what) as a CSV or xlsx table, under the list's filters", query: [ListQuery.self, filter, ListExport.Options.self],
            answer: .file(spreadsheetTypes))
    }
}
