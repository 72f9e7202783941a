import UnionHallCore
import UnionHallPlatform

extension OutreachKind: Vocabulary { package static let catalogue = "outreachKind" }
extension OutreachStatus: Vocabulary { package static let catalogue = "outreachStatus" }
extension OutreachStep: Vocabulary { package static let catalogue = "outreachStep" }

extension Feature {
    /// Model workers' outreach: lectures in schools, visits to fields and workshops, endorsements.
    static let outreach = Feature(
        name: "outreach",
        migrations: [CreateOutreachActivity()],
        routes: { routes in
            try routes.pages.register(collection: OutreachPages())
        },
        menu: [MenuEntry(.craftsmen, "/outreach-activities", "nav.outreach")],
        audited: [
            AuditedKind(
                OutreachActivity.self, path: "/outreach-activities/",
                codes: ["kind": OutreachKind.catalogue, "status": OutreachStatus.catalogue])
        ],
        vocabularies: [OutreachKind.self, OutreachStatus.self, OutreachStep.self],
        records: [OutreachActivity.self],
        forms: [OutreachForm.self],
        workflows: [
            Workflow(OutreachActivity.self, OutreachStep.self, input: OutreachStepInput.self) {
                try await OutreachService.step($0, $1, input: $2, context: $3)
            }
        ],
        api: OutreachAPIDocument.self,
        figures: [
            StatisticsPart(
                "outreach", OutreachService.Counts.self,
                headlines: [
                    Headline("statistics.outreach.personTimes", "personTimes", href: "/outreach-activities?status=held"),
                    Headline("statistics.outreach.endorsers", "endorsers", href: "/outreach-activities?kind=endorsement"),
                ]
            ) {
                try await OutreachService.counts(scope: $0.scope, list: $0.list, on: $0.db)
            }
        ])
}
