import OpenAPIKit30
import UnionHallPlatform

/// The statistics document in the API document: its modules are the features' statistics parts,
/// each the schema of its figures for this period and the previous one.
enum StatisticsAPIDocument: APIDocumentPart {
    static var schemas: [OpenAPI.ComponentKey: JSONSchema] {
        let names = OwnRoutesDocument.schemaNames(
            Features.all.compactMap(\.api).filter { ObjectIdentifier($0) != ObjectIdentifier(StatisticsAPIDocument.self) })
        var modules: OrderedDictionary<String, JSONSchema> = [:]
        for part in Features.all.flatMap(\.figures) {
            guard let name = names[ObjectIdentifier(part.type)] else { continue }
            let figures = D.ref(name)
            modules[part.key] = .object(
                required: false, description: part.aidData ? "Only for those who handle aid" : nil,
                properties: ["current": figures, "previous": figures])
        }
        return [
            "Statistics": .object(properties: [
                "unitId": S.uuid.optionalSchemaObject(), "from": .string(format: .date), "to": .string(format: .date),
                "previousFrom": .string(format: .date), "previousTo": .string(format: .date),
                "computedAt": .string(
                    format: .dateTime, required: false,
                    description: "When the figures were counted; they are counted again once records change"),
                "modules": .object(properties: modules),
            ])
        ]
    }

    static var types: [String: any Decodable.Type] { ["Statistics": StatisticsDocument.self] }

    static var routes: [String: RouteNote] {
        [
            "GET /statistics": RouteNote(
                "Every module's figures for a subtree and period (this year by default), each with the previous period's",
                query: [PeriodQuery.self]),
            "GET /statistics/export": RouteNote(
                "The statistics document as a CSV or xlsx table: module, figure, this period, the previous one",
                query: [PeriodQuery.self, ListExport.Options.self],
                answer: .file(RouteNote.spreadsheetTypes)),
        ]
    }
}
