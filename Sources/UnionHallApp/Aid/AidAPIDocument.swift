import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The aid part of the API document: hardship files, programmes, applications (金秋助学 and relief) and payments.
enum AidAPIDocument: APIDocumentPart {

    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "HardshipFile": S.record([
            "memberId": S.uuid, "memberName": .string, "level": S.values(HardshipLevel.self), "cause": .string, "householdSize": .integer,
            "incomePerHeadFen": fen, "status": S.values(HardshipStatus.self), "openedDate": date, "verifiedDate": optionalDate,
            "lapsesOn": optionalDate, "closedDate": optionalDate, "closeReason": .string(required: false),
        ]),
        "HardshipFileInput": .object(properties: [
            "memberId": optionalUUID, "level": S.values(HardshipLevel.self).optionalSchemaObject(), "cause": .string(required: false),
            "householdSize": optionalInt, "incomePerHeadFen": optionalFen, "version": optionalInt,
        ]),
        "HardshipStep": .object(properties: ["version": .integer, "date": optionalDate, "reason": .string(required: false)]),
        "AidProgram": S.record([
            "year": .integer, "kind": S.values(AidKind.self), "name": .string, "budgetFen": fen, "approvedFen": fen, "paidFen": fen,
            "remainingFen": fen,
            "priorityIndustrial": .boolean,
            "amountsFen": .object(
                description: "By school stage for a scholarship, by hardship level (deep, relative, accident) for relief",
                additionalProperties: .init(fen)),
            "noticeFrom": optionalDate, "noticeUntil": optionalDate,
        ]),
        "AidProgramInput": .object(properties: [
            "unitId": optionalUUID, "year": optionalInt,
            "kind": S.values(AidKind.self).optionalSchemaObject(), "name": .string(required: false), "budgetFen": optionalFen,
            "priorityIndustrial": .boolean(required: false),
            "amountsFen": .object(
                required: false,
                description: """
                    A scholarship's by school stage (seniorHigh, vocational, juniorCollege, university, postgraduate); \
                    relief's by hardship level (deep, relative, accident). The kind is set when the programme is made.
                    """,
                additionalProperties: .init(fen)),
            "noticeFrom": .string(
                format: .date, required: false, description: "Public notice from (with noticeUntil; at most 30 days; both empty clears)"),
            "noticeUntil": optionalDate,
            "version": optionalInt,
        ]),
        "AidApplication": S.record([
            "programId": S.uuid, "programYear": .integer, "kind": S.values(AidKind.self), "memberId": S.uuid, "memberName": .string,
            "hardshipFileId": optionalUUID,
            "priorityGroup": .boolean,
            "childName": .string(required: false, description: "Scholarships only"),
            "childIdNumber": .string(required: false, description: "Masked; scholarships only"), "school": .string(required: false),
            "stage": S.values(SchoolStage.self).optionalSchemaObject(), "admissionYear": optionalInt,
            "medicalExpensesFen": optionalFen, "situation": .string(required: false, description: "Relief: the household's situation"),
            "amountFen": fen, "payeeAccount": .string(required: false, description: "Masked"), "status": S.values(AidStatus.self),
            "submittedDate": date,
            "approvedDate": optionalDate, "rejectReason": .string(required: false), "batchId": optionalUUID, "paidDate": optionalDate,
        ]),
        "AidApplicationInput": .object(properties: [
            "programId": optionalUUID, "memberId": optionalUUID, "hardshipFileId": optionalUUID,
            "priorityGroup": .boolean(required: false),
            "childName": .string(required: false), "childIdNumber": .string(required: false), "school": .string(required: false),
            "stage": S.values(SchoolStage.self).optionalSchemaObject(), "admissionYear": optionalInt,
            "situation": .string(required: false, description: "Relief: the household's situation (required)"),
            "medicalExpensesFen": .integer(
                format: .int64, required: false,
                description: "Medical aid: the costs the household bore (required); the amount is at most the programme's for its level"),
            "payeeAccount": .string(required: false), "version": optionalInt,
        ]),
        "AidStep": .object(properties: ["version": .integer, "reason": .string(required: false)]),
        "AidBatchInput": .object(properties: ["applicationIds": .array(required: false, items: S.uuid), "paidDate": date]),
        "AidBatch": .object(properties: [
            "id": S.uuid, "programId": S.uuid, "number": .integer, "paidDate": date, "count": .integer, "totalFen": fen,
        ]),
        "AidEvent": .object(properties: ["at": S.timestamp, "what": .string, "note": .string]),
        "AidNoticeLine": .object(properties: [
            "worker": .string(description: "Masked"), "child": .string(required: false, description: "Masked; scholarships only"),
            "unit": .string, "stage": S.values(SchoolStage.self).optionalSchemaObject(), "amountFen": fen,
        ]),
        "AidStatistics": .object(properties: [
            "files": .integer, "filesByLevel": keyCounts, "filesByStatus": keyCounts, "applications": .integer, "byStatus": keyCounts,
            "children": .integer,
            "byStage": .array(items: .object(properties: ["key": .string, "count": .integer, "amountFen": fen])),
            "approvedFen": fen, "paidFen": fen, "budgetFen": fen,
            "byKind": .array(description: "Every kind of aid: scholarships and relief", items: D.ref("AidKindFigures")),
        ]),
        "AidKindFigures": .object(properties: [
            "key": S.values(AidKind.self), "applications": .integer,
            "funded": .integer(description: "Children (scholarships) or households (relief) approved or paid, each once"),
            "approvedFen": fen, "paidFen": fen, "budgetFen": fen,
        ]),
        "HardshipStatistics": .object(properties: [
            "files": .integer, "byLevel": keyCounts, "byStatus": keyCounts, "opened": .integer, "verified": .integer, "closed": .integer,
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "HardshipFile": HardshipFileOutput.self,
            "HardshipFileInput": HardshipFileInput.self,
            "HardshipStep": HardshipStepInput.self,
            "AidProgram": AidProgramOutput.self,
            "AidProgramInput": AidProgramInput.self,
            "AidApplication": AidApplicationOutput.self,
            "AidApplicationInput": AidApplicationInput.self,
            "AidStep": AidStepInput.self,
            "AidBatchInput": AidBatchInput.self,
            "AidBatch": AidBatchOutput.self,
            "AidEvent": AidEventOutput.self,
            "AidNoticeLine": AidNoticeLine.self,
            "AidStatistics": AidStatistics.self,
            "AidKindFigures": AidKindFigures.self,
            "HardshipStatistics": HardshipStatistics.self,
        ]
    }

