import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Stations and service events in the browser, and a worker's station finder for the phone.
struct ServicePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("service-events", use: events)
        routes.get("service-events", ":id") { req in
            let (_, scope) = try await req.requireManager()
            let row = try await ServiceEvent.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
            return req.redirect(to: "/service-events/\(try row.requireID())/edit", redirectType: .normal)
        }
        routes.get("service-stations", use: stations)
        routes.get("service-stations", ":id") { req in
            let (_, scope) = try await req.requireManager()
            let row = try await ServiceStation.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
            return try await Self.renderStation(req, row: row, scope: scope)
        }
        routes.get("me", "stations") { req in
            let district = (try? req.query.get(String.self, at: "district")) ?? ""
            let found = try await ServiceRecords.near(district, on: req)
            return try await Pages.render(
                "services/near",
                NearContext(
                    layout: Pages.layout(req, titleKey: "service.near"), district: district,
                    stations: found.map { Self.stationRow($0, on: req) }), on: req)
        }
    }

    struct StationRow: Encodable {
        var s: StationOutput
        var kind: String
        var facilities: String
        var goods: String
    }

    static func stationRow(_ s: StationOutput, on req: Request) -> StationRow {
        StationRow(
            s: s, kind: req.t("stationKind.\(s.kind.rawValue)"),
            facilities: s.facilities.map { req.t("facility.\($0.rawValue)") }.joined(separator: "、"),
            goods: Fen(s.goodsFen).description)
    }

    struct NearContext: Encodable {
        var layout: Layout
        var district: String
        var stations: [StationRow]
    }

    struct EventRow: Encodable {
        var e: ServiceEventOutput
        var kind: String
        var goods: String
    }

    struct EventsContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var served: [Figure]
        var goods: [Figure]
        var stations: [Figure]
        var charts: [BarChart]
        var rows: [EventRow]
        var pager: Pager
        var from: String
        var to: String
        var kinds: [SelectOption]
        var deleted: Bool
    }

    @Sendable func events(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(ServiceEventFilter.self)
        let stats = try await ServiceRecords.statistics(scope: scope, list: list, on: req.db)
        let page = try await ServiceEvent.list(list, filter: filter, scope: scope, request: req)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let served = stats.byKind.map {
            Figure(label: req.t("serviceEventKind.\($0.key)"), count: $0.peopleServed, href: "/service-events?kind=\($0.key)&\(period)")
        }
        let goods = stats.byKind.map {
            Figure(label: req.t("serviceEventKind.\($0.key)"), fen: $0.goodsFen, href: "/service-events?kind=\($0.key)&\(period)")
        }
        let stations = stats.byStation.map {
            Figure(
                label: $0.name, count: $0.peopleServed, detail: Fen($0.goodsFen).description,
                href: "/service-events?stationId=\($0.id)&\(period)")
        }
        let context = EventsContext(
            layout: Pages.layout(req, titleKey: "service.title"),
            totals: [
                Figure(label: req.t("service.events"), count: stats.events, href: "/service-events?\(period)"),
                Figure(label: req.t("service.peopleServed"), count: stats.peopleServed, href: "/service-events?\(period)"),
                Figure(label: req.t("service.goods"), value: Fen(stats.goodsFen).description, href: "/service-events?\(period)"),
            ],
            served: served, goods: goods, stations: stations,
            charts: [
                BarChart(title: req.t("service.servedByKind"), figures: served),
                BarChart(title: req.t("service.goodsByKind"), figures: goods),
                BarChart(title: req.t("service.byStation"), figures: stations),
            ],
            rows: page.items.map {
                EventRow(e: $0, kind: req.t("serviceEventKind.\($0.kind.rawValue)"), goods: Fen($0.goodsFen).description)
            },
            pager: Pager(metadata: page.metadata, request: req), from: list.from ?? "", to: list.to ?? "",
            kinds: Pages.enumOptions(ServiceEventKind.self, prefix: "serviceEventKind", selected: filter.kind?.rawValue, request: req),
            deleted: list.deleted == true)
        return try await Pages.render("services/events", context, on: req)
    }

    struct StationsContext: Encodable {
        var layout: Layout
        var rows: [StationRow]
        var pager: Pager
    }

    @Sendable func stations(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let page = try await ServiceStation.list(list, filter: try req.query.decode(StationFilter.self), scope: scope, request: req)
        return try await Pages.render(
            "services/stations",
            StationsContext(
                layout: Pages.layout(req, titleKey: "service.stations"),
                rows: page.items.map { Self.stationRow($0, on: req) }, pager: Pager(metadata: page.metadata, request: req)), on: req)
    }

    struct StationContext: Encodable {
        var layout: Layout
        var row: StationRow
        var events: [EventRow]
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    static func renderStation(_ req: Request, row: ServiceStation, scope: UnitScope) async throws -> Response {
        let output = try await row.output(on: req)
        let events = try await ServiceEvent.outputs(
            try await ServiceEvent.query(on: req.db).filter(\.$stationID == row.requireID()).filter(\.$deletedAt == nil)
                .sort(\.$date, .descending).limit(50).all(), on: req)
        let context = StationContext(
            layout: Pages.layout(req, titleKey: "service.station"), row: Self.stationRow(output, on: req),
            events: events.map {
                EventRow(e: $0, kind: req.t("serviceEventKind.\($0.kind.rawValue)"), goods: Fen($0.goodsFen).description)
            },
            deleted: row.deletedAt != nil, history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("services/station", context, on: req)
    }
}

struct StationForm: RecordForm {
    var unitId: String?
    var name: String?
    var kind: String?
    var district: String?
    var address: String?
    var facilities: [String]?
    var hours: String?
    var version: String?
    var _once: String?

    init(_ row: ServiceStation?) {
        unitId = row?.unitID.uuidString
        name = row?.name
        kind = row?.kind.rawValue
        district = row?.district
        address = row?.address
        facilities = row.map { $0.facilities.split(separator: ",").map(String.init) }
        hours = row?.hours
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> StationForm {
        var form = StationForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.kind = StationKind.driversHome.rawValue
        form.hours = "全天24小时"
        return form
    }

    func input(editing existing: ServiceStation?, on request: Request) async throws -> StationInput {
        StationInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), name: name ?? "", kind: kind.flatMap(StationKind.init(rawValue:)),
            district: district ?? "",
            address: address ?? "", facilities: (facilities ?? []).compactMap(Facility.init(rawValue:)), hours: hours ?? "",
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: StationForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let chosen = form.facilities ?? []
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "service.newStation" : "service.editStation", path: "/service-stations", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "200"]),
                fields.select(
                    "kind", "service.stationKind",
                    Pages.enumOptions(StationKind.self, prefix: "stationKind", selected: form.kind, request: req)
                ),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("district", "service.district", form.district, required: true, ["maxlength": "50"]),
                fields.input("address", "service.address", form.address, required: true, ["maxlength": "200"]),
                fields.checks(
                    "facilities[]", "service.facilities",
                    choices: Facility.allCases.map {
                        SelectOption(value: $0.rawValue, label: req.t("facility.\($0.rawValue)"), selected: chosen.contains($0.rawValue))
                    }),
                fields.input("hours", "service.hours", form.hours, ["maxlength": "100"]),
            ])
    }
}

