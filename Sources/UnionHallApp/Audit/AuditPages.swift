import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The audit log of the officer's subtree, newest first.
struct AuditPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: index)
    }

    struct Change: Encodable {
        var field: String
        var before: String
        var after: String
    }

    struct Row: Encodable {
        var at: String
        var actor: String
        var actionLabel: String
        var entityLabel: String
        var link: String?
        var unit: String
        var changes: [Change]
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [Row]
        var pager: Pager
        var q: String
        var from: String
        var to: String
        var entities: [SelectOption]
        var actions: [SelectOption]
    }

    /// A snapshot value as a person reads it: a code by its name (as the kind declares), a link by
    /// the name of what it names, money in yuan, 是/否 for flags.
    static func display(_ value: String?, key: String, kind: AuditedKind?, names: NameBook, on request: Request) -> String {
        guard let value, !value.isEmpty else { return "" }
        if let catalogue = kind?.codes[key] ?? AuditedKind.commonCodes[key] { return request.t("\(catalogue).\(value)") }
        if ListExport.isLink(key), let id = UUID(uuidString: value) { return names.name(id, field: key) }
        if key.hasSuffix("Fen"), let fen = Int64(value) { return Fen(fen).description }
        if value == "true" || value == "false" { return request.t(value == "true" ? "value.yes" : "value.no") }
        return value
    }

    /// A snapshot field's label: the kind's own (`dispute.field.channel`) or the common one.
    static func label(_ key: String, entity: String, on request: Request) -> String {
        for catalogueKey in ["\(entity)Field.\(key)", "field.\(key)"] where request.t(catalogueKey) != catalogueKey {
            return request.t(catalogueKey)
        }
        return key
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(AuditFilter.self)
        let page = try await AuditQueries.list(list, filter: filter, scope: scope, on: req)
        let kinds = Dictionary(req.application.features.flatMap(\.audited).map { ($0.entity, $0) }, uniquingKeysWith: { a, _ in a })
        var linked: [String: Set<UUID>] = [:]
        for entry in page.items {
            for (key, value) in (entry.before ?? [:]).merging(entry.after ?? [:], uniquingKeysWith: { a, _ in a })
            where ListExport.isLink(key) {
                if let id = UUID(uuidString: value) { linked[key, default: []].insert(id) }
            }
        }
        let names = try await NameBook.load(linked, sources: req.nameSources, scope: scope, on: req.db)
        let rows = page.items.map { entry in
            let before = entry.before ?? [:]
            let after = entry.after ?? [:]
            let kind = kinds[entry.entity]
            let changes = Set(before.keys).union(after.keys).sorted().compactMap { key -> Change? in
                before[key] == after[key]
                    ? nil
                    : Change(
                        field: Self.label(key, entity: entry.entity, on: req),
                        before: Self.display(before[key], key: key, kind: kind, names: names, on: req),
                        after: Self.display(after[key], key: key, kind: kind, names: names, on: req))
            }
            return Row(
                at: Pages.timestamp(entry.at), actor: Pages.actorName(entry.actorName, on: req),
                actionLabel: req.t("action.\(entry.action.rawValue)"),
                entityLabel: req.t("entity.\(entry.entity)"),
                link: entry.entityId.flatMap { id in kind?.path.map { $0 + id.uuidString } },
                unit: scope.tree.name(of: entry.unitId), changes: changes)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "audit.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", from: list.from ?? "", to: list.to ?? "",
            entities: req.application.features.flatMap(\.audited).filter { scope.seesAid || !$0.aidData }
                .map { SelectOption(value: $0.entity, label: req.t($0.labelKey), selected: $0.entity == filter.entity) },
            actions: AuditEntry.Action.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("action.\($0.rawValue)"), selected: $0 == filter.action)
            })
        return try await Pages.render("audit/index", context, on: req)
    }
}
