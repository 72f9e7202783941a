import Fluent
import UnionHallCore
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

    /// A snapshot value as a person reads it: names for ids and codes, 是/否 for flags.
    /// Values that are ids of other records show as those records' names where the page has them.
    static func display(_ value: String?, key: String, entity: String, tree: UnitTree, on request: Request) -> String {
        guard let value, !value.isEmpty else { return "" }
        switch key {
        case "unitId", "parentId": return UUID(uuidString: value).map { tree.name(of: $0) }.flatMap { $0.nilIfEmpty } ?? value
        case "kind":
            switch entity {
            case "unit": return request.t("unitKind.\(value)")
            case "studio": return request.t("studioKind.\(value)")
            case "studioResult": return request.t("studioResult.\(value)")
            case "outreach": return request.t("outreachKind.\(value)")
            default: return request.t("orgKind.\(value)")
            }
        case "amountFen": return Int64(value).map { Fen($0).description } ?? value
        case "title": return request.t("honorTitle.\(value)")
        case "level": return request.t("honorLevel.\(value)")
        case "gender": return request.t("gender.\(value)")
        case "role": return request.t("role.\(value)")
        case "skillLevel", "levelBefore", "levelAfter": return request.t("skill.\(value)")
        case "status":
            switch entity {
            case "outreach": return request.t("outreachStatus.\(value)")
            case "techProblem": return request.t("techProblemStatus.\(value)")
            default: return request.t("mentorshipStatus.\(value)")
            }
        case "benefitFen": return Int64(value).map { Fen($0).description } ?? value
        case "migrant", "hardship", "active": return request.t(value == "true" ? "value.yes" : "value.no")
        default: return value
        }
    }

    static let entityPaths = ["member": "/members/", "organization": "/organizations/", "unit": "/units/", "honor": "/honors/", "mentorship": "/mentorship-agreements/", "studio": "/studios/", "outreach": "/outreach-activities/", "techProblem": "/tech-problems/"]

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(AuditFilter.self)
        let page = try await AuditQueries.list(list, filter: filter, scope: scope, on: req.db)
        let rows = page.items.map { entry in
            let before = entry.before ?? [:]
            let after = entry.after ?? [:]
            let changes = Set(before.keys).union(after.keys).sorted().compactMap { key -> Change? in
                before[key] == after[key] ? nil : Change(
                    field: req.t("field.\(key)"),
                    before: Self.display(before[key], key: key, entity: entry.entity, tree: scope.tree, on: req),
                    after: Self.display(after[key], key: key, entity: entry.entity, tree: scope.tree, on: req))
            }
            return Row(
                at: Pages.timestamp(entry.at), actor: Pages.actorName(entry.actorName, on: req), actionLabel: req.t("action.\(entry.action.rawValue)"),
                entityLabel: req.t("entity.\(entry.entity)"),
                link: entry.entityId.flatMap { id in Self.entityPaths[entry.entity].map { $0 + id.uuidString } },
                unit: scope.tree.name(of: entry.unitId), changes: changes)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "audit.title"), rows: rows, pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", from: list.from ?? "", to: list.to ?? "",
            entities: ["member", "honor", "mentorship", "studio", "outreach", "techProblem", "innovationItem", "innovationReview", "innovationAward", "innovationBudget", "subsidyGrant", "patent", "studioMember", "studioResult", "organization", "unit", "user"].map { SelectOption(value: $0, label: req.t("entity.\($0)"), selected: $0 == filter.entity) },
            actions: AuditEntry.Action.allCases.map { SelectOption(value: $0.rawValue, label: req.t("action.\($0.rawValue)"), selected: $0 == filter.action) })
        return try await Pages.render("audit/index", context, on: req)
    }
}
