import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The alliance and the exhibitions in the browser: one list page with both and their figures, each
/// one's page where members and items are added and removed. Forms are `RecordPages`.
struct AlliancePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.constant(InnovationAlliance.routeName), use: index)
        routes.get(.constant(InnovationExhibition.routeName)) { $0.redirect(to: "/\(InnovationAlliance.routeName)#exhibitions") }
        let alliance = routes.grouped(.constant(InnovationAlliance.routeName), ":id")
        alliance.get { try await Self.renderAlliance($0, error: nil) }
        alliance.post("members") { req in
            try await Self.changeAlliance(req) { row, context in
                let number = try req.content.decode(NumberForm.self).idNumber ?? ""
                guard !number.isEmpty else { throw AppError.invalid("memberId", "error.required") }
                let member = try await MemberLookup.byIDNumber(number, field: "memberId", on: req)
                try await Alliances.addMember(member, to: row, context: context)
            }
        }
        alliance.post("members", ":memberId", "remove") { req in
            try await Self.changeAlliance(req) { row, context in
                let (allianceID, memberID): (UUID, UUID) = (try row.requireID(), try req.parameters.require("memberId"))
                try await context.deleteAudited(AllianceMember.self) {
                    $0.filter(\.$allianceID == allianceID).filter(\.$memberID == memberID)
                }
            }
        }
        let exhibition = routes.grouped(.constant(InnovationExhibition.routeName), ":id")
        exhibition.get { try await Self.renderExhibition($0, error: nil) }
        exhibition.post("items") { req in
            try await Self.changeExhibition(req) { row, context in
                let item = try FormValue.uuid(try req.content.decode(ItemForm.self).itemId, field: "itemId")
                try await Alliances.addItem(item, to: row, context: context)
            }
        }
        exhibition.post("items", ":itemId", "remove") { req in
            try await Self.changeExhibition(req) { row, context in
                let (exhibitionID, itemID): (UUID, UUID) = (try row.requireID(), try req.parameters.require("itemId"))
                try await context.deleteAudited(ExhibitionItem.self) {
                    $0.filter(\.$exhibitionID == exhibitionID).filter(\.$itemID == itemID)
                }
            }
        }
    }

    struct NumberForm: Content { var idNumber: String? }
    struct ItemForm: Content { var itemId: String? }

    /// A change from the alliance's page; a refused one comes back on the page with its reason.
    private static func changeAlliance(
        _ req: Request, _ body: @escaping @Sendable (InnovationAlliance, WriteContext) async throws -> Void
    ) async throws -> Response {
        try await InnovationAlliance.changeFromPage(req, rerender: { try await renderAlliance(req, error: $0) }, body)
    }

    private static func changeExhibition(
        _ req: Request, _ body: @escaping @Sendable (InnovationExhibition, WriteContext) async throws -> Void
    ) async throws -> Response {
        try await InnovationExhibition.changeFromPage(req, rerender: { try await renderExhibition(req, error: $0) }, body)
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var alliances: [AllianceOutput]
        var exhibitions: [ExhibitionOutput]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let alliances = try await InnovationAlliance.list(
            ListQuery(per: ListQuery.maxPer, unitId: list.unitId), filter: AllianceFilter(), scope: scope, request: req)
        let exhibitions = try await InnovationExhibition.list(
            ListQuery(per: ListQuery.maxPer, from: list.from, to: list.to, unitId: list.unitId), filter: ExhibitionFilter(), scope: scope,
            request: req)
        let shown = exhibitions.items
        let figures = [
            Figure(label: req.t("alliance.members"), count: alliances.items.map(\.figures.members).reduce(0, +), href: "#alliances"),
            Figure(label: req.t("exhibition.count"), count: shown.count, href: "#exhibitions"),
            Figure(label: req.t("exhibition.items"), count: shown.map(\.items).reduce(0, +), href: "#exhibitions"),
            Figure(label: req.t("exhibition.visitors"), count: shown.map(\.visitors).reduce(0, +), href: "#exhibitions"),
        ]
        return try await Pages.render(
            "alliances/index",
            IndexContext(
                layout: Pages.layout(req, titleKey: "alliance.title"), figures: figures, alliances: alliances.items, exhibitions: shown),
            on: req)
    }

    struct AllianceContext: Encodable {
        var layout: Layout
        var alliance: AllianceOutput
        var figures: [Figure]
        var members: [AllianceMemberOutput]
        var error: FormError?
        var history: [Pages.HistoryRow]
    }

    static func renderAlliance(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await InnovationAlliance.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let output = try await row.output(on: req)
        let f = output.figures
        let context = AllianceContext(
            layout: Pages.layout(req, titleKey: "alliance.one"), alliance: output,
            figures: [
                Figure(label: req.t("alliance.members"), count: f.members, href: "#members"),
                // What the members led and solved: each member's page lists theirs.
                Figure(label: req.t("campaign.activitiesHeld"), count: f.activitiesHeld, href: "#members"),
                Figure(label: req.t("campaign.personTimes"), count: f.personTimes, href: "#members"),
                Figure(label: req.t("campaign.problemsSolved"), count: f.problemsSolved, href: "#members"),
            ],
            members: try await Alliances.members(of: row, on: req.db), error: error.map { Pages.formError($0, on: req) },
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("alliances/alliance", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct ExhibitionContext: Encodable {
        var layout: Layout
        var exhibition: ExhibitionOutput
        var items: [ExhibitionItemOutput]
        var choices: [SelectOption]
        var error: FormError?
        var history: [Pages.HistoryRow]
    }

    static func renderExhibition(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await InnovationExhibition.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let items = try await Alliances.items(of: row, on: req.db)
        let shown = Set(items.map(\.itemId))
        let choices = try await scope.apply(to: InnovationItem.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .sort(\.$title).limit(500).all()
            .compactMap { item in
                item.id.flatMap { shown.contains($0) ? nil : SelectOption(value: $0.uuidString, label: item.title, selected: false) }
            }
        let context = ExhibitionContext(
            layout: Pages.layout(req, titleKey: "exhibition.one"), exhibition: try await row.output(on: req), items: items,
            choices: choices, error: error.map { Pages.formError($0, on: req) },
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("alliances/exhibition", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}

struct AllianceForm: RecordForm {
    typealias Record = InnovationAlliance
    var unitId: String?
    var name: String?
    var foundedDate: String?
    var description: String?
    var version: String?
    var _once: String?

    init(_ row: InnovationAlliance?) {
        unitId = row?.unitID.uuidString
        name = row?.name
        foundedDate = row?.foundedDate
        description = row?.description
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> AllianceForm {
        var form = AllianceForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.foundedDate = request.today.description
        return form
    }

    func input(editing existing: InnovationAlliance?, on request: Request) async throws -> AllianceInput {
        AllianceInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), name: name ?? "", foundedDate: foundedDate ?? "",
            description: description ?? "", version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: AllianceForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "alliance.new" : "alliance.edit", path: "/\(InnovationAlliance.routeName)", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "60"]),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("foundedDate", "alliance.foundedDate", form.foundedDate, type: "date", required: true),
                fields.textarea("description", "campaign.description", form.description, ["rows": "3", "maxlength": "2000"]),
            ])
    }
}

struct ExhibitionForm: RecordForm {
    typealias Record = InnovationExhibition
    var unitId: String?
    var title: String?
    var openedDate: String?
    var closedDate: String?
    var place: String?
    var visitors: String?
    var version: String?
    var _once: String?

    init(_ row: InnovationExhibition?) {
        unitId = row?.unitID.uuidString
        title = row?.title
        openedDate = row?.openedDate
        closedDate = row?.closedDate
        place = row?.place
        visitors = row.map { String($0.visitors) }
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> ExhibitionForm {
        var form = ExhibitionForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.openedDate = request.today.description
        form.visitors = "0"
        return form
    }

    func input(editing existing: InnovationExhibition?, on request: Request) async throws -> ExhibitionInput {
        ExhibitionInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), title: title ?? "", openedDate: openedDate ?? "",
            closedDate: closedDate ?? "", place: place ?? "", visitors: try FormValue.integer(visitors, field: "visitors"),
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: ExhibitionForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "exhibition.new" : "exhibition.edit", path: "/\(InnovationExhibition.routeName)", id: id,
            version: form.version, once: form._once,
            fields: [
                fields.input("title", "exhibition.title", form.title, required: true, ["maxlength": "100"]),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.input("openedDate", "exhibition.openedDate", form.openedDate, type: "date", required: true),
                fields.input("closedDate", "exhibition.closedDate", form.closedDate, type: "date"),
                fields.input("place", "exhibition.place", form.place, required: true, ["maxlength": "100"]),
                fields.input("visitors", "exhibition.visitors", form.visitors, type: "number", ["min": "0"]),
            ])
    }
}
