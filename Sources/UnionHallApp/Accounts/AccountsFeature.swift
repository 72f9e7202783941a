import UnionHallCore
import UnionHallPlatform
import Vapor

extension Role: Vocabulary { package static let catalogue = "role" }

extension Feature {
    /// Users, sign-in, sessions and passwords.
    static let accounts = Feature(
        name: "accounts",
        migrations: [CreateUser(), CreateAuthSession(), CreateLoginFailure(), CreateLoginThrottles(), AddPasswordChange()],
        routes: { routes in
            let loginPages = LoginPages()
            try routes.publicPages.register(collection: loginPages)
            loginPages.bootProtected(routes: routes.pages)
            try routes.pages.register(collection: UserPages())
            try routes.pages.register(collection: PasswordPage())
            let accounts = AccountAPIController()
            try routes.publicAPI.register(collection: accounts)
            accounts.bootProtected(routes: routes.api)
        },
        menu: [MenuEntry(.admin, "/users", "nav.users", rank: 1, shown: { $0.role == .admin })],
        audited: [AuditedKind(User.self, codes: ["role": Role.catalogue])],
        vocabularies: [Role.self],
        names: [.records(User.self, fields: ["reviewerId", "mediatorId", "actorId", "reviewerIds"], name: \.$displayName)],
        api: AccountsAPIDocument.self)
}
