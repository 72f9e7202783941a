import UnionHallPlatform

extension Feature {
    /// The audit log.
    static let audit = Feature(
        name: "audit",
        migrations: [CreateAuditEntry()],
        routes: { routes in
            try routes.pages.register(collection: AuditPages())
            try routes.api.register(collection: AuditAPIController())
        },
        menu: [MenuEntry(.admin, "/audit", "nav.audit")],
        api: AuditAPIDocument.self)
}
