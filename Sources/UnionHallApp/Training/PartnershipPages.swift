import Fluent
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
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var kinds: [SelectOption]
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(PartnershipFilter.self)
        let page = try await PartnershipService.list(list, filter: filter, scope: scope, on: req.db)
        var figures: [Figure] = []
        for kind in PartnershipKind.allCases {
            let total = try await PartnershipService.list(
                ListQuery(per: 1, unitId: list.unitId), filter: PartnershipFilter(kind: kind), scope: scope, on: req.db
            ).metadata.total
            figures.append(
                Figure(label: req.t("partnershipKind.\(kind.rawValue)"), count: total, href: "/partnerships?kind=\(kind.rawValue)"))
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "partnership.title"), figures: figures,
            rows: page.items.map { Row(p: $0, kindLabel: req.t("partnershipKind.\($0.kind.rawValue)")) },
            pager: Pager(metadata: page.metadata, request: req),
            kinds: Pages.enumOptions(PartnershipKind.self, prefix: "partnershipKind", selected: filter.kind?.rawValue, request: req),
            deleted: list.deleted == true)
        return try await Pages.render("training/partnerships", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var partnership: PartnershipOutput
        var kindLabel: String
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
        note = row?.note
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> PartnershipForm {
        var form = PartnershipForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.kind = PartnershipKind.schoolEnterprise.rawValue
        form.signedDate = request.today.description
        return form
    }

    func input(editing existing: Partnership?, on request: Request) async throws -> PartnershipInput {
        PartnershipInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), kind: kind.flatMap(PartnershipKind.init(rawValue:)), name: name ?? "",
            collegeId: try FormValue.uuid(collegeId, field: "collegeId"), employerId: try .form(employerId, field: "employerId"),
            signedDate: signedDate ?? "", note: note ?? "",
            studioIds: try (studioIds ?? []).compactMap { try FormValue.uuid($0, field: "studioIds") },
            version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: PartnershipForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var kinds: [SelectOption]
        var units: [SelectOption]
        var colleges: [SelectOption]
        var employers: [SelectOption]
        var studios: [SelectOption]
    }

    static func render(_ req: Request, form: PartnershipForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        var studios = form.studioIds ?? []
        if form.studioIds == nil, let id {
            studios = try await PartnershipStudio.query(on: req.db).filter(\.$partnershipID == id).all(\.$studioID).map(\.uuidString)
        }
        let page = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "partnership.new" : "partnership.edit"), form: form, id: id?.uuidString,
            once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            kinds: Pages.enumOptions(PartnershipKind.self, prefix: "partnershipKind", selected: form.kind, request: req),
            units: Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
            colleges: try await PageOptions.organizations([.college], scope: context.scope, selected: form.collegeId, on: req.db),
            employers: try await PageOptions.organizations(
                [.employer, .cooperative, .other], scope: context.scope, selected: form.employerId, on: req.db),
            studios: try await PageOptions.studios(scope: context.scope, selected: studios, on: req.db))
        return try await Pages.render("training/partnership-form", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
