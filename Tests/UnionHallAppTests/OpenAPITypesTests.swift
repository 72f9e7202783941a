import Foundation
import OpenAPIKit30
import Testing
@testable import UnionHallApp
import UnionHallCore
@testable import UnionHallPlatform

/// Every schema in the API document against the Swift type the API decodes or encodes, both ways:
/// the same keys, the same ones optional, the same kinds of value, the same codes.
@Suite struct OpenAPITypesTests {
    /// Each feature's schemas with their types, and the common ones.
    static var types: [(String, any Decodable.Type)] {
        let parts = Features.all.compactMap(\.api).flatMap { $0.types.map { ($0.key, $0.value) } }
        return (parts + OpenAPISchemas.commonTypes.map { ($0.key, $0.value) }).sorted { $0.0 < $1.0 }
    }

    static let components = OpenAPIDocument.document.components.schemas

    func resolved(_ schema: JSONSchema) -> JSONSchema {
        if case .reference(let reference, _) = schema.value, let name = reference.name,
            let target = Self.components[.init(stringLiteral: name)]
        {
            return resolved(target)
        }
        return schema
    }

    /// Schemas a request body names, directly or inside another: the server decodes them. An input
    /// may be optional in Swift where the document requires it: the service answers 422 on the field.
    static let inputs: Set<String> = {
        var names: Set<String> = []
        for (_, item) in OpenAPIDocument.document.paths {
            guard let item = item.pathItemValue else { continue }
            for endpoint in item.endpoints {
                guard let body = endpoint.operation.requestBody?.requestValue else { continue }
                for content in body.content.values {
                    if let schema = content.schema?.schemaValue { names.formUnion(references(in: schema)) }
                }
            }
        }
        var grown = names
        repeat {
            names = grown
            for name in names { if let schema = components[.init(stringLiteral: name)] { grown.formUnion(references(in: schema)) } }
        } while grown != names
        return names
    }()

    static func references(in schema: JSONSchema) -> Set<String> {
        switch schema.value {
        case .reference(let reference, _): return reference.name.map { [$0] } ?? []
        case .object(_, let object): return object.properties.values.reduce(into: []) { $0.formUnion(references(in: $1)) }
        case .array(_, let array): return array.items.map(references) ?? []
        default: return []
        }
    }

    /// `ImportFailure` documents both answers of a failed import: rows when the file was read, none when it was not.
    static let unionSchemas: Set<String> = ["ImportFailure"]

    /// What differs between a document schema and a type's shape, as readable lines.
    func differences(_ schema: JSONSchema, _ shape: TypeShape, at path: String) -> [String] {
        let schema = resolved(schema)
        switch (schema.value, shape) {
        case (.object(_, let object), .object(let fields)):
            var found: [String] = []
            let documented = Set(object.properties.keys)
            for key in documented.subtracting(fields.keys).sorted() { found.append("\(path).\(key): documented, not in the type") }
            for key in Set(fields.keys).subtracting(documented).sorted() { found.append("\(path).\(key): in the type, not documented") }
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                guard let property = object.properties[key] else { continue }
                let root = String(path.prefix { $0 != "." && $0 != "[" })
                let input = Self.inputs.contains(root)
                let mayBeAbsent = !property.required || property.nullable
                if field.optional, !mayBeAbsent, !input {
                    found.append("\(path).\(key): left out when empty, documented as always there")
                }
                if !field.optional, !property.required, !Self.unionSchemas.contains(root) {
                    found.append("\(path).\(key): always there in the type, documented as optional")
                }
                found += differences(property, field.shape, at: "\(path).\(key)")
            }
            return found
        case (.object, .map): return []
        case (.array(_, let array), .array(let element)):
            guard let items = array.items else { return [] }
            return differences(items, element, at: path + "[]")
        case (.string(let core, _), .values(let values)):
            let allowed = Set((core.allowedValues ?? []).compactMap { $0.value as? String })
            return allowed == Set(values) ? [] : ["\(path): codes \(allowed.sorted()) documented, \(values.sorted()) in the type"]
        case (.string(let core, _), .link):
            return core.nullable && core.format.rawValue == "uuid" ? [] : ["\(path): a link that null clears, documented otherwise"]
        case (.string(let core, _), .uuid), (.string(let core, _), .date), (.string(let core, _), .string):
            let format = core.format.rawValue
            let expected = shape == .uuid ? "uuid" : shape == .date ? "date-time" : nil
            if let expected, format != expected { return ["\(path): \(expected) in the type, format \(format) documented"] }
            return []
        case (.integer, .integer), (.number, .number), (.number, .integer), (.boolean, .boolean): return []
        case (.fragment, _), (.all, _), (.any, _), (.one, _): return []
        default: return ["\(path): \(shape) in the type, \(schema.jsonTypeFormat?.jsonType.rawValue ?? "?") documented"]
        }
    }

    @Test func everySchemaMatchesItsType() throws {
        var problems: [String] = []
        for (name, type) in Self.types {
            guard let schema = Self.components[.init(stringLiteral: name)] else {
                problems.append("\(name): no such schema")
                continue
            }
            problems += differences(schema, try TypeShape.of(type), at: name)
        }
        #expect(problems.isEmpty, Comment(rawValue: "\n" + problems.joined(separator: "\n")))
    }

    @Test func theCheckSeesWhatDiffers() throws {
        let unit = try #require(Self.components["Unit"])
        let found = differences(unit, try TypeShape.of(OrganizationOutput.self), at: "Unit")
        #expect(found.contains("Unit.creditCode: in the type, not documented"))
        #expect(found.contains("Unit.parentId: documented, not in the type"))
        #expect(try TypeShape.of(OutreachInput.self) != TypeShape.of(OutreachOutput.self))
    }

    static func filterKeys<Record: ManagedRecord>(_ record: Record.Type) -> Set<String> {
        Set(TypeShape.keys(of: Record.Filter.self))
    }

    /// A register's list takes the common list parameters and its filter's fields, as documented.
    @Test func everyListDocumentsItsFilters() throws {
        let common = Set(OpenAPIDocument.listParameters.compactMap { $0.parameterValue?.name })
        #expect(common.isSuperset(of: ["q", "page", "per", "from", "to", "unitId"]))
        #expect(Self.filterKeys(Member.self).isSuperset(of: ["organizationId", "trade", "participation"]))
        for record in Features.all.flatMap(\.records) {
            let path = OpenAPI.Path(rawValue: "/api/v1/\(record.routeName)")
            let list = try #require(OpenAPIDocument.document.paths[path]?.pathItemValue?.get, "\(path)")
            let documented = Set(list.parameters.compactMap { $0.parameterValue?.name })
            let expected = common.union(Self.filterKeys(record))
            #expect(
                documented == expected,
                "\(path): extra \(documented.subtracting(expected).sorted()), missing \(expected.subtracting(documented).sorted())"
            )
        }
    }

    @Test func everySchemaHasAType() {
        let typed = Set(Self.types.map(\.0))
        let untyped = Self.components.keys.map(\.rawValue).filter { !typed.contains($0) }
        #expect(untyped.isEmpty, "schemas without a type: \(untyped)")
    }
}
