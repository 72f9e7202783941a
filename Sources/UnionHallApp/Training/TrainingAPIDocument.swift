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
            "partnerships": .array(description: "Partnerships signed in the period, by kind", items: D.ref("KeyCount")),
            "partnershipsByStatus": .array(description: "Partnerships signed in the period, by where they stand", items: D.ref("KeyCount")),
        ]),
        "Partnership": S.record([
            "kind": S.values(PartnershipKind.self), "name": .string, "collegeId": uuid, "collegeName": .string, "employerId": optionalUUID,
            "employerName": .string(required: false), "signedDate": date, "status": S.values(PartnershipStatus.self), "note": .string,
            "studioIds": .array(items: uuid),
            "programs": .integer,
        ]),
        "PartnershipInput": .object(properties: [
            "unitId": optionalUUID, "kind": S.values(PartnershipKind.self).optionalSchemaObject(), "name": .string(required: false),
            "collegeId": optionalUUID,
            "employerId": optionalUUID, "signedDate": optionalDate,
            "status": S.values(PartnershipStatus.self).optionalSchemaObject(), "note": .string(required: false),
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

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /training-programs/statistics": RouteNote(
                "Programmes and person-times by kind, and places, for a subtree and period", query: [PeriodQuery.self]),
            "GET /training-programs/{id}/sessions": RouteNote("The programme's sessions"),
            "POST /training-programs/{id}/sessions": RouteNote(
                "Add a session within the programme's dates", body: .json(TrainingSessionInput.self), status: 201,
                answer: .record(TrainingSessionOutput.self)),
            "GET /training-programs/{id}/sessions/{sessionId}/attendance": RouteNote("Who attended the session, by name"),
            "POST /training-programs/{id}/sessions/{sessionId}/attendance": RouteNote(
                "Take attendance: members by name, and a head count", body: .json(AttendanceInput.self)),
            "GET /training-programs/{id}/enrolments": RouteNote("Enrolled, waiting (in order) and withdrawn"),
            "POST /training-programs/{id}/enrolments": RouteNote(
                "Enrol a member, or put them on the waiting list when the places are taken", body: .json(EnrolmentInput.self), status: 201,
                answer: .record(EnrolmentOutput.self)),
            "POST /training-programs/{id}/enrolments/{enrolmentId}/withdraw": RouteNote("Withdraw; the first waiting moves up"),
            "GET /training-programs/{id}/attendance/template": RouteNote(
                "The sign-in sheet template", query: [ListExport.Options.self],
                answer: .file(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"])),
            "POST /training-programs/{id}/attendance/import": RouteNote(
                "Import a sign-in sheet (xlsx, or CSV in UTF-8 or GBK); all rows or none", body: .upload, status: 201,
                answer: .record(ImportReport.self)),
        ]
    }
}
