import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The certifications part of the API document: certifications, the talent figures, members' political participation and outside results.
enum CertificationsAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "Certification": S.record([
            "memberId": uuid, "memberName": .string, "trade": .string,
            "level": .integer(description: "1 (一级/高级技师) … 5 (五级/初级工)"),
            "date": date,
            "certificateNumber": .string, "issuingBody": .string,
            "raised": .boolean(description: "Whether this pass raised the member's level"),
        ]),
        "CertificationInput": .object(properties: [
            "memberId": optionalUUID, "trade": .string(required: false), "level": optionalInt, "date": optionalDate,
            "certificateNumber": .string(required: false),
            "issuingBody": .string(required: false), "version": optionalInt,
        ]),
        "TalentStatistics": .object(properties: [
            "certifications": keyCounts, "certificationsTotal": .integer, "newSkilled": keyCounts, "newSkilledTotal": .integer,
            "register": keyCounts,
            "registerTotal": .integer, "highSkilled": .integer, "byTrade": namedCounts, "byUnit": namedCounts, "byEmployer": namedCounts,
            "delegatesAndDeputies": .integer, "joinedParty": .integer, "activists": .integer,
            "newSkilledBySector": .array(description: "New skilled talents by their employer's industry", items: D.ref("KeyCount")),
        ]),
        "Participation": .object(properties: [
            "id": uuid, "memberId": uuid, "kind": S.values(ParticipationKind.self),
            "level": S.values(HonorLevel.self).optionalSchemaObject(), "date": date, "note": .string,
        ]),
        "ParticipationInput": .object(properties: [
            "kind": S.values(ParticipationKind.self), "level": S.values(HonorLevel.self).optionalSchemaObject(), "date": date,
            "note": .string(required: false),
        ]),
        "ExternalResult": .object(properties: [
            "id": uuid, "memberId": uuid, "contest": .string, "level": S.values(HonorLevel.self), "year": .integer, "placing": .integer,
            "award": .string,
        ]),
        "ExternalResultInput": .object(properties: [
            "contest": .string, "level": S.values(HonorLevel.self), "year": .integer, "placing": .integer,
            "award": .string(required: false),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "Certification": CertificationOutput.self,
            "CertificationInput": CertificationInput.self,
            "TalentStatistics": TalentStatistics.self,
            "Participation": ParticipationOutput.self,
            "ParticipationInput": ParticipationInput.self,
            "ExternalResult": ExternalResultOutput.self,
            "ExternalResultInput": ExternalResultInput.self,
        ]
    }

    static let notes: [String: String] = [
        "first": "Only members' first certifications (new skilled talents)"
    ]

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /certifications/statistics": RouteNote(
                "Certifications, new skilled talents, the talent register and political participation", query: [PeriodQuery.self]),
            "GET /members/{id}/participation": RouteNote("The member's political participation (officers)"),
            "POST /members/{id}/participation": RouteNote(
                "Record a role, becoming an activist or joining the Party", body: .json(ParticipationInput.self), status: 201,
                answer: .list(ParticipationOutput.self)),
            "DELETE /members/{id}/participation/{entryId}": RouteNote("Remove an entry", status: 204),
            "GET /members/{id}/external-results": RouteNote("The member's results at outside contests"),
            "POST /members/{id}/external-results": RouteNote(
                "Record an outside result", body: .json(ExternalResultInput.self), status: 201, answer: .record(ExternalResultOutput.self)),
        ]
    }
}
