import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The disputes part of the API document: cases, their steps, sessions, payments and figures.
enum DisputesAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "DisputeCase": S.record([
            "channel": S.values(DisputeChannel.self), "type": S.values(DisputeType.self), "status": S.values(DisputeStatus.self),
            "employerId": optionalUUID, "employerName": .string, "summary": .string, "claimedFen": fen, "agreedFen": optionalFen,
            "recoveredFen": fen,
            "mediatorId": optionalUUID, "mediatorName": .string(required: false), "acceptedDate": date, "deadline": date,
            "extended": .boolean,
            "overdue": .boolean, "courtId": optionalUUID, "courtCaseNumber": .string(required: false), "outcomeDate": optionalDate,
            "outcomeNote": .string(required: false), "returnedToCourt": .boolean(required: false), "confirmationDate": optionalDate,
            "confirmationNumber": .string(required: false),
            "claimants": .array(
                items: .object(properties: [
                    "id": S.uuid, "memberId": optionalUUID, "name": .string, "idNumber": .string(description: "Masked"),
                    "mobile": .string(required: false, description: "Masked"),
                    "migrant": .boolean,
                ])),
        ]),
        "DisputeInput": .object(properties: [
            "unitId": optionalUUID, "channel": S.values(DisputeChannel.self).optionalSchemaObject(),
            "type": S.values(DisputeType.self).optionalSchemaObject(),
            "employerId": optionalUUID, "employerName": .string(required: false), "summary": .string(required: false),
            "claimedFen": optionalFen,
            "acceptedDate": optionalDate, "mediatorId": optionalUUID, "courtId": optionalUUID,
            "courtCaseNumber": .string(required: false),
            "claimants": .array(
                required: false,
                items: .object(properties: [
                    "memberId": optionalUUID, "name": .string(required: false), "idNumber": .string(required: false),
                    "mobile": .string(required: false),
                    "migrant": .boolean(required: false),
                ])),
            "version": optionalInt,
        ]),
        "DisputeStep": .object(properties: [
            "version": .integer, "date": optionalDate, "agreedFen": optionalFen, "reason": .string(required: false),
        ]),
        "DisputeExtension": .object(properties: ["version": .integer, "newDeadline": date, "bothConsent": .boolean]),
        "DisputeSession": .object(properties: ["id": S.uuid, "date": date, "notes": .string]),
        "DisputeSessionInput": .object(properties: ["date": date, "notes": .string]),
        "DisputePayment": .object(properties: ["id": S.uuid, "date": date, "amountFen": fen]),
        "DisputePaymentInput": .object(properties: ["date": date, "amountFen": fen]),
        "DisputeConfirmation": .object(properties: ["date": date, "number": .string]),
        "DisputeEvent": .object(properties: ["at": S.timestamp, "what": .string, "note": .string]),
        "DisputeRequest": .object(properties: [
            "type": S.values(DisputeType.self), "employerName": .string, "claimedFen": fen, "summary": .string,
        ]),
        "DisputeStatistics": .object(properties: [
            "cases": .integer, "byChannel": keyCounts, "byType": keyCounts, "byStatus": keyCounts, "claimedFen": fen,
            "recoveredFen": fen, "overdue": .integer,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "DisputeCase": DisputeOutput.self,
            "DisputeInput": DisputeInput.self,
            "DisputeStep": DisputeStepInput.self,
            "DisputeExtension": DisputeExtensionInput.self,
            "DisputeSession": DisputeSessionOutput.self,
            "DisputeSessionInput": DisputeSessionInput.self,
            "DisputePayment": DisputePaymentOutput.self,
            "DisputePaymentInput": DisputePaymentInput.self,
            "DisputeConfirmation": DisputeConfirmationInput.self,
            "DisputeEvent": DisputeEventOutput.self,
            "DisputeRequest": DisputeRequestInput.self,
            "DisputeStatistics": DisputeStatistics.self,
        ]
    }

    static let notes: [String: String] = [
        "overdue": "Only open cases past their deadline",
        "dueSoon": "Only open cases due within the next three days",
    ]

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /dispute-cases/statistics": RouteNote(
                "Cases by channel, type and outcome, amounts claimed and recovered, overdue cases", query: [PeriodQuery.self]),
            "POST /dispute-cases/request": RouteNote(
                "A worker files a dispute of their own", body: .json(DisputeRequestInput.self), status: 201,
                answer: .record(DisputeOutput.self)),
            "GET /dispute-cases/mine": RouteNote("The worker's own cases"),
            "POST /dispute-cases/{id}/extend": RouteNote(
                "Extend the deadline once, with both parties' consent", body: .json(DisputeExtensionInput.self)),
            "GET /dispute-cases/{id}/sessions": RouteNote("Mediation sessions"),
            "POST /dispute-cases/{id}/sessions": RouteNote(
                "Record a session", body: .json(DisputeSessionInput.self), status: 201, answer: .record(DisputeSessionOutput.self)),
            "GET /dispute-cases/{id}/payments": RouteNote("Payments under the settlement"),
            "POST /dispute-cases/{id}/payments": RouteNote(
                "Record a payment (never above the agreed amount)", body: .json(DisputePaymentInput.self), status: 201,
                answer: .record(DisputePaymentOutput.self)),
            "POST /dispute-cases/{id}/confirm": RouteNote(
                "Record the court's judicial confirmation of the settlement", body: .json(DisputeConfirmationInput.self)),
            "GET /dispute-cases/{id}/events": RouteNote("The case's history, as its claimant follows it"),
        ]
    }
}
