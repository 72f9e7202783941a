import OpenAPIKit30

/// A register's routes in the API document, derived from its types: the list's filters are the
/// fields of its `Filter`, the record and its input the schemas its feature names for `Output` and
/// `Input`. Only descriptions are written by hand (`APIDocumentPart.notes`).
package enum RegisterDocument {
    package static func paths<Record: ManagedRecord>(
        _ record: Record.Type, tag: String, part: any APIDocumentPart.Type
    ) -> [(OpenAPI.Path, OpenAPI.PathItem)] {
        guard let schema = name(of: Record.Output.self, in: part), let input = name(of: Record.Input.self, in: part) else {
            return []
        }
        let paths = OpenAPIDocument.resource(
            "/api/v1/\(Record.routeName)", tag, schema: schema, input: input, filters: filters(Record.Filter.self, notes: part.notes))
        return paths.map { path, item in
            guard path.rawValue.hasSuffix("/{id}"), !part.readParameters.isEmpty, var read = item.get else { return (path, item) }
            var withRead = item
            read.parameters += part.readParameters
            withRead.get = read
            return (path, withRead)
        }
    }

    /// The schema the part names for a type.
    package static func name(of type: Any.Type, in part: any APIDocumentPart.Type) -> String? {
        part.types.first { ObjectIdentifier($0.value) == ObjectIdentifier(type) }?.key
    }

    /// A query parameter for each field of a filter, in the order the filter declares them.
    package static func filters<Filter: Decodable>(_ type: Filter.Type, notes: [String: String]) -> OpenAPI.Parameter.Array {
        guard case .object(let fields)? = try? TypeShape.of(type) else { return [] }
        return TypeShape.keys(of: type).compactMap { key in
            fields[key].map { field in
                .parameter(name: key, context: .query, schema: schema(field.shape), description: notes[key])
            }
        }
    }

    package static let link = JSONSchema.string(
        format: .other("uuid"), required: false, nullable: true, description: "An id sets the link, null clears it, absent keeps it")

    /// An input's schema with its optional links (`LinkChange`) documented as such.
    package static func withLinks(_ schema: JSONSchema, of type: any Decodable.Type) -> JSONSchema {
        guard case .object(let core, let object) = schema.value, case .object(let fields)? = try? TypeShape.of(type) else { return schema }
        var properties = object.properties
        for (key, field) in fields where field.shape == .link && properties[key] != nil { properties[key] = link }
        return .object(
            core,
            .init(
                properties: properties, additionalProperties: object.additionalProperties, maxProperties: object.maxProperties,
                minProperties: object.minProperties))
    }

    package static func schema(_ shape: TypeShape) -> JSONSchema {
        switch shape {
        case .uuid: OpenAPISchemas.uuid
        case .link: link
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .date: OpenAPISchemas.timestamp
        case .values(let values): .string(allowedValues: values.map { AnyCodable($0) })
        case .array(let element): .array(items: schema(element))
        case .string, .map, .object: .string
        }
    }
}
