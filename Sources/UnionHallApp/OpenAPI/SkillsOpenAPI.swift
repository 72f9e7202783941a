import OpenAPIKit30
import UnionHallCore

/// The skills part of the API document: training, partnerships, certifications, members'
/// political participation and outside results, competitions, judging and certificates.
enum SkillsOpenAPI {
    typealias S = OpenAPISchemas
    typealias D = OpenAPIDocument
    static let uuid = S.uuid
    static let date = JSONSchema.string(format: .date)
    static let optionalDate = JSONSchema.string(format: .date, required: false)
    static let optionalUUID = uuid.optionalSchemaObject()
    static let optionalInt = JSONSchema.integer(required: false)
    static let keyCounts = JSONSchema.array(items: D.ref("KeyCount"))
    static let namedCounts = JSONSchema.array(items: .object(properties: ["id": .string, "name": .string, "count": .integer]))

    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "KeyCount": .object(properties: ["key": .string, "count": .integer]),
        "TrainingProgram": S.record([
            "kind": S.values(TrainingKind.self), "title": .string, "trade": .string(required: false), "collegeId": optionalUUID,
            "employerId": optionalUUID,
            "partnershipId": optionalUUID, "studioId": optionalUUID, "places": .integer, "startDate": date, "endDate": date,
            "offerSalaryFen": .integer(format: .int64, required: false, description: "The employer's monthly job offer, in fen"),
            "offerNote": .string(required: false),
            "enrolled": .integer, "waiting": .integer, "sessions": .integer,
            "personTimes": .integer(description: "Named attendance plus head counts"),
        ]),
        "TrainingProgramInput": .object(properties: [
            "unitId": optionalUUID, "kind": S.values(TrainingKind.self).optionalSchemaObject(), "title": .string(required: false),
            "trade": .string(required: false),
            "collegeId": optionalUUID, "employerId": optionalUUID, "partnershipId": optionalUUID, "studioId": optionalUUID,
            "places": optionalInt,
            "startDate": optionalDate, "endDate": optionalDate, "offerSalaryFen": .integer(format: .int64, required: false),
            "offerNote": .string(required: false),
            "version": optionalInt,
        ]),
        "TrainingSession": .object(properties: [
            "id": uuid, "programId": uuid, "date": date, "place": .string, "trainers": .string, "headCount": .integer,
            "namedCount": .integer, "personTimes": .integer,
        ]),
        "TrainingSessionInput": .object(properties: [
            "date": date, "place": .string, "trainers": .string(required: false), "headCount": optionalInt,
        ]),
        "Enrolment": .object(properties: [
            "id": uuid, "programId": uuid, "memberId": uuid, "memberName": .string, "status": S.values(EnrolmentStatus.self),
            "since": S.timestamp,
            "position": .integer(required: false, description: "Place in the waiting list, 1 first"),
        ]),
        "EnrolmentInput": .object(properties: ["memberId": uuid]),
        "AttendanceInput": .object(properties: ["memberIds": .array(required: false, items: uuid), "headCount": optionalInt]),
        "Attendee": .object(properties: ["memberId": uuid, "name": .string]),
        "TrainingStatistics": .object(properties: [
            "programs": keyCounts, "personTimes": keyCounts, "programsTotal": .integer, "personTimesTotal": .integer, "sessions": .integer,
            "enrolled": .integer, "waiting": .integer, "withdrawn": .integer,
        ]),
        "Partnership": S.record([
            "kind": S.values(PartnershipKind.self), "name": .string, "collegeId": uuid, "collegeName": .string, "employerId": optionalUUID,
            "employerName": .string(required: false), "signedDate": date, "note": .string, "studioIds": .array(items: uuid),
            "programs": .integer,
        ]),
        "PartnershipInput": .object(properties: [
            "unitId": optionalUUID, "kind": S.values(PartnershipKind.self).optionalSchemaObject(), "name": .string(required: false),
            "collegeId": optionalUUID,
            "employerId": optionalUUID, "signedDate": optionalDate, "note": .string(required: false),
            "studioIds": .array(required: false, items: uuid), "version": optionalInt,
        ]),
        "Certification": S.record([
            "memberId": uuid, "memberName": .string, "trade": .string, "level": .integer(description: "1 (一级/高级技师) … 5 (五级/初级工)"),
            "date": date,
            "certificateNumber": .string, "issuingBody": .string,
            "raised": .boolean(description: "Whether this pass raised the member's level"),
        ]),
        "CertificationInput": .object(properties: [
            "memberId": optionalUUID, "trade": .string(required: false), "level": optionalInt, "date": optionalDate,
            "certificateNumber": .string(required: false),
            "issuingBody": .string(required: false), "version": optionalInt,
        ]),
        "TalentStatistics": .object(properties: [
            "certifications": keyCounts, "certificationsTotal": .integer, "newSkilled": keyCounts, "newSkilledTotal": .integer,
            "register": keyCounts,
            "registerTotal": .integer, "highSkilled": .integer, "byTrade": namedCounts, "byUnit": namedCounts, "byEmployer": namedCounts,
            "delegatesAndDeputies": .integer, "joinedParty": .integer, "activists": .integer,
        ]),
        "Participation": .object(properties: [
            "id": uuid, "memberId": uuid, "kind": S.values(ParticipationKind.self),
            "level": S.values(HonorLevel.self).optionalSchemaObject(), "date": date, "note": .string,
        ]),
        "ParticipationInput": .object(properties: [
            "kind": S.values(ParticipationKind.self), "level": S.values(HonorLevel.self).optionalSchemaObject(), "date": date,
            "note": .string(required: false),
        ]),
        "ExternalResult": .object(properties: [
            "id": uuid, "memberId": uuid, "contest": .string, "level": S.values(HonorLevel.self), "year": .integer, "placing": .integer,
            "award": .string,
        ]),
        "ExternalResultInput": .object(properties: [
            "contest": .string, "level": S.values(HonorLevel.self), "year": .integer, "placing": .integer,
            "award": .string(required: false),
        ]),
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

