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

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /certificates/{number}": RouteNote("Verify a certificate by its number (no sign-in)"),
            "GET /competitions/statistics": RouteNote(
                "Competitions, trades, entries, awards and team prizes (final results) for a subtree and period",
                query: [PeriodQuery.self]),
            "GET /competitions/open": RouteNote("Open events a worker may enter"),
            "GET /competitions/{id}/events": RouteNote("The competition's events"),
            "POST /competitions/{id}/events": RouteNote(
                "Add an event with its marking scheme and award bands", body: .json(EventInput.self), status: 201,
                answer: .record(EventOutput.self)),
            "GET /competitions/{id}/events/{eventId}": RouteNote("An event"),
            "PATCH /competitions/{id}/events/{eventId}": RouteNote(
                "Change an open event (the scheme only before any sheet)", body: .json(EventInput.self)),
            "POST /competitions/{id}/events/{eventId}/publish": RouteNote("Results step: publish", body: .json(EventStepInput.self)),
            "POST /competitions/{id}/events/{eventId}/reopen": RouteNote("Results step: reopen", body: .json(EventStepInput.self)),
            "POST /competitions/{id}/events/{eventId}/finalise": RouteNote("Results step: finalise", body: .json(EventStepInput.self)),
            "POST /competitions/{id}/events/{eventId}/judges": RouteNote(
                "Assign a reviewer as a judge (or the chief judge)", body: .json(JudgeInput.self), status: 201,
                answer: .record(EventOutput.self)),
            "DELETE /competitions/{id}/events/{eventId}/judges/{judgeId}": RouteNote("Remove a judge who has no sheets", status: 204),
            "GET /competitions/{id}/events/{eventId}/entries": RouteNote("Entries, with scores, ranks and awards once published"),
            "POST /competitions/{id}/events/{eventId}/entries": RouteNote(
                "Enter a member, or a team of 2–5 of one employer", body: .json(EntryInput.self), status: 201,
                answer: .record(EntryOutput.self)),
            "PUT /competitions/{id}/events/{eventId}/entries/{entryId}/theory": RouteNote(
                "The theory mark and the practical task's time", body: .json(TheoryInput.self)),
            "GET /competitions/{id}/events/{eventId}/sheets": RouteNote("Every submitted sheet"),
            "GET /competitions/{id}/events/{eventId}/objections": RouteNote("Objections raised during the public notice"),
            "POST /competitions/{id}/events/{eventId}/objections": RouteNote(
                "Record an objection (results on public notice)", body: .json(ObjectionInput.self), status: 201,
                answer: .record(ObjectionOutput.self)),
            "POST /competitions/{id}/events/{eventId}/objections/{objectionId}/resolve": RouteNote(
                "Uphold or dismiss an objection, with the resolution", body: .json(ResolveInput.self)),
            "POST /competitions/{id}/events/{eventId}/enter": RouteNote(
                "A worker enters an open event (a team names co-workers)", body: .json(EntryInput.self), status: 201,
                answer: .record(EntryOutput.self)),
            "GET /judging": RouteNote("The judge's events, entries by number only"),
            "GET /judging/events/{eventId}": RouteNote("One event as its judge sees it"),
            "GET /judging/events/{eventId}/sheets": RouteNote("The judge's own sheets (the chief judge's: all)"),
            "POST /judging/events/{eventId}/entries/{entryId}/sheet": RouteNote(
                "Submit a sheet (once; locked after)", body: .json(SheetInput.self), status: 201, answer: .record(SheetOutput.self)),
            "POST /judging/events/{eventId}/sheets/{sheetId}/correct": RouteNote(
                "The chief judge corrects a mark, with a reason", body: .json(CorrectionInput.self)),
        ]
    }
}
