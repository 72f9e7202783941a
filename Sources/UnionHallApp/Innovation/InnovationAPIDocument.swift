import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The worker-innovation part of the API document.
enum InnovationAPIDocument: APIDocumentPart {

    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "InnovationItem": S.record([
            "kind": S.values(InnovationKind.self), "subKind": S.values(FiveSmallKind.self).optionalSchemaObject(), "title": .string,
            "problem": .string,
            "proposal": .string, "expectedBenefitFen": fen, "authorId": uuid, "authorName": .string,
            "coAuthors": .array(items: .object(properties: ["id": uuid, "name": .string])), "teamId": uuid.optionalSchemaObject(),
            "studioId": uuid.optionalSchemaObject(),
            "submittedDate": date, "status": S.values(InnovationStatus.self), "secondsCount": .integer,
            "reviewScore": .integer(required: false, description: "Mean weighted review score in hundredths of a point"),
            "decisionDate": optionalDate, "rejectReason": .string(required: false), "implementedDate": optionalDate, "benefitFen": fen,
            "benefitMethod": .string(required: false), "assessedDate": optionalDate,
            "awards": .array(
                items: .object(properties: [
                    "id": uuid, "level": S.values(InnovationAwardLevel.self), "grade": S.values(InnovationAwardGrade.self),
                    "year": .integer, "awardedBy": .string, "name": .string,
                ])),
            "subsidyFen": fen, "attachments": .array(items: D.ref("InnovationAttachment")),
        ]),
        "InnovationItemInput": .object(properties: [
            "kind": .string(required: false, description: "A kind code or its Chinese name"), "subKind": .string(required: false),
            "title": .string(required: false),
            "problem": .string(required: false), "proposal": .string(required: false),
            "expectedBenefitFen": .integer(format: .int64, required: false),
            "authorId": uuid.optionalSchemaObject(), "coAuthorIds": .array(required: false, items: uuid),
            "teamId": uuid.optionalSchemaObject(),
            "studioId": uuid.optionalSchemaObject(), "submittedDate": optionalDate, "version": .integer(required: false),
        ]),
        "InnovationStep": .object(properties: [
            "version": .integer, "reason": .string(required: false), "date": optionalDate,
            "benefitFen": .integer(format: .int64, required: false),
            "method": .string(required: false), "level": S.values(InnovationAwardLevel.self).optionalSchemaObject(),
            "grade": S.values(InnovationAwardGrade.self).optionalSchemaObject(), "year": .integer(required: false),
            "awardedBy": .string(required: false), "name": .string(required: false),
        ]),
        "InnovationAttachment": .object(properties: [
            "id": uuid, "fileName": .string, "kind": S.values(FileKind.self), "size": .integer,
            "createdAt": S.timestamp.optionalSchemaObject(),
        ]),
        "InnovationEvent": .object(properties: [
            "at": S.timestamp, "status": S.values(InnovationStatus.self), "note": .string(required: false),
        ]),
        "Second": .object(properties: ["memberId": uuid, "name": .string, "at": S.timestamp]),
        "InnovationReview": .object(properties: [
            "id": uuid, "itemId": uuid, "reviewerId": uuid, "reviewerName": .string, "assignedAt": S.timestamp,
            "innovation": .integer(required: false), "feasibility": .integer(required: false), "benefit": .integer(required: false),
            "weightedScore": .integer(required: false), "submittedAt": S.timestamp.optionalSchemaObject(),
            "notes": .string(required: false, description: "Only in the reviewer's own view"), "itemTitle": .string(required: false),
            "itemKind": S.values(InnovationKind.self).optionalSchemaObject(),
            "item": D.ref("BlindInnovationItem").optionalSchemaObject(),
        ]),
        "BlindInnovationItem": .object(
            description: "What a reviewer judges: no authors, unit, team, seconders or other scores",
            properties: [
                "id": uuid, "kind": S.values(InnovationKind.self), "subKind": S.values(FiveSmallKind.self).optionalSchemaObject(),
                "title": .string,
                "problem": .string, "proposal": .string, "expectedBenefitFen": .integer, "submittedDate": date,
                "status": S.values(InnovationStatus.self),
                "secondsCount": .integer, "attachments": .array(items: D.ref("InnovationAttachment")),
            ]),
        "ReviewerAssignment": .object(properties: ["reviewerIds": .array(items: uuid), "itemIds": .array(required: false, items: uuid)]),
        "ReviewScore": .object(properties: [
            "innovation": .integer(maximum: (100, exclusive: false), minimum: (0, exclusive: false)),
            "feasibility": .integer(maximum: (100, exclusive: false), minimum: (0, exclusive: false)),
            "benefit": .integer(maximum: (100, exclusive: false), minimum: (0, exclusive: false)), "notes": .string(required: false),
        ]),
        "ReviewNotes": .object(properties: ["notes": .string(required: false)]),
        "Weights": .object(properties: [
            "kind": S.values(InnovationKind.self), "innovation": .integer, "feasibility": .integer, "benefit": .integer,
        ]),
        "Budget": .object(properties: [
            "id": uuid, "unitId": uuid, "year": .integer, "amountFen": fen, "spentFen": fen, "remainingFen": fen, "version": .integer,
            "createdAt": S.timestamp.optionalSchemaObject(), "updatedAt": S.timestamp.optionalSchemaObject(),
        ]),
        "BudgetInput": .object(properties: ["unitId": uuid.optionalSchemaObject(), "year": .integer, "amountFen": fen]),
        "Subsidy": .object(properties: ["id": uuid, "budgetId": uuid, "itemId": uuid, "amountFen": fen, "paidDate": date]),
        "SubsidyInput": .object(properties: ["amountFen": fen, "paidDate": optionalDate, "budgetId": uuid.optionalSchemaObject()]),
        "Patent": S.record([
            "kind": S.values(PatentKind.self), "title": .string, "number": .string, "date": date,
            "itemId": uuid.optionalSchemaObject(), "studioId": uuid.optionalSchemaObject(),
        ]),
        "PatentInput": .object(properties: [
            "kind": S.values(PatentKind.self).optionalSchemaObject(), "title": .string(required: false), "number": .string(required: false),
            "date": optionalDate, "itemId": uuid.optionalSchemaObject(), "studioId": uuid.optionalSchemaObject(),
            "version": .integer(required: false),
        ]),
        "ImportReport": .object(properties: ["imported": .integer, "errors": .array(items: D.ref("ImportRowError"))]),
        "ImportRowError": .object(properties: ["row": .integer, "column": .string, "message": .string]),
        "ImportFailure": .object(properties: [
            "error": .string, "field": .string(nullable: true),
            "rows": .array(
                required: false, description: "Each failing row and column, when the file could be read at all",
                items: D.ref("ImportRowError")),
        ]),
        "InnovationStatistics": .object(properties: [
            "byKind": counts, "bySubKind": counts, "byStatus": counts, "submitted": .integer, "adopted": .integer, "rejected": .integer,
            "adoptionPerMille": .integer(required: false), "benefitFen": fen,
            "awards": .array(
                items: .object(properties: [
                    "level": S.values(InnovationAwardLevel.self), "grade": S.values(InnovationAwardGrade.self), "count": .integer,
                ])),
            "patents": counts, "subsidiesPaidFen": fen, "budgetFen": fen,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "InnovationItem": InnovationItemOutput.self,
            "InnovationItemInput": InnovationItemInput.self,
            "InnovationStep": InnovationStepInput.self,
            "InnovationAttachment": InnovationAttachmentOutput.self,
            "InnovationEvent": InnovationEventOutput.self,
            "Second": SecondOutput.self,
            "InnovationReview": InnovationReviewOutput.self,
            "BlindInnovationItem": BlindInnovationItem.self,
            "ReviewerAssignment": ReviewerAssignmentInput.self,
            "ReviewScore": ReviewScoreInput.self,
            "ReviewNotes": ReviewNotesInput.self,
            "Weights": WeightsOutput.self,
            "Budget": BudgetOutput.self,
            "BudgetInput": BudgetInput.self,
            "Subsidy": SubsidyOutput.self,
            "SubsidyInput": SubsidyInput.self,
            "Patent": PatentOutput.self,
            "PatentInput": PatentInput.self,
            "ImportReport": ImportReport.self,
            "ImportRowError": ImportRowError.self,
            "ImportFailure": ImportFailureBody.self,
            "InnovationStatistics": InnovationStatistics.self,
        ]
    }

