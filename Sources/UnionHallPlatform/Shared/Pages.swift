import Fluent
import Leaf
import UnionHallCore
import Vapor

/// What every page's frame needs: the signed-in user, the language, the CSRF token and the menu.
package struct Layout: Encodable {
    package struct NavItem: Encodable {
        package var href: String
        package var label: String
        package var active: Bool

        package init(href: String, label: String, active: Bool) {
            self.href = href
            self.label = label
            self.active = active
        }
    }

    /// A menu group; one with a single item is drawn as a plain link.
    package struct NavGroup: Encodable {
        package let label: String
        package let items: [NavItem]
        package let active: Bool
        package let single: Bool

        package init(label: String, items: [NavItem]) {
            (self.label, self.items) = (label, items)
            active = items.contains(where: \.active)
            single = items.count == 1
        }
    }

    package var title: String
    package var lang: String
    package var otherLang: String
    package var otherLangLabel: String
    package var langHref: String
    package var userName: String?
    package var roleLabel: String?
    package var csrf: String
    package var nav: [NavGroup]
    package var notice: String?
    /// Why the last action on this page was refused (a delete that would orphan records …).
    package var refusal: String?
    /// This page's path and its query without the page number: a list's export links keep its filters.
    package var path: String
    package var listQuery: String
    /// A page drawn in answer to a POST was refused: what its form held, so it is shown again.
    package var typed: Typed?
    /// Whether hardship and aid fields and filters are shown (`UnitScope.seesAid`).
    package var seesAid = false

    /// The refused form: its action (the last part of the path it was posted to) and its fields.
    package struct Typed: Encodable {
        package var action: String
        package var fields: [String: String]

        package init(action: String, fields: [String: String]) {
            self.action = action
            self.fields = fields
        }
    }

    package init(
        title: String, lang: String, otherLang: String, otherLangLabel: String, langHref: String, userName: String? = nil,
        roleLabel: String? = nil, csrf: String, nav: [NavGroup], notice: String? = nil, refusal: String? = nil, path: String,
        listQuery: String, typed: Typed? = nil, seesAid: Bool = false
    ) {
        self.title = title
        self.lang = lang
        self.otherLang = otherLang
        self.otherLangLabel = otherLangLabel
        self.langHref = langHref
        self.userName = userName
        self.roleLabel = roleLabel
        self.csrf = csrf
        self.nav = nav
        self.notice = notice
        self.refusal = refusal
        self.path = path
        self.listQuery = listQuery
        self.typed = typed
        self.seesAid = seesAid
    }
}

