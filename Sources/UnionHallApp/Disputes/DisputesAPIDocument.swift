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
        "overdue": "Only open cases past their deadline"
    ]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let t = "disputes"
        let base = "/api/v1/dispute-cases"
        let id = D.idParameter
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries += [
            (
                OpenAPI.Path(rawValue: base + "/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        t, "Cases by channel, type and outcome, amounts claimed and recovered, overdue cases", D.ref("DisputeStatistics"),
                        errors: [401, 403, 404, 422], parameters: period))
            ),
            (
                OpenAPI.Path(rawValue: base + "/request"),
                OpenAPI.PathItem(
                    post: op(
                        t, "A worker files a dispute of their own", body: "DisputeRequest", code: 201, D.ref("DisputeCase"),
                        errors: [400, 401, 403, 422]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/mine"),
                OpenAPI.PathItem(get: op(t, "The worker's own cases", .array(items: D.ref("DisputeCase")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/extend"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: op(
                        t, "Extend the deadline once, with both parties' consent", body: "DisputeExtension", D.ref("DisputeCase"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/sessions"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "Mediation sessions", .array(items: D.ref("DisputeSession")), errors: read),
                    post: op(t, "Record a session", body: "DisputeSessionInput", code: 201, D.ref("DisputeSession"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/payments"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "Payments under the settlement", .array(items: D.ref("DisputePayment")), errors: read),
                    post: op(
                        t, "Record a payment (never above the agreed amount)", body: "DisputePaymentInput", code: 201,
                        D.ref("DisputePayment"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/confirm"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: op(
                        t, "Record the court's judicial confirmation of the settlement", body: "DisputeConfirmation", D.ref("DisputeCase"),
                        errors: write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "The case's history, as its claimant follows it", .array(items: D.ref("DisputeEvent")), errors: read))
            ),
        ]
        return entries
    }
}
