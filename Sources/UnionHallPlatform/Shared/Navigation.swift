import Vapor

/// The menu, grouped as an officer thinks of the work: people and organisations, model workers and
/// craftsmen, skills, innovation, rights and care, administration; a reviewer's tasks; a worker's
/// own pages. Each feature declares its entries and who sees them.
package enum Navigation {
    package static func groups(for user: User, path: String, on request: Request) -> [Layout.NavGroup] {
        let entries = request.application.features.flatMap(\.menu).filter { $0.shown(user) }
        // The most specific entry is the active one: /me/innovation, not also /me.
        let active = entries.map(\.href).filter { $0 == "/" ? path == "/" : path == $0 || path.hasPrefix($0 + "/") }
            .max { $0.count < $1.count }
        return MenuEntry.Group.allCases.compactMap { group in
            let items = entries.filter { $0.group == group }.enumerated().sorted {
                ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset)
            }
            .map(\.element).map { Layout.NavItem(href: $0.href, label: request.t($0.key), active: $0.href == active) }
            return items.isEmpty ? nil : Layout.NavGroup(label: request.t(group.labelKey), items: items)
        }
    }
}