/// A select option with its selected state worked out in Swift, where it is easy to test.
package struct SelectOption: Encodable {
    package var value: String
    package var label: String
    package var selected: Bool

    package init(value: String, label: String, selected: Bool) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

/// A module's figure on its page: the number, what it counts, and the list of records behind it.
package struct Figure: Encodable {
    package var label: String
    package var value: String
    package var detail: String = ""
    package var href: String
    /// The quantity behind the value, which a chart's bar is drawn to (a count, or fen).
    package var amount: Int64 = 0

    package init(label: String, value: String, detail: String = "", href: String, amount: Int64 = 0) {
        self.label = label
        self.value = value
        self.detail = detail
        self.href = href
        self.amount = amount
    }

    package init(label: String, count: Int, detail: String = "", href: String) {
        self.init(label: label, value: String(count), detail: detail, href: href, amount: Int64(count))
    }

    package init(label: String, fen: Int64, detail: String = "", href: String) {
        self.init(label: label, value: Fen(fen).description, detail: detail, href: href, amount: fen)
    }
}

/// A field error shown beside its input.
package struct FormError: Encodable {
    package var field: String
    package var message: String

    package init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Page links for a list: previous/next and "page 2 of 9". A list that pages by key links its
/// neighbours by cursor (`after=`, `before=`); a capped total reads "10,000+".
package struct Pager: Encodable {
    package var page: Int
    package var pageCount: Int
    package var total: Int
    package var totalCapped: Bool
    package var previous: String?
    package var next: String?

    package init(metadata: ListPage<some Content>.Metadata, request: Request) {
        page = metadata.page
        pageCount = max(metadata.pageCount, 1)
        total = metadata.total
        totalCapped = metadata.totalCapped == true
        func link(_ name: String, _ value: String) -> String {
            var components = URLComponents(string: request.url.string) ?? URLComponents()
            var items = (components.queryItems ?? []).filter { !["page", "after", "before"].contains($0.name) }
            items.append(URLQueryItem(name: name, value: value))
            components.queryItems = items
            return components.string ?? "?\(name)=\(value)"
        }
        if let cursor = metadata.previous {
            previous = link("before", cursor)
        } else {
            previous = metadata.page > 1 ? link("page", String(metadata.page - 1)) : nil
        }
        if let cursor = metadata.next {
            next = link("after", cursor)
        } else if metadata.previous == nil {
            next = metadata.page < metadata.pageCount ? link("page", String(metadata.page + 1)) : nil
        }
    }
}

package enum Pages {
    /// Notices shown after a redirect; only these keys are accepted from the query string.
    package static let notices = ["saved", "created", "deleted", "restored", "loggedOut", "seconded", "imported", "passwordChanged"]
    /// Refusals a record's page can show after a redirect; only these keys are accepted.
    package static let refusals = [
        "error.unit.notEmpty", "error.unit.ownUnit", "error.unit.parentDeleted", "error.unit.deleted", "error.organization.hasMembers",
        "error.mentorship.apprenticeBusy", "error.innovation.secondOwn", "error.innovation.secondTwice", "error.innovation.secondClosed",
    ]

    package static func layout(_ request: Request, titleKey: String) -> Layout {
        let language = request.language
        let other: UILanguage = language == .zhHans ? .en : .zhHans
        let user = request.auth.get(User.self)
        let path = request.url.path
        let nav = user.map { Navigation.groups(for: $0, path: path, on: request) } ?? []
        let notice = (try? request.query.get(String.self, at: "notice")).flatMap { notices.contains($0) ? request.t("notice.\($0)") : nil }
        return Layout(
            title: request.t(titleKey), lang: language.rawValue, otherLang: other.rawValue,
            otherLangLabel: other == .en ? "English" : "中文",
            langHref: "/lang/\(other.rawValue)?next="
                + (request.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"),
            userName: user?.displayName, roleLabel: user.map { request.t("role.\($0.role.rawValue)") },
            csrf: request.csrfToken ?? "", nav: nav, notice: notice,
            refusal: (try? request.query.get(String.self, at: "refused")).flatMap { refusals.contains($0) ? request.t($0) : nil },
            path: path,
            listQuery: (request.url.query ?? "").split(separator: "&").filter {
                !$0.hasPrefix("page=") && !$0.hasPrefix("notice=") && !$0.hasPrefix("format=")
            }.joined(separator: "&"),
            typed: typed(request),
            seesAid: user?.seesAid ?? false)
    }

    /// A field of the refused form posted to `action`, for a choice the page marks again (a select).
    package static func typed(_ field: String, of action: String, on request: Request) -> String? {
        typed(request).flatMap { $0.action == action ? $0.fields[field] : nil }
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

    package static func render(_ template: String, _ context: some Encodable, status: HTTPStatus = .ok, on request: Request) async throws
        -> Response
    {
        let response = try await request.view.render(template, context).encodeResponse(for: request)
        response.status = status
        return response
    }

    /// Back to a record's page with the reason an action on it was refused.
    package static func redirect(_ path: String, refused error: AppError, on request: Request) -> Response {
        request.redirect(
            to: path + "?refused=" + (error.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""), redirectType: .normal)
    }

    package static func redirect(_ path: String, notice: String, on request: Request) -> Response {
        request.redirect(to: path + (path.contains("?") ? "&" : "?") + "notice=\(notice)", redirectType: .normal)
    }

    package struct ErrorContext: Encodable {
        package var layout: Layout
        package var status: Int
        package var message: String

        package init(layout: Layout, status: Int, message: String) {
            self.layout = layout
            self.status = status
            self.message = message
        }
    }

    package static func error(_ error: AppError, on request: Request) async throws -> Response {
        if error.status == .unauthorized {
            return request.redirect(to: "/login")
        }
        let context = ErrorContext(
            layout: layout(request, titleKey: "error.title"), status: Int(error.status.code), message: request.t(error.key, error.arguments)
        )
        return try await render("error", context, status: error.status, on: request)
    }

    /// A record's recent changes, as its page lists them.
    package struct HistoryRow: Encodable {
        package var at: String
        package var actor: String
        package var action: String

        package init(at: String, actor: String, action: String) {
            self.at = at
            self.actor = actor
            self.action = action
        }
    }

    /// Changes made by the system itself (start-up, the demo loader) say so in the user's language.
    package static func actorName(_ name: String, on request: Request) -> String {
        name == Editor.system.name ? request.t("audit.system") : name
    }

    /// `2024-06-03 14:05:09`, in Asia/Shanghai.
    package static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = CivilDate.timeZone
        return formatter.string(from: date)
    }

    /// A change made from a record's own page (a workflow step, adding a result): back to the page
    /// with a notice, or the page again with the refusal beside the record.
    package static func act(
        _ req: Request, redirect path: String, change: () async throws -> Void, rerender: (AppError) async throws -> Response
    )
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
    package static func once() -> String { UUID().uuidString }

    package static func unitOptions(_ scope: UnitScope, selected: UUID?, request: Request) -> [SelectOption] {
        scope.tree.ordered(within: scope.unitIDs).map { node, depth in
            SelectOption(value: node.id.uuidString, label: String(repeating: "　", count: depth) + node.name, selected: node.id == selected)
        }
    }

    package static func enumOptions<E: RawRepresentable & CaseIterable>(_ type: E.Type, prefix: String, selected: String?, request: Request)
        -> [SelectOption] where E.RawValue == String
    {
        E.allCases.map { SelectOption(value: $0.rawValue, label: request.t("\(prefix).\($0.rawValue)"), selected: $0.rawValue == selected) }
    }

    package static func formError(_ error: AppError, on request: Request) -> FormError {
        FormError(field: error.field ?? "", message: request.t(error.key, error.arguments))
    }

    /// An error shown above a record's page, which holds several small forms: the message names
    /// its field (`会谈记录：此项为必填项。`), by the record's own label for it or the common one.
    package static func pageError(_ error: AppError, entity: String, on request: Request) -> FormError {
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
package struct LocalizeTag: LeafTag {
    package func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { return .string("") }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? $0.int.map(String.init) ?? "" }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.t(key, arguments))
    }

    package init() {}
}
