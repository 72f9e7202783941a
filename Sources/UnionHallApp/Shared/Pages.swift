import Fluent
import Leaf
import UnionHallCore
import Vapor

/// What every page's frame needs: the signed-in user, the language, the CSRF token and the menu.
struct Layout: Encodable {
    struct NavItem: Encodable {
        var href: String
        var label: String
        var active: Bool
    }

    /// A menu group; one with a single item is drawn as a plain link.
    struct NavGroup: Encodable {
        let label: String
        let items: [NavItem]
        let active: Bool
        let single: Bool

        init(label: String, items: [NavItem]) {
            (self.label, self.items) = (label, items)
            active = items.contains(where: \.active)
            single = items.count == 1
        }
    }

    var title: String
    var lang: String
    var otherLang: String
    var otherLangLabel: String
    var langHref: String
    var userName: String?
    var roleLabel: String?
    var csrf: String
    var nav: [NavGroup]
    var notice: String?
    /// Why the last action on this page was refused (a delete that would orphan records …).
    var refusal: String?
    /// This page's path and its query without the page number: a list's export links keep its filters.
    var path: String
    var listQuery: String
    /// A page drawn in answer to a POST was refused: what its form held, so it is shown again.
    var typed: Typed?
    /// Whether hardship and aid fields and filters are shown (`UnitScope.seesAid`).
    var seesAid = false

    /// The refused form: its action (the last part of the path it was posted to) and its fields.
    struct Typed: Encodable {
        var action: String
        var fields: [String: String]
    }
}

/// A select option with its selected state worked out in Swift, where it is easy to test.
struct SelectOption: Encodable {
    var value: String
    var label: String
    var selected: Bool
}

/// A module's figure on its page: the number, what it counts, and the list of records behind it.
struct Figure: Encodable {
    var label: String
    var value: String
    var detail: String = ""
    var href: String
    /// The quantity behind the value, which a chart's bar is drawn to (a count, or fen).
    var amount: Int64 = 0

    init(label: String, value: String, detail: String = "", href: String, amount: Int64 = 0) {
        self.label = label
        self.value = value
        self.detail = detail
        self.href = href
        self.amount = amount
    }

    init(label: String, count: Int, detail: String = "", href: String) {
        self.init(label: label, value: String(count), detail: detail, href: href, amount: Int64(count))
    }

    init(label: String, fen: Int64, detail: String = "", href: String) {
        self.init(label: label, value: Fen(fen).description, detail: detail, href: href, amount: fen)
    }
}

/// A field error shown beside its input.
struct FormError: Encodable {
    var field: String
    var message: String
}

/// Page links for a list: previous/next and "page 2 of 9".
struct Pager: Encodable {
    var page: Int
    var pageCount: Int
    var total: Int
    var previous: String?
    var next: String?

    init(metadata: ListPage<some Content>.Metadata, request: Request) {
        page = metadata.page
        pageCount = max(metadata.pageCount, 1)
        total = metadata.total
        func link(_ page: Int) -> String {
            var components = URLComponents(string: request.url.string) ?? URLComponents()
            var items = (components.queryItems ?? []).filter { $0.name != "page" }
            items.append(URLQueryItem(name: "page", value: String(page)))
            components.queryItems = items
            return components.string ?? "?page=\(page)"
        }
        previous = metadata.page > 1 ? link(metadata.page - 1) : nil
        next = metadata.page < metadata.pageCount ? link(metadata.page + 1) : nil
    }
}

enum Pages {
    /// Notices shown after a redirect; only these keys are accepted from the query string.
    static let notices = ["saved", "created", "deleted", "restored", "loggedOut", "seconded", "imported", "passwordChanged"]
    /// Refusals a record's page can show after a redirect; only these keys are accepted.
    static let refusals = [
        "error.unit.notEmpty", "error.unit.ownUnit", "error.unit.parentDeleted", "error.unit.deleted", "error.organization.hasMembers",
        "error.mentorship.apprenticeBusy", "error.innovation.secondOwn", "error.innovation.secondTwice", "error.innovation.secondClosed",
    ]

