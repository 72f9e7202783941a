import UnionHallCore
import UnionHallPlatform

extension StationKind: Vocabulary { package static let catalogue = "stationKind" }
extension Facility: Vocabulary { package static let catalogue = "facility" }
extension ServiceEventKind: Vocabulary { package static let catalogue = "serviceEventKind" }

extension Feature {
    /// Service stations (司机之家, 户外劳动者驿站) and the services held at them.
    static let services = Feature(
        name: "services",
        migrations: [CreateServices()],
        routes: { routes in
            try routes.pages.register(collection: ServicePages())
            try routes.api.register(collection: ServiceAPIController())
        },
        menu: [
            MenuEntry(.care, "/service-events", "nav.services"),
            MenuEntry(.mine, "/me/stations", "nav.stations", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(ServiceStation.self, path: "/service-stations/", codes: ["kind": StationKind.catalogue]),
            AuditedKind(ServiceEvent.self, path: "/service-events/", codes: ["kind": ServiceEventKind.catalogue]),
        ],
        vocabularies: [StationKind.self, Facility.self, ServiceEventKind.self],
        records: [ServiceStation.self, ServiceEvent.self],
        forms: [StationForm.self, ServiceEventForm.self],
        names: [.records(ServiceStation.self, fields: ["stationId"], name: \.$name, unit: \.$unitID)],
        api: ServicesAPIDocument.self,
        figures: [
            StatisticsPart(
                "services", ServiceStatistics.self,
                headlines: [
                    Headline("statistics.services.peopleServed", "peopleServed", href: "/service-events"),
                    Headline("statistics.services.goodsFen", "goodsFen", href: "/service-events", format: .money),
                ]
            ) {
                try await ServiceRecords.statistics(scope: $0.scope, list: $0.list, on: $0.db)
            }
        ])
}
