import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The competitions part of the API document: contests, events, judging, results, objections and certificates.
enum CompetitionsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Competition": S.record([
            "name": .string, "year": .integer, "organizer": .string, "level": S.values(HonorLevel.self), "events": .integer,
        ]),
        "CompetitionInput": .object(properties: [
            "unitId": optionalUUID, "name": .string(required: false), "year": optionalInt, "organizer": .string(required: false),
            "level": S.values(HonorLevel.self).optionalSchemaObject(), "version": optionalInt,
        ]),
        "CompetitionEvent": .object(properties: [
            "id": uuid, "competitionId": uuid, "unitId": uuid, "number": .integer, "trade": .string, "kind": S.values(EventKind.self),
            "theoryWeight": .integer, "practicalWeight": .integer,
            "items": .array(
                items: .object(properties: [
                    "id": uuid, "position": .integer, "name": .string, "maximum": .integer(description: "Hundredths of a mark"),
                    "kind": S.values(ItemKind.self),
                ])),
            "expertCount": .integer, "pacesetterCount": .integer, "outstandingCount": .integer,
            "minimumTotal": .integer(description: "Hundredths of a mark out of 100"),
            "firstPrizes": .integer, "secondPrizes": .integer, "thirdPrizes": .integer, "status": S.values(EventStatus.self),
            "noticeStart": optionalDate, "noticeEnds": optionalDate, "finalisedDate": optionalDate, "entries": .integer,
            "judges": .array(
                items: .object(properties: ["id": uuid, "userId": uuid, "name": .string, "organizationId": optionalUUID, "chief": .boolean])
            ),
            "openObjections": .integer, "version": .integer,
        ]),
        "CompetitionEventInput": .object(properties: [
            "trade": .string(required: false), "kind": S.values(EventKind.self).optionalSchemaObject(), "theoryWeight": optionalInt,
            "practicalWeight": optionalInt,
            "items": .array(
                required: false,
                items: .object(properties: ["name": .string, "maximum": .integer, "kind": S.values(ItemKind.self).optionalSchemaObject()])),
            "expertCount": optionalInt, "pacesetterCount": optionalInt, "outstandingCount": optionalInt, "minimumTotal": optionalInt,
            "firstPrizes": optionalInt, "secondPrizes": optionalInt, "thirdPrizes": optionalInt, "version": optionalInt,
        ]),
        "EventStep": .object(properties: [
            "version": .integer, "noticeDays": .integer(required: false, description: "Days on public notice when publishing (7)"),
        ]),
        "JudgeInput": .object(properties: ["userId": uuid, "organizationId": optionalUUID, "chief": .boolean(required: false)]),
        "CompetitionEntry": .object(properties: [
            "id": uuid, "eventId": uuid, "unitId": uuid, "number": .integer, "memberId": optionalUUID, "teamName": .string(required: false),
            "employerId": optionalUUID,
            "entrants": .array(items: .object(properties: ["memberId": uuid, "name": .string])), "theoryMarks": optionalInt,
            "completionSeconds": optionalInt,
            "practical": .integer(required: false, description: "Ten-thousandths of a mark"),
            "total": .integer(required: false, description: "Ten-thousandths of a mark"),
            "rank": optionalInt, "award": .string(required: false), "certificateNumber": .string(required: false), "sheets": .integer,
        ]),
        "EntryInput": .object(properties: [
            "memberId": optionalUUID, "teamName": .string(required: false), "memberIds": .array(required: false, items: uuid),
        ]),
        "TheoryInput": .object(properties: [
            "theoryMarks": .integer(required: false, description: "Hundredths, out of 100"), "completionSeconds": optionalInt,
        ]),
        "SheetInput": .object(properties: [
            "marks": .array(items: .object(properties: ["itemId": uuid, "marks": .integer(description: "Hundredths of a mark")]))
        ]),
        "Sheet": .object(properties: [
            "id": uuid, "entryId": uuid, "entryNumber": .integer, "judgeId": uuid, "judgeName": .string, "submittedAt": S.timestamp,
            "marks": .array(items: .object(properties: ["itemId": uuid, "marks": .integer])),
        ]),
        "CorrectionInput": .object(properties: ["itemId": uuid, "marks": .integer, "reason": .string]),
        "Objection": .object(properties: [
            "id": uuid, "eventId": uuid, "entryId": optionalUUID, "raisedBy": .string, "content": .string, "raisedDate": date,
            "status": S.values(ObjectionStatus.self), "resolution": .string(required: false), "resolvedDate": optionalDate,
        ]),
        "ObjectionInput": .object(properties: ["entryId": optionalUUID, "raisedBy": .string, "content": .string]),
        "ResolveInput": .object(properties: ["upheld": .boolean, "resolution": .string]),
        "Judging": .object(properties: [
            "event": D.ref("CompetitionEvent"), "competitionName": .string, "chief": .boolean,
            "entries": .array(items: .object(properties: ["id": uuid, "number": .integer, "submitted": .boolean, "conflict": .boolean])),
        ]),
        "Certificate": .object(properties: [
            "number": .string, "names": .array(items: .string), "teamName": .string(required: false), "competition": .string,
            "year": .integer,
            "trade": .string, "award": .string, "organizer": .string, "finalisedDate": date,
        ]),
        "CompetitionStatistics": .object(properties: [
            "competitions": .integer, "events": .integer, "trades": .integer, "entries": .integer, "entrants": .integer,
            "awards": keyCounts, "teamPrizes": keyCounts, "teamPrizesTotal": .integer,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "Competition": CompetitionOutput.self,
            "CompetitionInput": CompetitionInput.self,
            "CompetitionEvent": EventOutput.self,
            "CompetitionEventInput": EventInput.self,
            "EventStep": EventStepInput.self,
            "JudgeInput": JudgeInput.self,
            "CompetitionEntry": EntryOutput.self,
            "EntryInput": EntryInput.self,
            "TheoryInput": TheoryInput.self,
            "SheetInput": SheetInput.self,
            "Sheet": SheetOutput.self,
            "CorrectionInput": CorrectionInput.self,
            "Objection": ObjectionOutput.self,
            "ObjectionInput": ObjectionInput.self,
            "ResolveInput": ResolveInput.self,
            "Judging": JudgingOutput.self,
            "Certificate": CertificateOutput.self,
            "CompetitionStatistics": CompetitionStatistics.self,
        ]
    }

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let k = "competitions"
        let base = "/api/v1/competitions"
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        let event = base + "/{id}/events/{eventId}"
        let eventParameters: OpenAPI.Parameter.Array = [id, path("eventId")]
        entries += [
            (
                OpenAPI.Path(rawValue: base + "/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        k, "Competitions, trades, entries, awards and team prizes (final results) for a subtree and period",
                        D.ref("CompetitionStatistics"), errors: [401, 403, 404, 422], parameters: period))
            ),
            (
                OpenAPI.Path(rawValue: base + "/open"),
                OpenAPI.PathItem(
                    get: op(k, "Open events a worker may enter", .array(items: D.ref("CompetitionEvent")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(k, "The competition's events", .array(items: D.ref("CompetitionEvent")), errors: read),
                    post: op(
                        k, "Add an event with its marking scheme and award bands", body: "CompetitionEventInput", code: 201,
                        D.ref("CompetitionEvent"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event),
                OpenAPI.PathItem(
                    parameters: eventParameters,
                    get: op(k, "An event", D.ref("CompetitionEvent"), errors: read),
                    patch: op(
                        k, "Change an open event (the scheme only before any sheet)", body: "CompetitionEventInput", code: 200,
                        D.ref("CompetitionEvent"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event + "/judges"),
                OpenAPI.PathItem(
                    parameters: eventParameters,
                    post: op(
                        k, "Assign a reviewer as a judge (or the chief judge)", body: "JudgeInput", code: 201, D.ref("CompetitionEvent"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event + "/judges/{judgeId}"),
                OpenAPI.PathItem(
                    parameters: eventParameters + [path("judgeId")],
                    delete: op(k, "Remove a judge who has no sheets", code: 204, nil, errors: [401, 403, 404, 409]))
            ),
            (
                OpenAPI.Path(rawValue: event + "/entries"),
                OpenAPI.PathItem(
                    parameters: eventParameters,
                    get: op(
                        k, "Entries, with scores, ranks and awards once published", .array(items: D.ref("CompetitionEntry")), errors: read),
                    post: op(
                        k, "Enter a member, or a team of 2–5 of one employer", body: "EntryInput", code: 201, D.ref("CompetitionEntry"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event + "/entries/{entryId}/theory"),
                OpenAPI.PathItem(
                    parameters: eventParameters + [path("entryId")],
                    put: op(
                        k, "The theory mark and the practical task's time", body: "TheoryInput", code: 200, D.ref("CompetitionEntry"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event + "/enter"),
                OpenAPI.PathItem(
                    parameters: eventParameters,
                    post: op(
                        k, "A worker enters an open event (a team names co-workers)", body: "EntryInput", code: 201,
                        D.ref("CompetitionEntry"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event + "/sheets"),
                OpenAPI.PathItem(
                    parameters: eventParameters, get: op(k, "Every submitted sheet", .array(items: D.ref("Sheet")), errors: read))
            ),
            (
                OpenAPI.Path(rawValue: event + "/objections"),
                OpenAPI.PathItem(
                    parameters: eventParameters,
                    get: op(k, "Objections raised during the public notice", .array(items: D.ref("Objection")), errors: read),
                    post: op(
                        k, "Record an objection (results on public notice)", body: "ObjectionInput", code: 201, D.ref("Objection"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: event + "/objections/{objectionId}/resolve"),
                OpenAPI.PathItem(
                    parameters: eventParameters + [path("objectionId")],
                    post: op(
                        k, "Uphold or dismiss an objection, with the resolution", body: "ResolveInput", code: 200, D.ref("Objection"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/judging"),
                OpenAPI.PathItem(
                    get: op(k, "The judge's events, entries by number only", .array(items: D.ref("Judging")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/judging/events/{eventId}"),
                OpenAPI.PathItem(
                    parameters: [path("eventId")], get: op(k, "One event as its judge sees it", D.ref("Judging"), errors: read))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/judging/events/{eventId}/sheets"),
                OpenAPI.PathItem(
                    parameters: [path("eventId")],
                    get: op(k, "The judge's own sheets (the chief judge's: all)", .array(items: D.ref("Sheet")), errors: read))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/judging/events/{eventId}/entries/{entryId}/sheet"),
                OpenAPI.PathItem(
                    parameters: [path("eventId"), path("entryId")],
                    post: op(k, "Submit a sheet (once; locked after)", body: "SheetInput", code: 201, D.ref("Sheet"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/judging/events/{eventId}/sheets/{sheetId}/correct"),
                OpenAPI.PathItem(
                    parameters: [path("eventId"), path("sheetId")],
                    post: op(
                        k, "The chief judge corrects a mark, with a reason", body: "CorrectionInput", code: 200, D.ref("Sheet"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/certificates/{number}"),
                OpenAPI.PathItem(
                    parameters: [.parameter(name: "number", context: .path, schema: .string)],
                    get: .init(
                        tags: [k], summary: "Verify a certificate by its number (no sign-in)",
                        responses: D.responses(200, "The certificate", D.ref("Certificate"), errors: [404]), security: []))
            ),
        ]
        for step in EventStep.allCases {
            entries.append(
                (
                    OpenAPI.Path(rawValue: event + "/\(step.rawValue)"),
                    OpenAPI.PathItem(
                        parameters: eventParameters,
                        post: op(
                            k, "Results step: \(step.rawValue)", body: "EventStep", code: 200, D.ref("CompetitionEvent"), errors: write))
                ))
        }
        return entries
    }
}