    static func op(
        _ tag: String, _ summary: String, body: String? = nil, code: Int = 200, _ result: JSONSchema?, errors: [Int],
        parameters: OpenAPI.Parameter.Array = []
    ) -> OpenAPI.Operation {
        .init(
            tags: [tag], summary: summary, parameters: parameters, requestBody: body.map { .init(content: D.json(D.ref($0))) },
            responses: D.responses(code, summary, result, errors: errors))
    }

    static func path(_ id: String) -> OpenAPI.Parameter.Array.Element { .parameter(name: id, context: .path, schema: uuid) }

    static let period: OpenAPI.Parameter.Array = [
        .parameter(name: "from", context: .query, schema: date), .parameter(name: "to", context: .query, schema: date),
        .parameter(name: "unitId", context: .query, schema: uuid),
    ]
    static let read = [401, 403, 404]
    static let write = [400, 401, 403, 404, 409, 422]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let t = "training"
        let programs = "/api/v1/training-programs"
        var entries = D.resource(
            programs, t, schema: "TrainingProgram", input: "TrainingProgramInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: S.values(TrainingKind.self)),
                .parameter(name: "collegeId", context: .query, schema: uuid),
                .parameter(name: "employerId", context: .query, schema: uuid),
                .parameter(name: "partnershipId", context: .query, schema: uuid),
            ])
        let id = D.idParameter
        entries += [
            (
                OpenAPI.Path(rawValue: programs + "/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        t, "Programmes and person-times by kind, and places, for a subtree and period", D.ref("TrainingStatistics"),
                        errors: [401, 403, 404, 422], parameters: period))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/sessions"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "The programme's sessions", .array(items: D.ref("TrainingSession")), errors: read),
                    post: op(
                        t, "Add a session within the programme's dates", body: "TrainingSessionInput", code: 201, D.ref("TrainingSession"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/sessions/{sessionId}/attendance"),
                OpenAPI.PathItem(
                    parameters: [id, path("sessionId")],
                    get: op(t, "Who attended the session, by name", .array(items: D.ref("Attendee")), errors: read),
                    post: op(
                        t, "Take attendance: members by name, and a head count", body: "AttendanceInput", code: 200,
                        D.ref("TrainingSession"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/enrolments"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "Enrolled, waiting (in order) and withdrawn", .array(items: D.ref("Enrolment")), errors: read),
                    post: op(
                        t, "Enrol a member, or put them on the waiting list when the places are taken", body: "EnrolmentInput", code: 201,
                        D.ref("Enrolment"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/enrolments/{enrolmentId}/withdraw"),
                OpenAPI.PathItem(
                    parameters: [id, path("enrolmentId")],
                    post: op(t, "Withdraw; the first waiting moves up", .array(items: D.ref("Enrolment")), errors: [401, 403, 404, 409]))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/attendance/template"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: .init(
                        tags: [t], summary: "The sign-in sheet template",
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
                OpenAPI.Path(rawValue: programs + "/{id}/attendance/import"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: .init(
                        tags: [t], summary: "Import a sign-in sheet (xlsx, or CSV in UTF-8 or GBK); all rows or none",
                        requestBody: InnovationOpenAPI.upload,
                        responses: [
                            201: .response(description: "Every row imported", content: D.json(D.ref("ImportReport"))),
                            413: .response(description: "Too large", content: D.json(D.ref("Error"))),
                            422: .response(
                                description: "The file or some rows are wrong; nothing was written", content: D.json(D.ref("ImportFailure"))
                            ),
                            401: .response(description: "No or bad token", content: D.json(D.ref("Error"))),
                            403: .response(description: "Role not allowed", content: D.json(D.ref("Error"))),
                            404: .response(description: "Missing, or outside the caller's subtree", content: D.json(D.ref("Error"))),
                        ]))
            ),
        ]
        entries += D.resource(
            "/api/v1/partnerships", t, schema: "Partnership", input: "PartnershipInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: S.values(PartnershipKind.self)),
                .parameter(name: "collegeId", context: .query, schema: uuid),
                .parameter(name: "employerId", context: .query, schema: uuid),
            ])
        let c = "certifications"
        entries += D.resource(
            "/api/v1/certifications", c, schema: "Certification", input: "CertificationInput",
            filters: [
                .parameter(name: "memberId", context: .query, schema: uuid),
                .parameter(name: "level", context: .query, schema: .integer),
                .parameter(name: "trade", context: .query, schema: .string),
                .parameter(
                    name: "first", context: .query, schema: .boolean,
                    description: "Only members' first certifications (new skilled talents)"),
            ])
        entries += [
            (
                OpenAPI.Path(rawValue: "/api/v1/certifications/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        c, "Certifications, new skilled talents, the talent register and political participation",
                        D.ref("TalentStatistics"), errors: [401, 403, 404, 422], parameters: period))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/members/{id}/participation"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(c, "The member's political participation (officers)", .array(items: D.ref("Participation")), errors: read),
                    post: op(
                        c, "Record a role, becoming an activist or joining the Party", body: "ParticipationInput", code: 201,
                        .array(items: D.ref("Participation")), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/members/{id}/participation/{entryId}"),
                OpenAPI.PathItem(
                    parameters: [id, path("entryId")],
                    delete: op(c, "Remove an entry", code: 204, nil, errors: read))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/members/{id}/external-results"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(c, "The member's results at outside contests", .array(items: D.ref("ExternalResult")), errors: read),
                    post: op(c, "Record an outside result", body: "ExternalResultInput", code: 201, D.ref("ExternalResult"), errors: write))
            ),
        ]
        let k = "competitions"
        let base = "/api/v1/competitions"
        entries += D.resource(
            base, k, schema: "Competition", input: "CompetitionInput",
            filters: [.parameter(name: "year", context: .query, schema: .integer)])
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