    static func layout(_ request: Request, titleKey: String) -> Layout {
        let language = request.language
        let other: UILanguage = language == .zhHans ? .en : .zhHans
        let user = request.auth.get(User.self)
        let nav = user.map { Navigation.groups(for: $0, path: request.url.path, on: request) } ?? []
        let notice = (try? request.query.get(String.self, at: "notice")).flatMap { notices.contains($0) ? request.t("notice.\($0)") : nil }
        return Layout(
            title: request.t(titleKey), lang: language.rawValue, otherLang: other.rawValue,
            otherLangLabel: other == .en ? "English" : "中文",
            langHref: "/lang/\(other.rawValue)?next="
                + (request.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
            userName: user?.displayName, roleLabel: user.map { request.t("role.\($0.role.rawValue)") },
            csrf: request.authSession?.csrfToken ?? "", nav: nav, notice: notice,
            refusal: (try? request.query.get(String.self, at: "refused")).flatMap { refusals.contains($0) ? request.t($0) : nil },
            path: request.url.path,
            listQuery: (request.url.query ?? "").split(separator: "&").filter {
                !$0.hasPrefix("page=") && !$0.hasPrefix("notice=") && !$0.hasPrefix("format=")
            }.joined(separator: "&"),
            typed: typed(request),
            seesAid: user?.seesAid ?? false)
    }

    /// Success answers a POST with a redirect, so a page rendered for one shows a refusal: the
    /// small forms on a record's page (a step's reason, an amount, session notes) get their text back.
    private static func typed(_ request: Request) -> Layout.Typed? {
        guard request.method == .POST, request.headers.contentType == .urlEncodedForm,
            let fields = try? request.content.decode([String: String].self)
        else { return nil }
        return Layout.Typed(
            action: request.url.path.split(separator: "/").last.map(String.init) ?? "",
            fields: fields.filter { !["_csrf", "_once", "version"].contains($0.key) })
    }

    static func render(_ template: String, _ context: some Encodable, status: HTTPStatus = .ok, on request: Request) async throws
        -> Response
    {
        let response = try await request.view.render(template, context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// Back to a record's page with the reason an action on it was refused.
    static func redirect(_ path: String, refused error: AppError, on request: Request) -> Response {
        request.redirect(
            to: path + "?refused=" + (error.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), redirectType: .normal)
    }

    static func redirect(_ path: String, notice: String, on request: Request) -> Response {
        request.redirect(to: path + (path.contains("?") ? "&" : "?") + "notice=\(notice)", redirectType: .normal)
    }

    struct ErrorContext: Encodable {
        var layout: Layout
        var status: Int
        var message: String
    }

    static func error(_ error: AppError, on request: Request) async throws -> Response {
        if error.status == .unauthorized {
            return request.redirect(to: "/login")
        }
        let context = ErrorContext(
            layout: layout(request, titleKey: "error.title"), status: Int(error.status.code), message: request.t(error.key, error.arguments)
        )
        return try await render("error", context, status: error.status, on: request)
    }

    /// A record's recent changes, as its page lists them.
    struct HistoryRow: Encodable {
        var at: String
        var actor: String
        var action: String
    }

    static func history(_ entries: [AuditEntryOutput], on request: Request) -> [HistoryRow] {
        entries.map {
            HistoryRow(at: timestamp($0.at), actor: actorName($0.actorName, on: request), action: request.t("action.\($0.action.rawValue)"))
        }
    }

    /// Changes made by the system itself (start-up, the demo loader) say so in the user's language.
    static func actorName(_ name: String, on request: Request) -> String {
        name == Editor.system.name ? request.t("audit.system") : name
    }

    /// The last changes of a record, for its page.
    static func recentHistory<M: Audited>(of record: M, scope: UnitScope, on request: Request) async throws -> [HistoryRow] {
        let entries = try await AuditQueries.list(
            ListQuery(per: 10), filter: AuditFilter(entity: M.auditEntity, entityId: record.id), scope: scope, on: request.db)
        return history(entries.items, on: request)
    }

    /// `2024-06-03 14:05:09`, in Asia/Shanghai.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CivilDate.timeZone
        return formatter.string(from: date)
    }

    /// A change made from a record's own page (a workflow step, adding a result): back to the page
    /// with a notice, or the page again with the refusal beside the record.
    static func act(_ req: Request, redirect path: String, change: () async throws -> Void, rerender: (AppError) async throws -> Response)
        async throws -> Response
    {
        do {
            try await change()
            return redirect(path, notice: "saved", on: req)
        } catch let error as AppError where error.field != nil {
            return try await rerender(error)
        }
    }

    /// A fresh nonce for a create form (see `FormSubmission`).
    static func once() -> String { UUID().uuidString }

    static func unitOptions(_ scope: UnitScope, selected: UUID?, request: Request) -> [SelectOption] {
        scope.tree.ordered(within: scope.unitIDs).map { node, depth in
            SelectOption(value: node.id.uuidString, label: String(repeating: "　", count: depth) + node.name, selected: node.id == selected)
        }
    }

    static func enumOptions<E: RawRepresentable & CaseIterable>(_ type: E.Type, prefix: String, selected: String?, request: Request)
        -> [SelectOption] where E.RawValue == String
    {
        E.allCases.map { SelectOption(value: $0.rawValue, label: request.t("\(prefix).\($0.rawValue)"), selected: $0.rawValue == selected) }
    }

    static func formError(_ error: AppError, on request: Request) -> FormError {
        FormError(field: error.field ?? "", message: request.t(error.key, error.arguments))
    }

    /// An error shown above a record's page, which holds several small forms: the message names
    /// its field (`会谈记录：此项为必填项。`), by the record's own label for it or the common one.
    static func pageError(_ error: AppError, entity: String, on request: Request) -> FormError {
        let message = request.t(error.key, error.arguments)
        guard let field = error.field, !["status", "version"].contains(field) else {
            return FormError(field: error.field ?? "", message: message)
        }
        for key in ["\(entity)Field.\(field)", "field.\(field)"] where request.t(key) != key {
            return FormError(field: field, message: request.t("error.withField", [request.t(key), message]))
        }
        return FormError(field: field, message: message)
    }
}

/// `#t("key")` or `#t("key", argument…)`: the message in the request's language.
struct LocalizeTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { return .string("") }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? $0.int.map(String.init) ?? "" }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.t(key, arguments))
    }
}
