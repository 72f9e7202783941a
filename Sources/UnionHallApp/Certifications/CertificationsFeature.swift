import UnionHallCore
import UnionHallPlatform

extension ParticipationKind: Vocabulary { package static let catalogue = "participationKind" }

extension Feature {
    /// Skill certifications, political participation and results from outside, as a member's career.
    static let certifications = Feature(
        name: "certifications",
        migrations: [CreateCertification()],
        routes: { routes in
            try routes.pages.register(collection: CertificationPages())
            try routes.api.register(collection: MemberCareerAPIController())
        },
        menu: [MenuEntry(.skills, "/certifications", "nav.certifications")],
        audited: [
            AuditedKind(Certification.self, path: "/certifications/", codes: ["level": SkillLevel.catalogue]),
            AuditedKind(Participation.self, codes: ["kind": ParticipationKind.catalogue, "level": HonorLevel.catalogue]),
            AuditedKind(ExternalResult.self, codes: ["level": HonorLevel.catalogue]),
        ],
        vocabularies: [ParticipationKind.self],
        records: [Certification.self],
        forms: [CertificationForm.self],
        api: CertificationsAPIDocument.self,
        figures: [
            StatisticsPart(
                "certifications", TalentStatistics.self,
                headlines: [Headline("statistics.certifications.newSkilled", "newSkilledTotal", href: "/certifications")]
            ) {
                try await TalentRegister.compute(scope: $0.scope, list: $0.list, memo: $0.memo, on: $0.db)
            }
        ])
}
