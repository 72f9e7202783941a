import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// Membership in the API document: applications to join, transfers, the e-card check, a member's
/// own data, duplicates and the trades vocabulary.
enum MembershipAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "MembershipApplication": S.record([
            "number": .string, "name": .string, "gender": S.values(Gender.self),
            "idNumber": .string(description: "Masked"), "mobile": .string(description: "Masked"),
            "organizationId": S.uuid.optionalSchemaObject(), "organizationName": .string(required: false),
            "platform": .string(required: false), "employmentForm": S.values(EmploymentForm.self), "trade": .string(required: false),
            "status": S.values(ApplicationStatus.self), "submittedDate": .string(format: .date), "dueDate": .string(format: .date),
            "daysLeft": .integer(required: false, description: "Working days left to answer; negative once overdue"),
            "overdue": .boolean, "decidedDate": .string(format: .date, required: false), "reason": .string(required: false),
            "memberId": S.uuid.optionalSchemaObject(),
        ]),
        "ApplicationInput": .object(properties: [
            "name": .string(required: false, maxLength: MemberDraft.maxNameLength),
            "idNumber": .string(required: false, description: "18 characters, GB 11643 checksum"),
            "mobile": .string(required: false), "unitId": S.uuid.optionalSchemaObject(),
            "organizationId": S.uuid.optionalSchemaObject(),
            "platform": .string(required: false, maxLength: 50), "dispatched": .boolean(required: false),
            "trade": .string(required: false),
        ]),
        "ApplicationReceipt": .object(properties: [
            "number": .string, "code": .string(description: "Shown once; needed to follow the application"),
            "status": S.values(ApplicationStatus.self),
        ]),
        "ApplicationProgress": .object(properties: [
            "number": .string, "status": S.values(ApplicationStatus.self), "unitName": .string,
            "submittedDate": .string(format: .date), "dueDate": .string(format: .date),
            "decidedDate": .string(format: .date, required: false), "reason": .string(required: false),
            "membershipNumber": .string(required: false),
        ]),
        "MemberDataExport": .object(properties: [
            "exportedAt": .string(format: .dateTime), "member": .reference(.component(named: "Member")),
            "history": .array(items: .reference(.component(named: "MembershipEvent"))),
            "records": .object(description: "Table → its rows that name the member, each column as text"),
            "auditTrail": .array(items: .reference(.component(named: "AuditLine"))),
        ]),
        "MembershipCheck": .object(properties: [
            "name": .string(description: "Masked: 梁*平"), "union": .string, "active": .boolean,
        ]),
        "Trade": .object(properties: ["id": S.uuid, "name": .string, "position": .integer, "retired": .boolean]),
        "TradeInput": .object(properties: [
            "name": .string(required: false, maxLength: 50), "retired": .boolean(required: false),
        ]),
        "AuditLine": .object(properties: ["at": .string(format: .dateTime), "actor": .string, "action": .string]),
        "DuplicateGroup": .object(properties: [
            "reason": S.values(MemberMerge.Reason.self), "members": .array(items: .reference(.component(named: "Member"))),
        ]),
        "MergeInput": .object(properties: [
            "duplicateId": S.uuid.optionalSchemaObject(), "version": .integer(required: false, description: "The kept record's"),
        ]),
        "MembershipEvent": .object(properties: [
            "kind": S.values(MembershipEventKind.self), "date": .string(format: .date), "unitId": S.uuid,
            "otherUnitId": S.uuid.optionalSchemaObject(), "note": .string(required: false),
        ]),
        "ApplicationStep": .object(properties: [
            "version": .integer, "reason": .string(required: false, description: "Required to refuse; shown to the applicant"),
            "joinDate": .string(format: .date, required: false, description: "On approval; defaults to today"),
        ]),
        "MemberTransfer": S.record([
            "memberId": S.uuid, "memberName": .string, "unitName": .string, "toUnitId": S.uuid, "toUnitName": .string,
            "reason": .string, "status": S.values(TransferStatus.self), "requestedDate": .string(format: .date),
            "decidedDate": .string(format: .date, required: false), "rejectReason": .string(required: false),
        ]),
        "TransferInput": .object(properties: [
            "memberId": S.uuid.optionalSchemaObject(), "toUnitId": S.uuid.optionalSchemaObject(),
            "reason": .string(required: false, maxLength: 500),
        ]),
        "TransferStep": .object(properties: [
            "version": .integer, "reason": .string(required: false, description: "Required to refuse"),
        ]),
    ]

    static var types: [String: any Decodable.Type] {
        [
            "MembershipApplication": ApplicationOutput.self,
            "ApplicationInput": ApplicationInput.self,
            "ApplicationReceipt": ApplicationReceipt.self,
            "ApplicationProgress": ApplicationProgress.self,
            "ApplicationStep": ApplicationStepInput.self,
            "MemberDataExport": MemberDataExport.self,
            "MembershipEvent": MembershipEventOutput.self,
            "DuplicateGroup": MemberMerge.Group.self,
            "MergeInput": MemberMerge.Input.self,
            "AuditLine": MemberDataExport.AuditLine.self,
            "MembershipCheck": MembershipCheck.self,
            "Trade": TradeOutput.self,
            "TradeInput": TradeInput.self,
            "MemberTransfer": TransferOutput.self,
            "TransferInput": TransferInput.self,
            "TransferStep": TransferStepInput.self,
        ]
    }

    static let notes: [String: String] = [
        "unitId": "The union the roster is for",
        "overdue": "Only applications waiting past their 15-working-day answer period",
        "direction": "`in` (to the caller's unions) or `out` (from them)",
    ]

    static var routes: [String: RouteNote] {
        [
            "POST /membership-applications": RouteNote(
                "Apply to join (no sign-in; limited per address)", body: .json(ApplicationInput.self), status: 201,
                answer: .record(ApplicationReceipt.self), errors: [409, 422, 429]),
            "GET /membership-applications/status": RouteNote(
                "Follow an application by its number and code (no sign-in)", query: [ApplicationStatusQuery.self],
                answer: .record(ApplicationProgress.self), errors: [404, 429]),
            "GET /membership-applications": RouteNote(
                "Applications for the officer's subtree", query: [ListQuery.self, ApplicationFilter.self]),
            "GET /membership-applications/{id}": RouteNote("One application", answer: .record(ApplicationOutput.self)),
            "GET /member-transfers": RouteNote(
                "Transfers from or to the caller's unions", query: [ListQuery.self, TransferFilter.self]),
            "GET /membership-applications/export": .listExport("Applications to join", filter: ApplicationFilter.self),
            "GET /member-transfers/export": .listExport("Transfers", filter: TransferFilter.self),
            "GET /me/data-export": RouteNote(
                "Everything the platform holds about the signed-in worker, unmasked (PIPL Art. 45; audited)",
                answer: .record(MemberDataExport.self), errors: [403]),
            "GET /membership-cards/{code}": RouteNote(
                "The public check of an e-membership card's QR code (no sign-in): a masked name, the union, whether active",
                answer: .record(MembershipCheck.self), errors: [404, 429]),
            "GET /members/template": RouteNote(
                "The roster import template", query: [ListExport.Options.self], answer: .file(RouteNote.spreadsheetTypes)),
            "POST /members/import": RouteNote(
                "Import an enterprise union's roster into `unitId` (and `organizationId`): CSV (UTF-8 or GBK) or xlsx, up to 100,000 rows, "
                    + "all rows or none; duplicates in the file and on the register are reported by row",
                body: .upload, query: [MemberImport.Target.self], status: 201, answer: .record(ImportReport.self)),
            "GET /trades": RouteNote("The trades vocabulary, retired ones too", answer: .list(TradeOutput.self)),
            "POST /trades": RouteNote(
                "Add a trade (admin)", body: .json(TradeInput.self), status: 201, answer: .record(TradeOutput.self), errors: [403, 409]),
            "PATCH /trades/{id}": RouteNote(
                "Rename (every record follows) or retire a trade (admin)", body: .json(TradeInput.self), answer: .record(TradeOutput.self),
                errors: [403, 404, 409]),
            "GET /members/statistics": RouteNote(
                "Joined, transferred in and out, left, active at the period's end, platform workers joined and the join rate, "
                    + "for a subtree and period (this year by default)",
                query: [PeriodQuery.self]),
            "GET /members/duplicates": RouteNote(
                "Likely duplicates in the caller's subtree: the same name and birth date, or the same mobile",
                query: [DuplicatesQuery.self], answer: .list(MemberMerge.Group.self)),
            "POST /members/{id}/merge": RouteNote(
                "Merge `duplicateId` into this member: every linked record moves here, the duplicate is removed (audited)",
                body: .json(MemberMerge.Input.self), answer: .record(MemberOutput.self), errors: [409]),
            "GET /member-transfers/{id}": RouteNote("One transfer (either side)", answer: .record(TransferOutput.self)),
            "POST /member-transfers": RouteNote(
                "Ask for a transfer: the releasing union's officer for a member, or a worker for themself (memberId ignored)",
                body: .json(TransferInput.self), status: 201, answer: .record(TransferOutput.self), errors: [409]),
        ]
    }
}
