import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The safety part of the API document: 安康杯 campaigns, accident records and hazard reports.
enum SafetyAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "SafetyStatistics": .object(properties: [
            "hazards": D.ref("HazardStatistics"), "campaigns": .array(items: D.ref("CampaignRates")),
            "inspections": D.ref("InspectionStatistics"),
        ]),
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
            "campaignId": optionalUUID, "inspectionId": optionalUUID, "reporterId": S.uuid, "reporterName": .string,
            "employerId": optionalUUID, "place": .string,
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
        "SafetyInspection": S.record([
            "unitName": .string, "inspectorId": S.uuid, "inspectorName": .string, "plannedDate": date,
            "status": S.values(InspectionStatus.self), "heldDate": optionalDate, "note": .string, "cancelReason": .string(required: false),
            "findings": .integer(description: "Hazard reports recorded from the inspection"),
        ]),
        "SafetyInspectionInput": .object(properties: [
            "unitId": optionalUUID, "inspectorId": optionalUUID, "plannedDate": optionalDate, "note": .string(required: false),
            "version": optionalInt,
        ]),
        "InspectionStep": .object(properties: [
            "version": .integer, "date": optionalDate, "note": .string(required: false),
            "reason": .string(required: false, description: "Required to cancel"),
        ]),
        "Finding": .object(properties: [
            "place": .string, "description": .string, "severity": S.values(HazardSeverity.self),
        ]),
        "InspectionStatistics": .object(properties: [
            "planned": .integer, "held": .integer, "cancelled": .integer,
            "teams": .integer(description: "Teams in the subtree"),
            "teamsInspected": .integer(description: "Teams with an inspection held"),
            "findings": .integer(description: "Hazards the inspections found"),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static let notes: [String: String] = [
        "overdue": "Only hazards ordered rectified by a date that has passed"
    ]

    static var types: [String: any Decodable.Type] {
        [
            "SafetyStatistics": SafetyStatistics.self,
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
            "SafetyInspection": InspectionOutput.self,
            "SafetyInspectionInput": InspectionInput.self,
            "InspectionStep": InspectionStepInput.self,
            "Finding": FindingInput.self,
            "InspectionStatistics": InspectionStatistics.self,
        ]
    }

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /safety-campaigns/{id}/participants": RouteNote("Participating employers and their headcounts"),
            "POST /safety-campaigns/{id}/participants": RouteNote(
                "Add an employer (or change its headcount)", body: .json(ParticipantInput.self), status: 201,
                answer: .list(ParticipantOutput.self)),
            "GET /safety-campaigns/{id}/rates": RouteNote("Accident rates per 1,000 workers, participants against the rest, year on year"),
            "POST /hazard-reports/report": RouteNote(
                "A worker reports a hazard", body: .json(HazardInput.self), status: 201, answer: .record(HazardOutput.self)),
            "GET /hazard-reports/mine": RouteNote("The worker's own reports"),
            "GET /hazard-reports/{id}/events": RouteNote("The report's statuses as they changed, for its officers and its reporter"),
            "GET /hazard-reports/statistics": RouteNote("Reports by status and rewards paid", query: [PeriodQuery.self]),
            "POST /hazard-reports/{id}/photo": RouteNote(
                "Attach the photo (JPEG or PNG, 5 MB at most)", body: .upload, status: 201, answer: .record(HazardOutput.self)),
            "GET /hazard-reports/{id}/photo": RouteNote("Download the photo", answer: .file(["image/jpeg", "image/png"])),
            "POST /hazard-reports/{id}/rectification-photo": RouteNote(
                "Attach the rectification-photo (JPEG or PNG, 5 MB at most)", body: .upload, status: 201, answer: .record(HazardOutput.self)
            ),
            "POST /safety-inspections/{id}/findings": RouteNote(
                "Record a finding of a held inspection: it becomes a hazard report by the inspector", body: .json(FindingInput.self),
                status: 201, answer: .record(HazardOutput.self)),
            "GET /hazard-reports/{id}/rectification-photo": RouteNote(
                "Download the rectification-photo", answer: .file(["image/jpeg", "image/png"])),
        ]
    }
}
