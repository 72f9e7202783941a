import UnionHallCore
import UnionHallPlatform

extension UnitKind: Vocabulary { package static let catalogue = "unitKind" }

extension Feature {
    /// The union tree.
    static let units = Feature(
        name: "units",
        migrations: [CreateUnionUnit()],
        routes: { routes in
            try routes.pages.register(collection: UnitPages())
        },
        menu: [MenuEntry(.people, "/units", "nav.units", rank: 2)],
        audited: [AuditedKind(UnionUnit.self, path: "/units/", codes: ["kind": UnitKind.catalogue])],
        vocabularies: [UnitKind.self],
        records: [UnionUnit.self],
        forms: [UnitForm.self],
        api: UnitsAPIDocument.self)
}
