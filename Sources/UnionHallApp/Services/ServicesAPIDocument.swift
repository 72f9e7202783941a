import OpenAPIKit30
import UnionHallCore
import UnionHallPlatform

/// The services part of the API document: stations and the services held at them.
enum ServicesAPIDocument: APIDocumentPart {
    static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [
        "ServiceStation": S.record([
            "name": .string, "kind": S.values(StationKind.self), "district": .string, "address": .string,
            "facilities": .array(items: S.values(Facility.self)),
            "hours": .string, "peopleServed": .integer, "goodsFen": fen,
        ]),
        "ServiceStationInput": .object(properties: [
            "unitId": optionalUUID, "name": .string(required: false), "kind": S.values(StationKind.self).optionalSchemaObject(),
            "district": .string(required: false),
            "address": .string(required: false), "facilities": .array(required: false, items: S.values(Facility.self)),
            "hours": .string(required: false), "version": optionalInt,
        ]),
        "ServiceEvent": S.record([
            "stationId": optionalUUID, "stationName": .string(required: false), "kind": S.values(ServiceEventKind.self), "title": .string,
            "date": date,
            "peopleServed": .integer, "goodsFen": fen,
        ]),
        "ServiceEventInput": .object(properties: [
            "unitId": optionalUUID, "stationId": optionalUUID, "kind": S.values(ServiceEventKind.self).optionalSchemaObject(),
            "title": .string(required: false),
            "date": optionalDate, "peopleServed": optionalInt, "goodsFen": optionalFen, "version": optionalInt,
        ]),
        "ServiceStatistics": .object(properties: [
            "events": .integer, "peopleServed": .integer, "goodsFen": fen,
            "byKind": .array(
                items: .object(properties: ["key": S.values(ServiceEventKind.self), "peopleServed": .integer, "goodsFen": fen])),
            "byStation": .array(items: .object(properties: ["id": S.uuid, "name": .string, "peopleServed": .integer, "goodsFen": fen])),
        ]),
    ]

    /// The Swift type each schema describes; a test checks them against each other both ways.
    static var types: [String: any Decodable.Type] {
        [
            "ServiceStation": StationOutput.self,
            "ServiceStationInput": StationInput.self,
            "ServiceEvent": ServiceEventOutput.self,
            "ServiceEventInput": ServiceEventInput.self,
            "ServiceStatistics": ServiceStatistics.self,
        ]
    }

    /// What its own routes cannot say by themselves; paths, methods and typed answers come from the routes.
    static var routes: [String: RouteNote] {
        [
            "GET /service-events/statistics": RouteNote("People served and goods given by kind and station", query: [PeriodQuery.self]),
            "GET /service-stations/near": RouteNote("Stations in or near a district (anyone signed in)", query: [DistrictQuery.self]),
        ]
    }
}
