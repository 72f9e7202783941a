import OpenAPIKit30
import UnionHallCore

/// The rights-and-care part of the API document: labour dispute mediation.
enum RightsOpenAPI {
    typealias S = OpenAPISchemas
    typealias D = OpenAPIDocument
    typealias K = SkillsOpenAPI
    static let fen = JSONSchema.integer(format: .int64)
    static let optionalFen = JSONSchema.integer(format: .int64, required: false)

    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "DisputeCase": S.record([
            "channel": S.values(DisputeChannel.self), "type": S.values(DisputeType.self), "status": S.values(DisputeStatus.self),
            "employerId": K.optionalUUID, "employerName": .string, "summary": .string, "claimedFen": fen, "agreedFen": optionalFen,
            "recoveredFen": fen,
            "mediatorId": K.optionalUUID, "mediatorName": .string(required: false), "acceptedDate": K.date, "deadline": K.date,
            "extended": .boolean,
            "overdue": .boolean, "courtId": K.optionalUUID, "courtCaseNumber": .string(required: false), "outcomeDate": K.optionalDate,
            "outcomeNote": .string(required: false), "returnedToCourt": .boolean(required: false), "confirmationDate": K.optionalDate,
            "confirmationNumber": .string(required: false),
            "claimants": .array(
                items: .object(properties: [
                    "id": S.uuid, "memberId": K.optionalUUID, "name": .string, "idNumber": .string(description: "Masked"),
                    "mobile": .string(required: false, description: "Masked"),
                    "migrant": .boolean,
                ])),
        ]),
        "DisputeInput": .object(properties: [
            "unitId": K.optionalUUID, "channel": S.values(DisputeChannel.self).optionalSchemaObject(),
            "type": S.values(DisputeType.self).optionalSchemaObject(),
            "employerId": K.optionalUUID, "employerName": .string(required: false), "summary": .string(required: false),
            "claimedFen": optionalFen,
            "acceptedDate": K.optionalDate, "mediatorId": K.optionalUUID, "courtId": K.optionalUUID,
            "courtCaseNumber": .string(required: false),
            "claimants": .array(
                required: false,
                items: .object(properties: [
                    "memberId": K.optionalUUID, "name": .string(required: false), "idNumber": .string(required: false),
                    "mobile": .string(required: false),
                    "migrant": .boolean(required: false),
                ])),
            "version": K.optionalInt,
        ]),
        "DisputeStep": .object(properties: [
            "version": .integer, "date": K.optionalDate, "agreedFen": optionalFen, "reason": .string(required: false),
        ]),
        "DisputeExtension": .object(properties: ["version": .integer, "newDeadline": K.date, "bothConsent": .boolean]),
        "DisputeSession": .object(properties: ["id": S.uuid, "date": K.date, "notes": .string]),
        "DisputeSessionInput": .object(properties: ["date": K.date, "notes": .string]),
        "DisputePayment": .object(properties: ["id": S.uuid, "date": K.date, "amountFen": fen]),
        "DisputePaymentInput": .object(properties: ["date": K.date, "amountFen": fen]),
        "DisputeConfirmation": .object(properties: ["date": K.date, "number": .string]),
        "DisputeEvent": .object(properties: ["at": S.timestamp, "what": .string, "note": .string]),
        "DisputeRequest": .object(properties: [
            "type": S.values(DisputeType.self), "employerName": .string, "claimedFen": fen, "summary": .string,
        ]),
        "ServiceStation": S.record([
            "name": .string, "kind": S.values(StationKind.self), "district": .string, "address": .string,
            "facilities": .array(items: S.values(Facility.self)),
            "hours": .string, "peopleServed": .integer, "goodsFen": fen,
        ]),
        "ServiceStationInput": .object(properties: [
            "unitId": K.optionalUUID, "name": .string(required: false), "kind": S.values(StationKind.self).optionalSchemaObject(),
            "district": .string(required: false),
            "address": .string(required: false), "facilities": .array(required: false, items: S.values(Facility.self)),
            "hours": .string(required: false), "version": K.optionalInt,
        ]),
        "ServiceEvent": S.record([
            "stationId": K.optionalUUID, "stationName": .string(required: false), "kind": S.values(ServiceEventKind.self), "title": .string,
            "date": K.date,
            "peopleServed": .integer, "goodsFen": fen,
        ]),
        "ServiceEventInput": .object(properties: [
            "unitId": K.optionalUUID, "stationId": K.optionalUUID, "kind": S.values(ServiceEventKind.self).optionalSchemaObject(),
            "title": .string(required: false),
            "date": K.optionalDate, "peopleServed": K.optionalInt, "goodsFen": optionalFen, "version": K.optionalInt,
        ]),
        "ServiceStatistics": .object(properties: [
            "events": .integer, "peopleServed": .integer, "goodsFen": fen,
            "byKind": .array(
                items: .object(properties: ["key": S.values(ServiceEventKind.self), "peopleServed": .integer, "goodsFen": fen])),
            "byStation": .array(items: .object(properties: ["id": S.uuid, "name": .string, "peopleServed": .integer, "goodsFen": fen])),
        ]),
        "SafetyCampaign": S.record([
            "year": .integer, "name": .string, "rewardCapFen": fen, "participants": .integer, "headcount": .integer,
        ]),
        "SafetyCampaignInput": .object(properties: [
            "unitId": K.optionalUUID, "year": K.optionalInt, "name": .string(required: false), "rewardCapFen": optionalFen,
            "version": K.optionalInt,
        ]),
        "Participant": .object(properties: ["employerId": S.uuid, "employerName": .string, "headcount": .integer]),
        "ParticipantInput": .object(properties: ["employerId": S.uuid, "headcount": .integer]),
        "AccidentRecord": S.record([
            "employerId": S.uuid, "employerName": .string, "year": .integer, "headcount": .integer, "injured": .integer, "deaths": .integer,
            "lostDays": .integer,
            "ratePerThousand": .integer(required: false, description: "Thousandths of a per-mille"),
        ]),
        "AccidentRecordInput": .object(properties: [
            "employerId": K.optionalUUID, "year": K.optionalInt, "headcount": K.optionalInt, "injured": K.optionalInt,
            "deaths": K.optionalInt, "lostDays": K.optionalInt, "version": K.optionalInt,
        ]),
        "CampaignRates": .object(properties: ["year": .integer, "participants": D.ref("RateGroup"), "others": D.ref("RateGroup")]),
        "RateGroup": .object(properties: [
            "employers": .integer, "headcount": .integer, "casualties": .integer, "previousHeadcount": .integer,
            "previousCasualties": .integer,
            "rate": K.optionalInt, "previousRate": K.optionalInt, "change": .integer(required: false, description: "Tenths of a percent"),
        ]),
        "HazardReport": S.record([
            "campaignId": K.optionalUUID, "reporterId": S.uuid, "reporterName": .string, "employerId": K.optionalUUID, "place": .string,
            "description": .string,
            "severity": S.values(HazardSeverity.self), "status": S.values(HazardStatus.self), "reportedDate": K.date, "hasPhoto": .boolean,
            "rectifyBy": K.optionalDate, "rectifiedDate": K.optionalDate, "hasRectifiedPhoto": .boolean, "rewardFen": optionalFen,
            "rewardedDate": K.optionalDate,
            "rejectReason": .string(required: false),
        ]),
        "HazardInput": .object(properties: [
            "reporterId": K.optionalUUID, "employerId": K.optionalUUID, "place": .string(required: false),
            "description": .string(required: false),
            "severity": S.values(HazardSeverity.self).optionalSchemaObject(), "version": K.optionalInt,
        ]),
        "HazardStep": .object(properties: [
            "version": .integer, "date": K.optionalDate, "rectifyBy": K.optionalDate, "amountFen": optionalFen,
            "reason": .string(required: false),
        ]),
        "HazardEvent": .object(properties: ["at": S.timestamp, "status": S.values(HazardStatus.self)]),
        "HazardStatistics": .object(properties: ["reports": .integer, "byStatus": K.keyCounts, "rewarded": .integer, "rewardsFen": fen]),
        "DisputeStatistics": .object(properties: [
            "cases": .integer, "byChannel": K.keyCounts, "byType": K.keyCounts, "byStatus": K.keyCounts, "claimedFen": fen,
            "recoveredFen": fen, "overdue": .integer,
        ]),
    ]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let t = "disputes"
        let base = "/api/v1/dispute-cases"
        let id = D.idParameter
        var entries = D.resource(
            base, t, schema: "DisputeCase", input: "DisputeInput",
            filters: [
                .parameter(name: "channel", context: .query, schema: S.values(DisputeChannel.self)),
                .parameter(name: "type", context: .query, schema: S.values(DisputeType.self)),
                .parameter(name: "status", context: .query, schema: S.values(DisputeStatus.self)),
                .parameter(name: "overdue", context: .query, schema: .boolean, description: "Only open cases past their deadline"),
                .parameter(name: "mediatorId", context: .query, schema: S.uuid),
            ])
        entries += D.steps(base, t, DisputeStep.self, input: "DisputeStep", schema: "DisputeCase")
        entries += [
            (
                OpenAPI.Path(rawValue: base + "/statistics"),
                OpenAPI.PathItem(
                    get: K.op(
                        t, "Cases by channel, type and outcome, amounts claimed and recovered, overdue cases", D.ref("DisputeStatistics"),
                        errors: [401, 403, 404, 422], parameters: K.period))
            ),
            (
                OpenAPI.Path(rawValue: base + "/request"),
                OpenAPI.PathItem(
                    post: K.op(
                        t, "A worker files a dispute of their own", body: "DisputeRequest", code: 201, D.ref("DisputeCase"),
                        errors: [400, 401, 403, 422]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/mine"),
                OpenAPI.PathItem(get: K.op(t, "The worker's own cases", .array(items: D.ref("DisputeCase")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/extend"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: K.op(
                        t, "Extend the deadline once, with both parties' consent", body: "DisputeExtension", D.ref("DisputeCase"),
                        errors: K.write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/sessions"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: K.op(t, "Mediation sessions", .array(items: D.ref("DisputeSession")), errors: K.read),
                    post: K.op(t, "Record a session", body: "DisputeSessionInput", code: 201, D.ref("DisputeSession"), errors: K.write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/payments"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: K.op(t, "Payments under the settlement", .array(items: D.ref("DisputePayment")), errors: K.read),
                    post: K.op(
                        t, "Record a payment (never above the agreed amount)", body: "DisputePaymentInput", code: 201,
                        D.ref("DisputePayment"), errors: K.write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/confirm"),
                OpenAPI.PathItem(
                    parameters: [id],
                    post: K.op(
                        t, "Record the court's judicial confirmation of the settlement", body: "DisputeConfirmation", D.ref("DisputeCase"),
                        errors: K.write))
            ),
            (
                OpenAPI.Path(rawValue: base + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: K.op(t, "The case's history, as its claimant follows it", .array(items: D.ref("DisputeEvent")), errors: K.read))
            ),
        ]
        entries += D.resource(
            "/api/v1/service-stations", "services", schema: "ServiceStation", input: "ServiceStationInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: S.values(StationKind.self)),
                .parameter(name: "district", context: .query, schema: .string),
            ])
        entries += D.resource(
            "/api/v1/service-events", "services", schema: "ServiceEvent", input: "ServiceEventInput",
            filters: [
                .parameter(name: "kind", context: .query, schema: S.values(ServiceEventKind.self)),
                .parameter(name: "stationId", context: .query, schema: S.uuid),
            ])
        entries += D.resource(
            "/api/v1/safety-campaigns", "safety", schema: "SafetyCampaign", input: "SafetyCampaignInput",
            filters: [
                .parameter(name: "year", context: .query, schema: .integer)
            ])
        entries += D.resource(
            "/api/v1/accident-records", "safety", schema: "AccidentRecord", input: "AccidentRecordInput",
            filters: [
                .parameter(name: "year", context: .query, schema: .integer),
                .parameter(name: "employerId", context: .query, schema: S.uuid),
            ])
        let hazards = "/api/v1/hazard-reports"
        entries += D.resource(
            hazards, "safety", schema: "HazardReport", input: "HazardInput",
            filters: [
                .parameter(name: "status", context: .query, schema: S.values(HazardStatus.self)),
                .parameter(name: "severity", context: .query, schema: S.values(HazardSeverity.self)),
                .parameter(name: "campaignId", context: .query, schema: S.uuid),
            ])
        entries += D.steps(hazards, "safety", HazardStep.self, input: "HazardStep", schema: "HazardReport")
        let image: OpenAPI.Content.Map = [.jpg: .init(schema: .string(format: .binary)), .png: .init(schema: .string(format: .binary))]
        for name in ["photo", "rectification-photo"] {
            entries.append(
                (
                    OpenAPI.Path(rawValue: "\(hazards)/{id}/\(name)"),
                    OpenAPI.PathItem(
                        parameters: [id],
                        get: .init(
                            tags: ["safety"], summary: "Download the \(name)",
                            responses: [
                                200: .response(description: "The photo, as an attachment", content: image),
                                401: .response(description: "No or bad token", content: D.json(D.ref("Error"))),
                                404: .response(description: "Missing or not yours", content: D.json(D.ref("Error"))),
                            ]),
                        post: .init(
                            tags: ["safety"], summary: "Attach the \(name) (JPEG or PNG, 5 MB at most)",
                            requestBody: InnovationOpenAPI.upload,
                            responses: D.responses(201, "The report", D.ref("HazardReport"), errors: [400, 401, 403, 404, 413, 422])))
                ))
        }
        entries += [
            (
                OpenAPI.Path(rawValue: hazards + "/report"),
                OpenAPI.PathItem(
                    post: K.op(
                        "safety", "A worker reports a hazard", body: "HazardInput", code: 201, D.ref("HazardReport"),
                        errors: [400, 401, 403, 422]))
            ),
            (
                OpenAPI.Path(rawValue: hazards + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: K.op(
                        "safety", "The report's statuses as they changed, for its officers and its reporter",
                        .array(items: D.ref("HazardEvent")), errors: K.read))
            ),
            (
                OpenAPI.Path(rawValue: hazards + "/mine"),
                OpenAPI.PathItem(get: K.op("safety", "The worker's own reports", .array(items: D.ref("HazardReport")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: hazards + "/statistics"),
                OpenAPI.PathItem(
                    get: K.op(
                        "safety", "Reports by status and rewards paid", D.ref("HazardStatistics"), errors: [401, 403, 404, 422],
                        parameters: K.period))
            ),
        ]
        entries += [
            (
                OpenAPI.Path(rawValue: "/api/v1/safety-campaigns/{id}/participants"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: K.op(
                        "safety", "Participating employers and their headcounts", .array(items: D.ref("Participant")), errors: K.read),
                    post: K.op(
                        "safety", "Add an employer (or change its headcount)", body: "ParticipantInput", code: 201,
                        .array(items: D.ref("Participant")), errors: K.write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/safety-campaigns/{id}/rates"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: K.op(
                        "safety", "Accident rates per 1,000 workers, participants against the rest, year on year", D.ref("CampaignRates"),
                        errors: K.read))
            ),
        ]
        entries += [
            (
                OpenAPI.Path(rawValue: "/api/v1/service-events/statistics"),
                OpenAPI.PathItem(
                    get: K.op(
                        "services", "People served and goods given by kind and station", D.ref("ServiceStatistics"),
                        errors: [401, 403, 404, 422], parameters: K.period))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/service-stations/near"),
                OpenAPI.PathItem(
                    get: K.op(
                        "services", "Stations in or near a district (anyone signed in)", .array(items: D.ref("ServiceStation")),
                        errors: [401],
                        parameters: [.parameter(name: "district", context: .query, schema: .string)]))
            ),
        ]
        return entries
    }
}
