import UnionHallPlatform

extension Feature {
    /// The home page.
    static let home = Feature(
        name: "home",
        routes: { try $0.pages.register(collection: HomePage()) },
        menu: [MenuEntry(.home, "/", "nav.home", shown: { _ in true })])
}
