import UnionHallCore
import UnionHallPlatform

extension EventKind: Vocabulary { package static let catalogue = "eventKind" }
extension ItemKind: Vocabulary { package static let catalogue = "itemKind" }
extension EventStatus: Vocabulary { package static let catalogue = "eventStatus" }
extension EventStep: Vocabulary { package static let catalogue = "eventStep" }
extension ObjectionStatus: Vocabulary { package static let catalogue = "objectionStatus" }
extension CompetitionAward: Vocabulary { package static let catalogue = "competitionAward" }
extension TeamPrize: Vocabulary { package static let catalogue = "teamPrize" }

extension Feature {
    /// Skill competitions: events, entries, judging, results and certificates.
    static let competitions = Feature(
        name: "competitions",
        migrations: [CreateCompetitions()],
        routes: { routes in
            try routes.publicPages.register(collection: CertificatePages())
            try routes.publicAPI.register(collection: CertificateAPIController())
            try routes.pages.register(collection: CompetitionPages())
            try routes.pages.register(collection: JudgingPages())
            try routes.pages.register(collection: MyCompetitionPages())
            try routes.api.register(collection: CompetitionAPIController())
        },
        menu: [
            MenuEntry(.skills, "/competitions", "nav.competitions"),
            MenuEntry(.reviewer, "/judging", "nav.judging", shown: { $0.role == .reviewer }),
            MenuEntry(.mine, "/me/competitions", "nav.myCompetitions", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(Competition.self, path: "/competitions/", codes: ["level": HonorLevel.catalogue]),
            AuditedKind(CompetitionEvent.self, codes: ["kind": EventKind.catalogue, "status": EventStatus.catalogue]),
        ],
        vocabularies: [
            EventKind.self, ItemKind.self, EventStatus.self, EventStep.self, ObjectionStatus.self, CompetitionAward.self, TeamPrize.self,
        ],
        records: [Competition.self],
        forms: [CompetitionForm.self],
        names: [.records(Competition.self, fields: ["competitionId"], name: \.$name)],
        api: CompetitionsAPIDocument.self,
        figures: [
            StatisticsPart(
                "competitions", CompetitionStatistics.self,
                headlines: [
                    Headline("statistics.competitions.trades", "trades", href: "/competitions"),
                    Headline("statistics.competitions.entries", "entries", href: "/competitions"),
                ],
                highlights: { try await CompetitionStatisticsService.highlights($0, request: $1) }
            ) {
                try await CompetitionStatisticsService.compute(scope: $0.scope, list: $0.list, on: $0.db)
            }
        ],
        todos: [Todo(Competition.self, "todo.objectionsOpen") { _, _ in CompetitionFilter(openObjections: true) }])
}
