import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Honours in the API document.
enum HonorsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "HonorStatistics": .object(properties: [
            "conferred": .integer, "byTitle": .array(items: D.ref("KeyCount")), "byLevel": .array(items: D.ref("KeyCount")),
        ]),
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
    static var types: [String: any Decodable.Type] {
        [
            "HonorStatistics": HonorStatistics.self,
            "Honor": HonorOutput.self,
            "HonorInput": HonorInput.self,
        ]
    }

    static let notes: [String: String] = [
        "roster": "Only model-worker and craftsman titles"
    ]
}
