import OpenAPIKit30
import UnionHallCore

/// `GET /api/v1/openapi.json`: every API route with its parameters, bodies and errors.
package enum OpenAPIDocument {
    package static func ref(_ name: String) -> JSONSchema { .reference(.component(named: name)) }

    package static func json(_ schema: JSONSchema) -> OpenAPI.Content.Map { [.json: .init(schema: schema)] }

    package static func page(of name: String) -> JSONSchema {
        .object(properties: ["items": .array(items: ref(name)), "metadata": ref("Metadata")])
    }

    package static let errorDescriptions: [Int: String] = [
        400: "Malformed body or parameter", 401: "No or bad token", 403: "Role not allowed",
        404: "Missing, or outside the caller's subtree", 409: "Version conflict, duplicate, or step not allowed now",
        413: "Body or file too large", 415: "Body not in a supported media type",
        422: "A field fails validation, or a number is outside its documented bounds",
        429: "Too many attempts: wait the seconds in Retry-After",
    ]

    package static func responses(_ success: Int, _ description: String, _ schema: JSONSchema?, errors: [Int]) -> OpenAPI.Response.Map {
        var map: OpenAPI.Response.Map = [
            .status(code: success): .response(description: description, content: schema.map(json) ?? [:])
        ]
        for code in errors {
            map[.status(code: code)] = .response(description: errorDescriptions[code] ?? "Error", content: json(ref("Error")))
        }
        return map
    }

    package static let idParameter: OpenAPI.Parameter.Array.Element = .parameter(name: "id", context: .path, schema: OpenAPISchemas.uuid)

    package static let listParameters: OpenAPI.Parameter.Array = [
        .parameter(name: "q", context: .query, schema: .string, description: "Search text"),
        .parameter(name: "page", context: .query, schema: .integer(minimum: (1, exclusive: false))),
        .parameter(
            name: "after", context: .query, schema: .string, description: "`metadata.next` of the page before (lists that page by key)"),
        .parameter(name: "before", context: .query, schema: .string, description: "`metadata.previous` of the page after"),
        .parameter(
            name: "per", context: .query, schema: .integer(maximum: (ListQuery.maxPer, exclusive: false), minimum: (1, exclusive: false))),
        .parameter(name: "sort", context: .query, schema: .string, description: "A field name, `-` first for descending"),
        .parameter(name: "from", context: .query, schema: .string(format: .date)),
        .parameter(name: "to", context: .query, schema: .string(format: .date)),
        .parameter(name: "unitId", context: .query, schema: OpenAPISchemas.uuid, description: "Only this union subtree"),
        .parameter(name: "deleted", context: .query, schema: .boolean, description: "List deleted records instead"),
    ]

    /// `PeriodQuery`: the period and subtree of a statistics route.
    package static let periodParameters: OpenAPI.Parameter.Array = [
        .parameter(name: "from", context: .query, schema: .string(format: .date)),
        .parameter(name: "to", context: .query, schema: .string(format: .date)),
        .parameter(name: "unitId", context: .query, schema: OpenAPISchemas.uuid, description: "Only this union subtree"),
    ]

    /// The five routes of a resource (list, create, read, update, delete) and its restore step.
    package static func resource(_ path: String, _ tag: String, schema: String, input: String, filters: OpenAPI.Parameter.Array = []) -> [(
        OpenAPI.Path, OpenAPI.PathItem
    )] {
        let collection = OpenAPI.PathItem(
            get: .init(
                tags: [tag], summary: "List \(tag)", parameters: listParameters + filters,
                responses: responses(200, "A page of \(tag)", page(of: schema), errors: [400, 401, 403, 404, 422])),
            post: .init(
                tags: [tag], summary: "Create", requestBody: .init(content: json(ref(input))),
                responses: responses(201, "Created", ref(schema), errors: [400, 401, 403, 409, 422])))
        let item = OpenAPI.PathItem(
            parameters: [idParameter],
            get: .init(tags: [tag], summary: "Read", responses: responses(200, "The record", ref(schema), errors: [401, 403, 404])),
            delete: .init(
                tags: [tag], summary: "Delete (soft; can be restored)",
                responses: responses(204, "Deleted", nil, errors: [401, 403, 404, 409])),
            patch: .init(
                tags: [tag], summary: "Update the given fields", requestBody: .init(content: json(ref(input))),
                responses: responses(200, "The updated record", ref(schema), errors: [400, 401, 403, 404, 409, 422])))
        let restore = OpenAPI.PathItem(
            parameters: [idParameter],
            post: .init(
                tags: [tag], summary: "Restore a deleted record",
                responses: responses(200, "The restored record", ref(schema), errors: [401, 403, 404, 409])))
        let export = OpenAPI.PathItem(
            get: .init(
                tags: [tag], summary: "The list as a CSV or xlsx file (every page; same filters, scope and masking)",
                parameters: listParameters + filters + [
                    .parameter(name: "format", context: .query, schema: OpenAPISchemas.values(SpreadsheetWriter.Format.self))
                ],
                responses: [
                    200: .response(
                        description: "The file",
                        content: [
                            .csv: .init(schema: .string),
                            .init(rawValue: FileKind.xlsx.contentType)!: .init(schema: .string(format: .binary)),
                        ]),
                    400: .response(description: errorDescriptions[400]!, content: json(ref("Error"))),
                    401: .response(description: errorDescriptions[401]!, content: json(ref("Error"))),
                    403: .response(description: errorDescriptions[403]!, content: json(ref("Error"))),
                    422: .response(description: errorDescriptions[422]!, content: json(ref("Error"))),
                ]))
        return [
            (OpenAPI.Path(rawValue: path), collection), (OpenAPI.Path(rawValue: path + "/{id}"), item),
            (OpenAPI.Path(rawValue: path + "/{id}/restore"), restore),
            (OpenAPI.Path(rawValue: path + "/export"), export),
        ]
    }

    /// `POST <path>/{id}/<step>` for each step, with the step's body and the record after it.
    package static func steps<Step: RawRepresentable & CaseIterable>(
        _ path: String, _ tag: String, _ steps: Step.Type, input: String, schema: String
    ) -> [(OpenAPI.Path, OpenAPI.PathItem)]
    where Step.RawValue == String {
        Step.allCases.map { step in
            (
                OpenAPI.Path(rawValue: "\(path)/{id}/\(step.rawValue)"),
                OpenAPI.PathItem(
                    parameters: [idParameter],
                    post: .init(
                        tags: [tag], summary: "Workflow step: \(step.rawValue)", requestBody: .init(content: json(ref(input))),
                        responses: responses(200, "The record after the step", ref(schema), errors: [400, 401, 403, 404, 409, 422])))
            )
        }
    }

    /// The document joined from every feature's part, with every status each operation can answer.
    package static func document(of features: [Feature]) -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        var schemas = OpenAPISchemas.common
        let names = OwnRoutesDocument.schemaNames(features.compactMap(\.api))
        for feature in features {
            guard let part = feature.api else { continue }
            for (path, item) in OwnRoutesDocument.paths(of: feature, part: part, names: names).paths { paths[path] = .init(item) }
            for record in feature.records {
                for (path, item) in RegisterDocument.paths(record, tag: feature.name, part: part) { paths[path] = .init(item) }
            }
            for workflow in feature.workflows {
                for (path, item) in workflow.document(feature.name, part) { paths[path] = .init(item) }
            }
            for (name, schema) in part.schemas {
                schemas[name] = part.types[name.rawValue].map { RegisterDocument.withLinks(schema, of: $0) } ?? schema
            }
        }

        return OpenAPI.Document(
            info: .init(
                title: "UnionHall API",
                description:
                    "The API of UnionHall, the working system of a city federation of trade unions. "
                    + "Errors answer {\"error\", \"field\"} in the language of Accept-Language.",
                version: "1.0.0"),
            servers: [],
            paths: OpenAPIStatuses.complete(paths),
            components: .init(
                schemas: OpenAPI.ComponentDictionary(
                    schemas.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }
                ),
                securitySchemes: ["bearer": .http(scheme: "bearer")]),
            security: [[.component(named: "bearer"): []]])
    }
}
