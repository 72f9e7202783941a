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

    static var paths: [(OpenAPI.Path, OpenAPI.PathItem)] {
        let c = "certifications"
        var entries: [(OpenAPI.Path, OpenAPI.PathItem)] = []
        entries += [
            (
                OpenAPI.Path(rawValue: "/api/v1/certifications/statistics"),
                OpenAPI.PathItem(
                    get: op(
                        c, "Certifications, new skilled talents, the talent register and political participation",
                        D.ref("TalentStatistics"), errors: [401, 403, 404, 422], parameters: period))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/members/{id}/participation"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(c, "The member's political participation (officers)", .array(items: D.ref("Participation")), errors: read),
                    post: op(
                        c, "Record a role, becoming an activist or joining the Party", body: "ParticipationInput", code: 201,
                        .array(items: D.ref("Participation")), errors: write))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/members/{id}/participation/{entryId}"),
                OpenAPI.PathItem(
                    parameters: [id, path("entryId")],
                    delete: op(c, "Remove an entry", code: 204, nil, errors: read))
            ),
            (
                OpenAPI.Path(rawValue: "/api/v1/members/{id}/external-results"),
                OpenAPI.PathItem(
                    parameters: [id],
                    get: op(c, "The member's results at outside contests", .array(items: D.ref("ExternalResult")), errors: read),
                    post: op(c, "Record an outside result", body: "ExternalResultInput", code: 201, D.ref("ExternalResult"), errors: write))
            ),
        ]
        return entries
    }
}