    static let counts = JSONSchema.array(items: .object(properties: ["key": .string, "count": .integer]))

    static func post(_ summary: String, body: String?, _ code: Int, _ result: JSONSchema?, errors: [Int]) -> OpenAPI.Operation {
        .init(
            tags: ["innovation"], summary: summary, requestBody: body.map { .init(content: D.json(D.ref($0))) },
            responses: D.responses(code, summary, result, errors: errors))
    }

    static func get(_ summary: String, _ result: JSONSchema?, parameters: OpenAPI.Parameter.Array = [], errors: [Int] = [401, 403, 404])
        -> OpenAPI.Operation
    {
        .init(tags: ["innovation"], summary: summary, parameters: parameters, responses: D.responses(200, summary, result, errors: errors))
    }

    static let notes: [String: String] = [
        "minSeconds": "Only items seconded at least this often",
        "adopted": "Only adopted items and those further along",
    ]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        let base = "/api/v1/innovation-items"
        entries += [
            (
                OpenAPI.Path(rawValue: base + "/submit"),
                OpenAPI.PathItem(
                    post: post(
                        "A worker submits an item of their own", body: "InnovationItemInput", 201, D.ref("InnovationItem"),
                        errors: [400, 401, 403, 422]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/mine"),
                OpenAPI.PathItem(get: get("The worker's own items", .array(items: D.ref("InnovationItem")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/statistics"),
                OpenAPI.PathItem(
                    get: get(
                        "Figures for a subtree and period", D.ref("InnovationStatistics"),
                        parameters: [
                            .parameter(name: "from", context: .query, schema: .string(format: .date)),
                            .parameter(name: "to", context: .query, schema: .string(format: .date)),
                            .parameter(name: "unitId", context: .query, schema: uuid),
                        ], errors: [401, 403, 404, 422]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/template"),
                OpenAPI.PathItem(
                    get: .init(
                        tags: ["innovation"], summary: "The import template",
                        parameters: [.parameter(name: "format", context: .query, schema: S.values(SpreadsheetWriter.Format.self))],
                        responses: [
                            200: .response(
                                description: "The template file",
                                content: [
                                    .csv: .init(schema: .string),
                                    .init(rawValue: FileKind.xlsx.contentType)!: .init(schema: .string(format: .binary)),
                                ])
                        ]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/import"),
                OpenAPI.PathItem(
                    post: .init(
                        tags: ["innovation"], summary: "Import items from CSV (UTF-8 or GBK) or xlsx; all rows or none",
                        requestBody: upload,
                        responses: [
                            201: .response(description: "Every row imported", content: D.json(D.ref("ImportReport"))),
                            413: .response(description: "Too large", content: D.json(D.ref("Error"))),
                            422: .response(
                                description: "The file or some rows are wrong; nothing was written", content: D.json(D.ref("ImportFailure"))
                            ),
                            401: .response(description: "No or bad token", content: D.json(D.ref("Error"))),
                            403: .response(description: "Role not allowed", content: D.json(D.ref("Error"))),
                        ]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/reviewers"),
                OpenAPI.PathItem(
                    post: post(
                        "Assign reviewers to many items at once (all or none)", body: "ReviewerAssignment", 200,
                        .object(properties: ["assigned": .integer]), errors: [400, 401, 403, 404, 409, 422]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/reviewers"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: post(
                        "Assign reviewers to the item", body: "ReviewerAssignment", 200,
                        .array(items: D.ref("InnovationReview")), errors: [400, 401, 403, 404, 409, 422]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/reviews"),
                OpenAPI.PathItem(
                    parameters: [id], get: get("The item's reviews (scores, never notes)", .array(items: D.ref("InnovationReview"))))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/second"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: post(
                        "A co-worker seconds the item (once)", body: nil, 200, D.ref("InnovationItem"), errors: [401, 403, 404, 409]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/seconds"),
                OpenAPI.PathItem(parameters: [id], get: get("Who seconded the item", .array(items: D.ref("Second"))))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: get("The item's status history, as its author follows it", .array(items: D.ref("InnovationEvent"))))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/attachments"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: .init(
                        tags: ["innovation"], summary: "Attach a JPEG, PNG or PDF (5 MB at most)",
                        requestBody: upload,
                        responses: D.responses(
                            201, "The attachment", D.ref("InnovationAttachment"), errors: [400, 401, 403, 404, 413, 422])))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/attachments/{attachmentId}"),
                OpenAPI.PathItem(
                    parameters: [id, .parameter(name: "attachmentId", context: .path, schema: uuid)],
                    get: .init(
                        tags: ["innovation"], summary: "Download an attachment",
                        responses: [
                            200: .response(
                                description: "The file, as an attachment",
                                content: [
                                    .jpg: .init(schema: .string(format: .binary)), .png: .init(schema: .string(format: .binary)),
                                    .pdf: .init(schema: .string(format: .binary)),
                                ]),
                            401: .response(description: "No or bad token", content: D.json(D.ref("Error"))),
                            404: .response(description: "Missing or not yours to read", content: D.json(D.ref("Error"))),
                        ]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/subsidies"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: get("Subsidies paid against the item", .array(items: D.ref("Subsidy"))),
                    post: post(
                        "Pay a subsidy from the year's budget", body: "SubsidyInput", 201, D.ref("Subsidy"),
                        errors: [400, 401, 403, 404, 409, 422]))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/innovation-reviews"),
                OpenAPI.PathItem(
                    get: get("The reviewer's assignments, open ones first", .array(items: D.ref("InnovationReview")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/innovation-reviews/{id}"),
                OpenAPI.PathItem(
                    parameters: [id],
                    patch: post(
                        "Save the reviewer's private notes", body: "ReviewNotes", 200, D.ref("InnovationReview"),
                        errors: [400, 401, 403, 404, 422]))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/innovation-reviews/{id}/score"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: post(
                        "Send the scores (once)", body: "ReviewScore", 200, D.ref("InnovationReview"),
                        errors: [400, 401, 403, 404, 409, 422]))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/innovation-weights"),
                OpenAPI.PathItem(
                    get: get("The criteria weights of each kind", .array(items: D.ref("Weights")), errors: [401, 403]),
                    put: post(
                        "Set a kind's weights (admin)", body: "Weights", 200, .array(items: D.ref("Weights")), errors: [400, 401, 403, 422])
                )
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/innovation-budgets"),
                OpenAPI.PathItem(
                    get: get(
                        "Subsidy budgets in the caller's subtree", .array(items: D.ref("Budget")),
                        parameters: [.parameter(name: "year", context: .query, schema: .integer)], errors: [401, 403]),
                    post: post(
                        "Set a unit's budget for a year", body: "BudgetInput", 201, D.ref("Budget"), errors: [400, 401, 403, 404, 422]))
            ),
        ]
        return entries
    }
}
