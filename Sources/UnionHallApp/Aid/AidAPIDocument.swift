import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The aid part of the API document: hardship files, programmes, 金秋助学 applications and payments.
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
            "year": .integer, "name": .string, "budgetFen": fen, "approvedFen": fen, "paidFen": fen, "remainingFen": fen,
            "priorityIndustrial": .boolean,
            "amountsFen": .object(additionalProperties: .init(fen)),
            "noticeFrom": optionalDate, "noticeUntil": optionalDate,
        ]),
        "AidProgramInput": .object(properties: [
            "unitId": optionalUUID, "year": optionalInt, "name": .string(required: false), "budgetFen": optionalFen,
            "priorityIndustrial": .boolean(required: false),
            "amountsFen": .object(
                required: false, description: "By school stage: seniorHigh, vocational, juniorCollege, university, postgraduate",
                additionalProperties: .init(fen)),
            "noticeFrom": .string(
                format: .date, required: false, description: "Public notice from (with noticeUntil; at most 30 days; both empty clears)"),
            "noticeUntil": optionalDate,
            "version": optionalInt,
        ]),
        "AidApplication": S.record([
            "programId": S.uuid, "programYear": .integer, "memberId": S.uuid, "memberName": .string, "hardshipFileId": optionalUUID,
            "priorityGroup": .boolean,
            "childName": .string, "childIdNumber": .string(description: "Masked"), "school": .string, "stage": S.values(SchoolStage.self),
            "admissionYear": .integer,
            "amountFen": fen, "payeeAccount": .string(required: false, description: "Masked"), "status": S.values(AidStatus.self),
            "submittedDate": date,
            "approvedDate": optionalDate, "rejectReason": .string(required: false), "batchId": optionalUUID, "paidDate": optionalDate,
        ]),
        "AidApplicationInput": .object(properties: [
            "programId": optionalUUID, "memberId": optionalUUID, "hardshipFileId": optionalUUID,
            "priorityGroup": .boolean(required: false),
            "childName": .string(required: false), "childIdNumber": .string(required: false), "school": .string(required: false),
            "stage": S.values(SchoolStage.self).optionalSchemaObject(), "admissionYear": optionalInt,
            "payeeAccount": .string(required: false), "version": optionalInt,
        ]),
        "AidStep": .object(properties: ["version": .integer, "reason": .string(required: false)]),
        "AidBatchInput": .object(properties: ["applicationIds": .array(required: false, items: S.uuid), "paidDate": date]),
        "AidBatch": .object(properties: [
            "id": S.uuid, "programId": S.uuid, "number": .integer, "paidDate": date, "count": .integer, "totalFen": fen,
        ]),
        "AidEvent": .object(properties: ["at": S.timestamp, "what": .string, "note": .string]),
        "AidNoticeLine": .object(properties: [
            "worker": .string(description: "Masked"), "child": .string(description: "Masked"), "unit": .string,
            "stage": S.values(SchoolStage.self), "amountFen": fen,
        ]),
        "AidStatistics": .object(properties: [
            "files": .integer, "filesByLevel": keyCounts, "filesByStatus": keyCounts, "applications": .integer, "byStatus": keyCounts,
            "children": .integer,
            "byStage": .array(items: .object(properties: ["key": .string, "count": .integer, "amountFen": fen])),
            "approvedFen": fen, "paidFen": fen, "budgetFen": fen,
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
        ]
    }

    static let notes: [String: String] = [
        "funded": "Approved or paid"
    ]

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let t = "aid"
        let id = D.idParameter
        let files = "/api/v1/hardship-files"
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries.append(
            (
                OpenAPI.Path(rawValue: files + "/{id}/events"),
                OpenAPI.PathItem(parameters: [id], get: op(t, "The file's history", .array(items: D.ref("AidEvent")), errors: read))
            ))
        let programs = "/api/v1/aid-programs"
        let batchID: OpenAPI.Parameter.Array.Element = .parameter(name: "batchId", context: .path, schema: S.uuid)
        let sheet: OpenAPI.Content.Map = [
            .csv: .init(schema: .string(format: .binary)), .other(FileKind.xlsx.contentType): .init(schema: .string(format: .binary)),
        ]
        entries += [
            (
                OpenAPI.Path(rawValue: programs + "/open"),
                OpenAPI.PathItem(get: op(t, "Programmes a worker may apply to", .array(items: D.ref("AidProgram")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/notice"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(
                        t, "The notice: approved and paid applications, names masked; public during its period, otherwise for aid officers",
                        .array(items: D.ref("AidNoticeLine")), errors: [401, 404]))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/batches"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "Payment batches of the caller's subtree", .array(items: D.ref("AidBatch")), errors: read),
                    post: op(
                        t, "Pay approved applications as a batch (never past the budget)", body: "AidBatchInput", code: 201,
                        D.ref("AidBatch"), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: programs + "/{id}/batches/{batchId}/bank-list"),
                OpenAPI.PathItem(
                    parameters: [id, batchID],
                    get: .init(
                        tags: [t], summary: "The batch's list for the bank (audited)",
                        parameters: [.parameter(name: "format", context: .query, schema: S.values(SpreadsheetWriter.Format.self))],
                        responses: [
                            200: .response(description: "The list as a download", content: sheet),
                            401: .response(description: "No or bad token", content: D.json(D.ref("Error"))),
                            403: .response(description: "Not an aid officer", content: D.json(D.ref("Error"))),
                            404: .response(description: "Missing or outside the subtree", content: D.json(D.ref("Error"))),
                            422: .response(description: "Unknown format", content: D.json(D.ref("Error"))),
                        ]))
            ),
        ]
        let applications = "/api/v1/aid-applications"
        entries += [
            (
                OpenAPI.Path(rawValue: applications + "/apply"),
                OpenAPI.PathItem(
                    post: op(
                        t, "A worker applies for a child's scholarship", body: "AidApplicationInput", code: 201, D.ref("AidApplication"),
                        errors: [400, 401, 403, 409, 422]))
            ),
            (
                OpenAPI.Path(rawValue: applications + "/mine"),
                OpenAPI.PathItem(get: op(t, "The worker's own applications", .array(items: D.ref("AidApplication")), errors: [401, 403]))
            ),
            (
                OpenAPI.Path(rawValue: applications + "/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        t, "Files by level, applications, children, amounts against budget", D.ref("AidStatistics"),
                        errors: [401, 403, 404, 422], parameters: period))
            ),
            (
                OpenAPI.Path(rawValue: applications + "/{id}/events"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(t, "The application's history, as the worker follows it", .array(items: D.ref("AidEvent")), errors: read))
            ),
        ]
        return entries
    }
}
