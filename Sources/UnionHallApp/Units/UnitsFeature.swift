import UnionHallCore

extension UnitKind: Vocabulary { static let catalogue = "unitKind" }

extension Feature {
    /// The union tree.
    static let units = Feature(
        name: "units",
        migrations: [CreateUnionUnit()],
        routes: { routes in
            try routes.pages.register(collection: UnitPages())
            try routes.register(UnitForm.self)
        },
        menu: [MenuEntry(.people, "/units", "nav.units", rank: 2)],
        audited: [AuditedKind(UnionUnit.self, path: "/units/", codes: ["kind": UnitKind.catalogue])],
        vocabularies: [UnitKind.self],
        records: [UnionUnit.self],
        api: UnitsAPIDocument.self)
}
