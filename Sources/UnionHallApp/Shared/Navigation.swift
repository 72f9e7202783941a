import Vapor

/// The menu, grouped as an officer thinks of the work: people and organisations, model workers and
/// craftsmen, skills, innovation, rights and care, administration; a worker's own pages; a
/// reviewer's tasks. Each entry is shown to the roles that may open it.
enum Navigation {
    struct Entry {
        var href: String
        var key: String
    }

    static func groups(for user: User, path: String, on request: Request) -> [Layout.NavGroup] {
        var groups: [(key: String, entries: [Entry])] = [("nav.home", [Entry(href: "/", key: "nav.home")])]
        if user.role.managesRecords {
            groups += [
                (
                    "nav.group.people",
                    [
                        .init(href: "/members", key: "nav.members"), .init(href: "/organizations", key: "nav.organizations"),
                        .init(href: "/units", key: "nav.units"),
                    ]
                ),
                (
                    "nav.group.craftsmen",
                    [
                        .init(href: "/honors", key: "nav.honors"), .init(href: "/studios", key: "nav.studios"),
                        .init(href: "/outreach-activities", key: "nav.outreach"), .init(href: "/tech-problems", key: "nav.techProblems"),
                        .init(href: "/mentorship-agreements", key: "nav.mentorship"),
                    ]
                ),
                (
                    "nav.group.skills",
                    [
                        .init(href: "/training-programs", key: "nav.training"), .init(href: "/certifications", key: "nav.certifications"),
                        .init(href: "/competitions", key: "nav.competitions"),
                    ]
                ),
                ("nav.innovation", [.init(href: "/innovation-items", key: "nav.innovation")]),
                (
                    "nav.group.care",
                    [
                        .init(href: "/dispute-cases", key: "nav.disputes"), .init(href: "/service-events", key: "nav.services"),
                        .init(href: "/safety-campaigns", key: "nav.safety"), .init(href: "/hazard-reports", key: "nav.hazards"),
                    ]
                        + (user.seesAid ? [.init(href: "/aid-applications", key: "nav.aid")] : [])
                ),
                (
                    "nav.group.admin",
                    [.init(href: "/audit", key: "nav.audit")] + (user.role == .admin ? [.init(href: "/users", key: "nav.users")] : [])
                ),
            ]
        }
        if user.role == .reviewer {
            groups += [
                ("nav.reviews", [.init(href: "/reviews", key: "nav.reviews")]),
                ("nav.judging", [.init(href: "/judging", key: "nav.judging")]),
            ]
        }
        if user.memberID != nil {
            groups.append(
                (
                    "nav.group.mine",
                    [
                        .init(href: "/me", key: "nav.me"), .init(href: "/me/innovation", key: "nav.myInnovation"),
                        .init(href: "/me/competitions", key: "nav.myCompetitions"), .init(href: "/me/disputes", key: "nav.myDisputes"),
                        .init(href: "/me/stations", key: "nav.stations"), .init(href: "/me/hazards", key: "nav.myHazards"),
                        .init(href: "/me/aid", key: "nav.myAid"),
                    ]
                ))
        }
        // The most specific entry is the active one: /me/innovation, not also /me.
        let hrefs = groups.flatMap { $0.entries.map(\.href) }
        let active = hrefs.filter { $0 == "/" ? path == "/" : path == $0 || path.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        return groups.map { group in
            let items = group.entries.map { Layout.NavItem(href: $0.href, label: request.t($0.key), active: $0.href == active) }
            return Layout.NavGroup(label: request.t(group.key), items: items)
        }
    }
}