    static let notes: [String: String] = [
        "funded": "Approved or paid",
        "lapsingSoon": "Verified files whose verification lapses within 30 days",
    ]

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /hardship-files/{id}/events": RouteNote("The file's history"),
            "POST /aid-applications/apply": RouteNote(
                "A worker applies for a child's scholarship, or for relief for their hardship household",
                body: .json(AidApplicationInput.self), status: 201,
                answer: .record(AidApplicationOutput.self)),
            "GET /aid-applications/mine": RouteNote("The worker's own applications"),
            "GET /aid-applications/statistics": RouteNote(
                "Files by level; scholarship applications, children, amounts against budget; every kind of aid side by side",
                query: [PeriodQuery.self]),
            "GET /aid-applications/{id}/events": RouteNote("The application's history, as the worker follows it"),
            "GET /aid-programs/open": RouteNote("Programmes a worker may apply to"),
            "GET /aid-programs/{id}/notice": RouteNote(
                "The notice: approved and paid applications, names masked; public during its period, otherwise for aid officers"),
            "GET /aid-programs/{id}/batches": RouteNote("Payment batches of the caller's subtree"),
            "POST /aid-programs/{id}/batches": RouteNote(
                "Pay approved applications as a batch (never past the budget)", body: .json(AidBatchInput.self), status: 201,
                answer: .record(AidBatchOutput.self)),
            "GET /aid-programs/{id}/batches/{batchId}/bank-list": RouteNote(
                "The batch's list for the bank (audited)", query: [ListExport.Options.self],
                answer: .file(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"])),
        ]
    }
}
