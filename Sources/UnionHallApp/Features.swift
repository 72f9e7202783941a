import UnionHallPlatform

/// Every feature of UnionHall, in the order their migrations depend on each other. Adding a
/// feature is its own folder and one line here.
enum Features {
    static let all: [Feature] = [
        .units, .organizations, .members, .accounts, .audit, .forms, .home,
        .honors, .mentorship, .studios, .outreach, .techProblems, .campaigns,
        .innovation, .alliances,
        .training, .certifications, .competitions,
        .disputes, .services, .safety,
        .aid, .membership,
        .statistics, .reports, .openAPI, .operations,
    ]
}
