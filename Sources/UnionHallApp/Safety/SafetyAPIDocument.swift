import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The safety part of the API document: 安康杯 campaigns, accident records and hazard reports.
enum SafetyAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "SafetyCampaign": S.record([
            "year": .integer, "name": .string, "rewardCapFen": fen, "participants": .integer, "headcount": .integer,
        ]),
        "SafetyCampaignInput": .object(properties: [
            "unitId": optionalUUID, "year": optionalInt, "name": .string(required: false), "rewardCapFen": optionalFen,
            "version": optionalInt,
        ]),
        "Participant": .object(properties: ["employerId": S.uuid, "employerName": .string, "headcount": .integer]),
        "ParticipantInput": .object(properties: ["employerId": S.uuid, "headcount": .integer]),
        "AccidentRecord": S.record([
            "employerId": S.uuid, "employerName": .string, "year": .integer, "headcount": .integer, "injured": .integer, "deaths": .integer,
            "lostDays": .integer,
            "ratePerThousand": .integer(required: false, description: "Thousandths of a per-mille"),
        ]),
        "AccidentRecordInput": .object(properties: [
            "employerId": optionalUUID, "year": optionalInt, "headcount": optionalInt, "injured": optionalInt,
            "deaths": optionalInt, "lostDays": optionalInt, "version": optionalInt,
        ]),
        "CampaignRates": .object(properties: ["year": .integer, "participants": D.ref("RateGroup"), "others": D.ref("RateGroup")]),
        "RateGroup": .object(properties: [
            "employers": .integer, "headcount": .integer, "casualties": .integer, "previousHeadcount": .integer,
            "previousCasualties": .integer,
            "rate": optionalInt, "previousRate": optionalInt, "change": .integer(required: false, description: "Tenths of a percent"),
        ]),
        "HazardReport": S.record([
            "campaignId": optionalUUID, "reporterId": S.uuid, "reporterName": .string, "employerId": optionalUUID, "place": .string,
            "description": .string,
            "severity": S.values(HazardSeverity.self), "status": S.values(HazardStatus.self), "reportedDate": date, "hasPhoto": .boolean,
            "rectifyBy": optionalDate, "rectifiedDate": optionalDate, "hasRectifiedPhoto": .boolean, "rewardFen": optionalFen,
            "rewardedDate": optionalDate,
            "rejectReason": .string(required: false),
        ]),
        "HazardInput": .object(properties: [
            "reporterId": optionalUUID, "employerId": optionalUUID, "place": .string(required: false),
            "description": .string(required: false),
            "severity": S.values(HazardSeverity.self).optionalSchemaObject(), "version": optionalInt,
        ]),
        "HazardStep": .object(properties: [
            "version": .integer, "date": optionalDate, "rectifyBy": optionalDate, "amountFen": optionalFen,
            "reason": .string(required: false),
        ]),
        "HazardEvent": .object(properties: ["at": S.timestamp, "status": S.values(HazardStatus.self)]),
        "HazardStatistics": .object(properties: ["reports": .integer, "byStatus": keyCounts, "rewarded": .integer, "rewardsFen": fen]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "SafetyCampaign": CampaignOutput.self,
            "SafetyCampaignInput": CampaignInput.self,
            "Participant": ParticipantOutput.self,
            "ParticipantInput": ParticipantInput.self,
            "AccidentRecord": AccidentOutput.self,
            "AccidentRecordInput": AccidentInput.self,
            "CampaignRates": CampaignRates.self,
            "RateGroup": CampaignRates.Group.self,
            "HazardReport": HazardOutput.self,
            "HazardInput": HazardInput.self,
            "HazardStep": HazardStepInput.self,
            "HazardEvent": HazardEventOutput.self,
            "HazardStatistics": HazardStatistics.self,
        ]
    }

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        let hazards = "/api/v1/hazard-reports"
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
                            requestBody: upload,
                            responses: D.responses(201, "The report", D.ref("HazardReport"), errors: [400, 401, 403, 404, 413, 422])))
                ))
        }
        entries += [
            (
                OpenAPI.Path(rawValue: hazards + "/report"),
                OpenAPI.PathItem(
                    post: op(
                        "safety", "A worker reports a hazard", body: "HazardInput", code: 201, D.ref("HazardReport"),
                        errors: [400, 401, 403, 422]))
            ),
            (
                OpenAPI.Path(rawValue: hazards + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(
                        "safety", "The report's statuses as they changed, for its officers and its reporter",
                        .array(items: D.ref("HazardEvent")), errors: read))
            ),
            (
                OpenAPI.Path(rawValue: hazards + "/mine"),
                OpenAPI.PathItem(get: op("safety", "The worker's own reports", .array(items: D.ref("HazardReport")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: hazards + "/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        "safety", "Reports by status and rewards paid", D.ref("HazardStatistics"), errors: [401, 403, 404, 422],
                        parameters: period))
            ),
        ]
        entries += [
            (
                OpenAPI.Path(rawValue: "/api/v1/safety-campaigns/{id}/participants"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(
                        "safety", "Participating employers and their headcounts", .array(items: D.ref("Participant")), errors: read),
                    post: op(
                        "safety", "Add an employer (or change its headcount)", body: "ParticipantInput", code: 201,
                        .array(items: D.ref("Participant")), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/safety-campaigns/{id}/rates"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(
                        "safety", "Accident rates per 1,000 workers, participants against the rest, year on year", D.ref("CampaignRates"),
                        errors: read))
            ),
        ]
        return entries
    }
}
