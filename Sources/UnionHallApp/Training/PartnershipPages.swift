import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 工匠学院, 产业学院 and school–enterprise agreements in the browser.
struct PartnershipPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let partnerships = routes.grouped(.constant(Partnership.routeName))
        partnerships.get(use: index)
        partnerships.get(":id", use: show)
    }

    struct Row: Encodable {
        var p: PartnershipOutput
        var kindLabel: String
        var statusLabel: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var kinds: [SelectOption]
        var statuses: [SelectOption]
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(PartnershipFilter.self)
        let page = try await PartnershipService.list(list, filter: filter, scope: scope, on: req.db)
        // Every kind, and those being built, counted in one query.
        let tallies = try await req.db.sql().select().from(Partnership.schema).where("deleted_at", .is, SQLLiteral.null)
            .scoped(to: try scope.unitIDs(within: list.unitId), table: Partnership.schema).tallies(by: ["kind", "status"])
        let kinds = tallies.counts(at: 0)
        let figures =
            PartnershipKind.allCases.map { kind in
                Figure(
                    label: req.t(kind.labelKey), count: kinds.first { $0.key == kind.rawValue }?.count ?? 0,
                    href: "/partnerships?kind=\(kind.rawValue)")
            } + [
                Figure(
                    label: req.t(PartnershipStatus.building.labelKey),
                    count: tallies.counts(at: 1).first { $0.key == PartnershipStatus.building.rawValue }?.count ?? 0,
                    href: "/partnerships?status=building")
            ]
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "partnership.title"), figures: figures,
            rows: page.items.map {
                Row(
                    p: $0, kindLabel: req.t("partnershipKind.\($0.kind.rawValue)"),
                    statusLabel: req.t("partnershipStatus.\($0.status.rawValue)"))
            },
            pager: Pager(metadata: page.metadata, request: req),
            kinds: Pages.enumOptions(PartnershipKind.self, prefix: "partnershipKind", selected: filter.kind?.rawValue, request: req),
            statuses: Pages.enumOptions(
                PartnershipStatus.self, prefix: "partnershipStatus", selected: filter.status?.rawValue, request: req),
            deleted: list.deleted == true)
        return try await Pages.render("training/partnerships", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var partnership: PartnershipOutput
        var kindLabel: String
        var statusLabel: String
        var programs: [TrainingProgramOutput]
        var studios: [SelectOption]
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await Partnership.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await row.output(on: req)
        let programs = try await TrainingService.list(
            ListQuery(per: 200), filter: TrainingFilter(partnershipId: output.id), scope: scope, on: req.db
        ).items
        let studios = try await Studio.query(on: req.db).filter(\.$id ~~ output.studioIds).all()
            .compactMap { studio in studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: true) } }
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "partnership.one"), partnership: output,
            kindLabel: req.t("partnershipKind.\(row.kind.rawValue)"),
            statusLabel: req.t("partnershipStatus.\(row.status.rawValue)"),
            programs: programs, studios: studios, deleted: row.deletedAt != nil,
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("training/partnership", context, on: req)
    }
}

struct PartnershipForm: RecordForm {
    var unitId: String?
    var kind: String?
    var name: String?
    var collegeId: String?
    var employerId: String?
    var signedDate: String?
    var status: String?
    var note: String?
    var studioIds: [String]?
    var version: String?
    var _once: String?

    init(_ row: Partnership?) {
        unitId = row?.unitID.uuidString
        kind = row?.kind.rawValue
        name = row?.name
        collegeId = row?.collegeID.uuidString
        employerId = row?.employerID?.uuidString
        signedDate = row?.signedDate
        status = row?.status.rawValue
        note = row?.note
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> PartnershipForm {
        var form = PartnershipForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.kind = PartnershipKind.schoolEnterprise.rawValue
        form.signedDate = request.today.description
        form.status = PartnershipStatus.running.rawValue
        return form
    }

    func input(editing existing: Partnership?, on request: Request) async throws -> PartnershipInput {
        PartnershipInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), kind: kind.flatMap(PartnershipKind.init(rawValue:)), name: name ?? "",
            collegeId: try FormValue.uuid(collegeId, field: "collegeId"), employerId: try .form(employerId, field: "employerId"),
            signedDate: signedDate ?? "", status: status.flatMap(PartnershipStatus.init(rawValue:)), note: note ?? "",
            studioIds: try (studioIds ?? []).compactMap { try FormValue.uuid($0, field: "studioIds") },
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: PartnershipForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        var studios = form.studioIds ?? []
        if form.studioIds == nil, let id {
            studios = try await PartnershipStudio.query(on: req.db).filter(\.$partnershipID == id).all(\.$studioID).map(\.uuidString)
        }
        let scope = context.scope
        let studioChoices = try await PageOptions.studios(scope: scope, selected: studios, on: req.db)
        let fields = FormFields(req, error: error)
        var all = [
            fields.select(
                "kind", "partnership.kind",
                Pages.enumOptions(PartnershipKind.self, prefix: "partnershipKind", selected: form.kind, request: req), required: true),
            fields.input("name", "field.name", form.name, required: true, ["maxlength": "200"]),
            fields.select(
                "unitId", "field.unitId", Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
            fields.select(
                "collegeId", "training.college",
                try await PageOptions.organizations([.college], scope: scope, selected: form.collegeId, on: req.db), empty: "form.choose",
                required: true),
            fields.select(
                "employerId", "training.employer",
                try await PageOptions.organizations(
                    [.employer, .cooperative, .other], scope: scope, selected: form.employerId, on: req.db),
                empty: "form.none"),
            fields.input("signedDate", "partnership.signedDate", form.signedDate, type: "date", required: true),
            fields.select(
                "status", "partnership.status",
                Pages.enumOptions(PartnershipStatus.self, prefix: "partnershipStatus", selected: form.status, request: req),
                required: true),
        ]
        if !studioChoices.isEmpty { all.append(fields.checks("studioIds[]", "nav.studios", choices: studioChoices)) }
        all.append(fields.textarea("note", "partnership.note", form.note, ["rows": "3", "maxlength": "2000"]))
        return try await fields.page(
            titleKey: id == nil ? "partnership.new" : "partnership.edit", path: "/partnerships", id: id, version: form.version,
            once: form._once, fields: all)
    }
}
