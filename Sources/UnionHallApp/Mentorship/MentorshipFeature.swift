import UnionHallCore
import UnionHallPlatform

extension MentorshipStatus: Vocabulary { package static let catalogue = "mentorshipStatus" }
extension MentorshipStep: Vocabulary { package static let catalogue = "mentorshipStep" }

extension Feature {
    /// Master–apprentice agreements (名师带徒).
    static let mentorship = Feature(
        name: "mentorship",
        migrations: [CreateMentorshipAgreement()],
        routes: { routes in
            try routes.pages.register(collection: MentorshipPages())
        },
        menu: [MenuEntry(.craftsmen, "/mentorship-agreements", "nav.mentorship", rank: 1)],
        audited: [
            AuditedKind(
                MentorshipAgreement.self, path: "/mentorship-agreements/",
                codes: ["status": MentorshipStatus.catalogue, "levelBefore": SkillLevel.catalogue, "levelAfter": SkillLevel.catalogue])
        ],
        vocabularies: [MentorshipStatus.self, MentorshipStep.self],
        records: [MentorshipAgreement.self],
        forms: [MentorshipForm.self],
        workflows: [
            Workflow(MentorshipAgreement.self, MentorshipStep.self, input: MentorshipStepInput.self) {
                try await MentorshipService.step($0, $1, input: $2, context: $3)
            }
        ],
        api: MentorshipAPIDocument.self,
        figures: [
            StatisticsPart(
                "mentorship", MentorshipService.Counts.self,
                headlines: [
                    Headline("statistics.mentorship.signed", "signed", href: "/mentorship-agreements"),
                    Headline(
                        "statistics.mentorship.apprenticesTrained", "apprenticesTrained", href: "/mentorship-agreements?status=completed"),
                ]
            ) {
                try await MentorshipService.counts(scope: $0.scope, list: $0.list, on: $0.db)
            }
        ])
}
