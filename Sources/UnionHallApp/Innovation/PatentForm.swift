import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A patent, paper or software copyright as typed, held by an item or a studio.
struct PatentForm: RecordForm {
    var kind: String?
    var title: String?
    var number: String?
    var date: String?
    var itemId: String?
    var studioId: String?
    var version: String?
    var _once: String?

    init(_ patent: Patent?) {
        kind = patent?.kind.rawValue
        title = patent?.title
        number = patent?.number
        date = patent?.date
        itemId = patent?.itemID?.uuidString
        studioId = patent?.studioID?.uuidString
        version = patent.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> PatentForm {
        var form = PatentForm(nil)
        form.itemId = try? request.query.get(String.self, at: "itemId")
        form.studioId = try? request.query.get(String.self, at: "studioId")
        form.kind = PatentKind.utilityModel.rawValue
        return form
    }

    func input(editing existing: Patent?, on request: Request) async throws -> PatentInput {
        PatentInput(
            kind: kind.flatMap(PatentKind.init(rawValue:)), title: title ?? "", number: number ?? "", date: date ?? "",
            itemId: try .form(itemId, field: "itemId"), studioId: try .form(studioId, field: "studioId"),
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: PatentForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        var holder = ""
        if let itemID = form.itemId.flatMap(UUID.init(uuidString:)), let item = try await InnovationItem.find(itemID, on: req.db),
            context.scope.contains(item.unitID)
        {
            holder = item.title
        }
        let studios = try await context.scope.apply(to: Studio.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(
            \.$name
        ).all()
        let fields = FormFields(req, error: error)
        let studio = fields.select(
            "studioId", "field.studioId",
            studios.compactMap { studio in
                studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: $0.uuidString == form.studioId) }
            }, empty: "form.choose", required: true, hint: "patents.holderHint", errors: ["itemId"])
        return try await fields.page(
            titleKey: id == nil ? "patents.new" : "patents.edit", path: "/patents", id: id, version: form.version, once: form._once,
            cancel: "/patents", notes: holder.isEmpty ? [] : [req.t("patents.forItem", [holder])],
            hidden: ["itemId": holder.isEmpty ? nil : form.itemId],
            fields: (holder.isEmpty ? [studio] : []) + [
                fields.select(
                    "kind", "field.kind", Pages.enumOptions(PatentKind.self, prefix: "patentKind", selected: form.kind, request: req),
                    required: true),
                fields.input("title", "patentField.title", form.title, required: true, ["maxlength": "200"]),
                fields.input("number", "field.number", form.number, required: true, ["maxlength": "60", "class": "mono"]),
                fields.input("date", "field.date", form.date, type: "date", required: true),
            ], deletable: true)
    }
}

/// The register of patents, papers and software copyrights.
struct PatentPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("patents", use: index)
        // A patent has no page of its own: its form is its page, and a deleted one is back in the list.
        routes.get("patents", ":id") { req async throws -> Response in
            let id = try req.parameters.require("id", as: UUID.self)
            let patent = try await Patent.find(id, scope: try await req.requireManager().1, includingDeleted: true, on: req.db)
            return req.redirect(to: patent.deletedAt == nil ? "/patents/\(id)/edit" : "/patents?deleted=true")
        }
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var kind: String
        var number: String
        var date: String
        var holder: String
        var holderHref: String
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(PatentFilter.self)
        let page = try await Patent.list(list, filter: filter, scope: scope, request: req)
        let items = try await InnovationItem.query(on: req.db).filter(\.$id ~~ page.items.compactMap(\.itemId)).all()
        let studios = try await Studio.query(on: req.db).filter(\.$id ~~ page.items.compactMap(\.studioId)).all()
        let rows = page.items.map { patent in
            let item = items.first { $0.id == patent.itemId }
            let studio = studios.first { $0.id == patent.studioId }
            return Row(
                id: patent.id.uuidString, title: patent.title, kind: req.t("patentKind.\(patent.kind.rawValue)"), number: patent.number,
                date: patent.date,
                holder: item?.title ?? studio?.name ?? "",
                holderHref: patent.itemId.map { "/innovation-items/\($0)" } ?? patent.studioId.map { "/studios/\($0)" } ?? "")
        }
        struct Context: Encodable {
            var layout: Layout
            var rows: [Row]
            var pager: Pager
            var kinds: [SelectOption]
            var from: String
            var to: String
        }
        return try await Pages.render(
            "innovation/patents",
            Context(
                layout: Pages.layout(req, titleKey: "innovation.patents"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
                kinds: Pages.enumOptions(PatentKind.self, prefix: "patentKind", selected: filter.kind?.rawValue, request: req),
                from: list.from ?? "", to: list.to ?? ""), on: req)
    }
}
