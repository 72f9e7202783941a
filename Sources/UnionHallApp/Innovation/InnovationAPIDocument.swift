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
        "WeightsInput": .object(properties: [
            "kind": S.values(InnovationKind.self), "innovation": .integer, "feasibility": .integer, "benefit": .integer,
        ]),
        "AssignmentResult": .object(properties: ["assigned": .integer]),
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
            "WeightsInput": WeightsInput.self,
            "AssignmentResult": InnovationAPIController.AssignmentResult.self,
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

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "POST /innovation-items/submit": RouteNote(
                "A worker submits an item of their own", body: .json(InnovationItemInput.self), status: 201,
                answer: .record(InnovationItemOutput.self)),
            "GET /innovation-items/mine": RouteNote("The worker's own items"),
            "GET /innovation-items/statistics": RouteNote("Figures for a subtree and period", query: [PeriodQuery.self]),
            "GET /innovation-items/template": RouteNote(
                "The import template", query: [ListExport.Options.self],
                answer: .file(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"])),
            "POST /innovation-items/import": RouteNote(
                "Import items from CSV (UTF-8 or GBK) or xlsx; all rows or none", body: .upload, status: 201,
                answer: .record(ImportReport.self)),
            "POST /innovation-items/reviewers": RouteNote(
                "Assign reviewers to many items at once (all or none)", body: .json(ReviewerAssignmentInput.self), errors: [404]),
            "POST /innovation-items/{id}/reviewers": RouteNote("Assign reviewers to the item", body: .json(ReviewerAssignmentInput.self)),
            "GET /innovation-items/{id}/reviews": RouteNote("The item's reviews (scores, never notes)"),
            "POST /innovation-items/{id}/second": RouteNote("A co-worker seconds the item (once)"),
            "GET /innovation-items/{id}/seconds": RouteNote("Who seconded the item"),
            "GET /innovation-items/{id}/events": RouteNote("The item's status history, as its author follows it"),
            "POST /innovation-items/{id}/attachments": RouteNote(
                "Attach a JPEG, PNG or PDF (5 MB at most)", body: .upload, status: 201, answer: .record(InnovationAttachmentOutput.self)),
            "GET /innovation-items/{id}/attachments/{attachmentId}": RouteNote(
                "Download an attachment", answer: .file(["application/pdf", "image/jpeg", "image/png"])),
            "POST /innovation-items/{id}/subsidies": RouteNote(
                "Pay a subsidy from the year's budget", body: .json(SubsidyInput.self), status: 201, answer: .record(SubsidyOutput.self)),
            "GET /innovation-items/{id}/subsidies": RouteNote("Subsidies paid against the item"),
            "GET /innovation-reviews": RouteNote("The reviewer's assignments, open ones first"),
            "PATCH /innovation-reviews/{id}": RouteNote("Save the reviewer's private notes", body: .json(ReviewNotesInput.self)),
            "POST /innovation-reviews/{id}/score": RouteNote("Send the scores (once)", body: .json(ReviewScoreInput.self)),
            "GET /innovation-weights": RouteNote("The criteria weights of each kind"),
            "PUT /innovation-weights": RouteNote("Set a kind's weights (admin)", body: .json(WeightsInput.self)),
            "GET /innovation-budgets": RouteNote("Subsidy budgets in the caller's subtree", query: [YearQuery.self]),
            "POST /innovation-budgets": RouteNote(
                "Set a unit's budget for a year", body: .json(BudgetInput.self), status: 201, answer: .record(BudgetOutput.self),
                errors: [404]),
        ]
    }
}
