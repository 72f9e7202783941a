import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The training part of the API document: programmes, sessions, attendance, enrolments, partnerships.
enum TrainingAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
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
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "TrainingProgram": TrainingProgramOutput.self,
            "TrainingProgramInput": TrainingProgramInput.self,
            "TrainingSession": TrainingSessionOutput.self,
            "TrainingSessionInput": TrainingSessionInput.self,
            "Enrolment": EnrolmentOutput.self,
            "EnrolmentInput": EnrolmentInput.self,
            "AttendanceInput": AttendanceInput.self,
            "Attendee": TrainingAPIController.Attendee.self,
            "TrainingStatistics": TrainingCounts.self,
            "Partnership": PartnershipOutput.self,
            "PartnershipInput": PartnershipInput.self,
        ]
    }

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let t = "training"
        let programs = "/api/v1/training-programs"
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
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
                        requestBody: upload,
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
        return entries
    }
}
