import UnionHallCore
import UnionHallPlatform
import Vapor

extension Gender: Vocabulary { package static let catalogue = "gender" }
extension ProfessionalTitle: Vocabulary { package static let catalogue = "professionalTitle" }

extension SkillLevel: ExportCell {
    /// `skill.5` → 高级工
    static let catalogue = "skill"

    package func exportText(on request: Request) -> String { request.t("\(Self.catalogue).\(rawValue)") }
}

extension Feature {
    /// The register of members, and a worker's own record.
    static let members = Feature(
        name: "members",
        migrations: [CreateMember(), CreateUnitMemberCount(), AddMemberTitles()],
        routes: { routes in
            try routes.pages.register(collection: MemberPages())
            try routes.pages.register(collection: MyRecordPage())
        },
        menu: [
            MenuEntry(.people, "/members", "nav.members"),
            MenuEntry(.mine, "/me", "nav.me", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(
                Member.self, path: "/members/",
                codes: [
                    "gender": Gender.catalogue, "skillLevel": SkillLevel.catalogue, "membershipStatus": MembershipStatus.catalogue,
                    "employmentForm": EmploymentForm.catalogue, "professionalTitle": ProfessionalTitle.catalogue,
                ])
        ],
        vocabularies: [Gender.self, ProfessionalTitle.self],
        records: [Member.self],
        forms: [MemberForm.self],
        workflows: [
            Workflow(Member.self, MembershipStep.self, input: Membership.StepInput.self) {
                try await Membership.step($0, $1, input: $2, context: $3)
            }
        ],
        names: [
            .records(
                Member.self,
                fields: [
                    "memberId", "mentorId", "apprenticeId", "leadId", "authorId", "reporterId", "matchedMemberId", "leaderIds",
                    "coAuthorIds", "memberIds",
                ],
                name: \.$name, unit: \.$unitID)
        ],
        api: MembersAPIDocument.self,
        figures: [
            StatisticsPart(
                "members", MemberStatistics.self,
                headlines: [
                    Headline("statistics.members.members", "members", href: "/members"),
                    Headline("statistics.members.joined", "joined", href: "/members?sort=-joinDate"),
                    Headline("statistics.members.left", "left", href: "/members?membershipStatus=former"),
                ]
            ) { try await MemberStatistics.compute($0) }
        ])
}
