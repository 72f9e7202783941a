import OpenAPIKit30
import UnionHallPlatform

/// The annual report in the API document.
enum ReportsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "AnnualReport": .object(properties: [
            "unitId": S.uuid.optionalSchemaObject(), "unitName": .string, "year": .integer, "title": .string,
            "introduction": .string(required: false),
            "sections": .array(
                items: .object(properties: [
                    "key": .string, "title": .string, "highlights": .array(items: .string), "paragraph": .string(required: false),
                    "figures": .array(
                        items: .object(properties: [
                            "label": .string, "value": .string, "previous": .string, "change": .string,
                            "definition": .string(description: "Where the figure lies in the statistics document"),
                            "href": .string(description: "The list that counts it"),
                        ])),
                ])),
        ]),
        "AnnualReportRequest": .object(properties: [
            "unitId": S.uuid.optionalSchemaObject(), "year": .integer(required: false),
            "format": .string(required: false, allowedValues: AnnualReportFormat.allCases.map { .init($0.rawValue) }),
            "paragraphs": .object(
                required: false, description: "By section key: introduction, or a module's key; up to 4,000 characters each",
                additionalProperties: .init(.string)),
        ]),
    ]

    static var types: [String: any Decodable.Type] { ["AnnualReport": AnnualReport.self, "AnnualReportRequest": AnnualReportRequest.self] }

    static var routes: [String: RouteNote] {
        [
            "GET /reports/annual": RouteNote(
                "The annual work report of a unit and year (last year by default): json, a printable page, .docx or xlsx",
                query: [AnnualReportQuery.self],
                answer: .recordOrFile(
                    AnnualReport.self,
                    [
                        "text/html", AnnualReportDocx.contentType,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ])),
            "POST /reports/annual": RouteNote(
                "The annual work report with the officers' own paragraphs by section key (introduction, disputes …); "
                    + "the figures stay computed",
                body: .json(AnnualReportRequest.self),
                answer: .recordOrFile(
                    AnnualReport.self,
                    [
                        "text/html", AnnualReportDocx.contentType,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ]),
                // A unit outside the reader's subtree, named in the body.
                errors: [404]),
        ]
    }
}