struct ServiceEventForm: RecordForm {
    var unitId: String?
    var stationId: String?
    var kind: String?
    var title: String?
    var date: String?
    var peopleServed: String?
    var goods: String?
    var version: String?
    var _once: String?

    init(_ row: ServiceEvent?) {
        unitId = row?.unitID.uuidString
        stationId = row?.stationID?.uuidString
        kind = row?.kind.rawValue
        title = row?.title
        date = row?.date
        peopleServed = row.map { String($0.peopleServed) }
        goods = row.map { Fen($0.goodsFen).plainYuan }
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> ServiceEventForm {
        var form = ServiceEventForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.stationId = try? request.query.get(String.self, at: "stationId")
        form.kind = ServiceEventKind.summerCooling.rawValue
        form.date = request.today.description
        return form
    }

    func input(editing existing: ServiceEvent?, on request: Request) async throws -> ServiceEventInput {
        let served = try FormValue.integer(peopleServed, field: "peopleServed")
        return ServiceEventInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), stationId: try .form(stationId, field: "stationId"),
            kind: kind.flatMap(ServiceEventKind.init(rawValue:)), title: title ?? "", date: date ?? "", peopleServed: served,
            goodsFen: try FormValue.fen(goods, field: "goodsFen"), version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: ServiceEventForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response
    {
        let stations = try await context.scope.apply(to: ServiceStation.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .sort(\.$name).all()
            .compactMap { s in s.id.map { SelectOption(value: $0.uuidString, label: s.name, selected: $0.uuidString == form.stationId) } }
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "service.newEvent" : "service.editEvent", path: "/service-events", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.select(
                    "kind", "service.kind",
                    Pages.enumOptions(ServiceEventKind.self, prefix: "serviceEventKind", selected: form.kind, request: req)),
                fields.input("title", "field.title", form.title, required: true, ["maxlength": "200"]),
                fields.select("stationId", "service.station", stations, empty: "form.none"),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("date", "field.date", form.date, type: "date", required: true),
                fields.input("peopleServed", "service.peopleServed", form.peopleServed, required: true, ["inputmode": "numeric"]),
                fields.input("goods", "service.goodsYuan", form.goods, errors: ["goodsFen"], ["inputmode": "decimal"]),
            ])
    }
}
