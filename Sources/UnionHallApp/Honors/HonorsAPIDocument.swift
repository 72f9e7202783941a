import OpenAPIKit30
import UnionHallCore

/// Honours in the API document.
enum HonorsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Honor": S.record([
            "memberId": S.uuid, "memberName": .string, "trade": .string(required: false),
            "title": S.values(HonorTitle.self), "level": S.values(HonorLevel.self), "year": .integer, "awardingBody": .string,
            "source": .string(required: false, description: "The record the honor came from, if another module created it"),
        ]),
        "HonorInput": .object(properties: [
            "memberId": S.uuid.optionalSchemaObject(), "title": S.values(HonorTitle.self).optionalSchemaObject(),
            "level": S.values(HonorLevel.self).optionalSchemaObject(), "year": .integer(required: false),
            "awardingBody": .string(required: false, maxLength: HonorDraft.maxBodyLength), "version": .integer(required: false),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static let types: [String: any Decodable.Type] = [
        "Honor": HonorOutput.self,
        "HonorInput": HonorInput.self,
    ]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries += D.resource(
            "/api/v1/honors", "honors", schema: "Honor", input: "HonorInput",
            filters: [
                .parameter(name: "title", context: .query, schema: OpenAPISchemas.values(HonorTitle.self)),
                .parameter(name: "level", context: .query, schema: OpenAPISchemas.values(HonorLevel.self)),
                .parameter(name: "year", context: .query, schema: .integer),
                .parameter(name: "memberId", context: .query, schema: OpenAPISchemas.uuid),
                .parameter(name: "trade", context: .query, schema: .string),
                .parameter(name: "roster", context: .query, schema: .boolean, description: "Only model-worker and craftsman titles"),
            ])
        return entries
    }
}
