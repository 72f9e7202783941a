import Fluent
import UnionHallCore
import UnionHallPlatform

extension InnovationKind: Vocabulary { package static let catalogue = "innovationKind" }
extension FiveSmallKind: Vocabulary { package static let catalogue = "fiveSmall" }
extension InnovationStatus: Vocabulary { package static let catalogue = "innovationStatus" }
extension InnovationStep: Vocabulary { package static let catalogue = "innovationStep" }
extension InnovationAwardLevel: Vocabulary { package static let catalogue = "awardLevel" }
extension InnovationAwardGrade: Vocabulary { package static let catalogue = "awardGrade" }
extension PatentKind: Vocabulary { package static let catalogue = "patentKind" }

extension Feature {
    /// Worker technical innovation: items, expert review, awards, subsidies and patents.
    static let innovation = Feature(
        name: "innovation",
        migrations: [CreateInnovation()],
        routes: { routes in
            try routes.pages.register(collection: InnovationPages())
            try routes.pages.register(collection: InnovationSettingsPages())
            try routes.pages.register(collection: InnovationWorkerPages())
            try routes.pages.register(collection: ReviewPages())
            try routes.pages.register(collection: PatentPages())
            try routes.api.register(collection: InnovationAPIController())
        },
        menu: [
            MenuEntry(.innovation, "/innovation-items", "nav.innovation"),
            MenuEntry(.reviewer, "/reviews", "nav.reviews", shown: { $0.role == .reviewer }),
            MenuEntry(.mine, "/me/innovation", "nav.myInnovation", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(
                InnovationItem.self, path: "/innovation-items/",
                codes: ["kind": InnovationKind.catalogue, "subKind": FiveSmallKind.catalogue, "status": InnovationStatus.catalogue]),
            AuditedKind(InnovationReview.self),
            AuditedKind(InnovationWeights.self),
            AuditedKind(InnovationAttachment.self),
            AuditedKind(InnovationAward.self, codes: ["level": InnovationAwardLevel.catalogue, "grade": InnovationAwardGrade.catalogue]),
            AuditedKind(InnovationBudget.self),
            AuditedKind(SubsidyGrant.self),
            AuditedKind(Patent.self, path: "/patents/", codes: ["kind": PatentKind.catalogue]),
        ],
        vocabularies: [
            InnovationKind.self, FiveSmallKind.self, InnovationStatus.self, InnovationStep.self, InnovationAwardLevel.self,
            InnovationAwardGrade.self, PatentKind.self,
        ],
        records: [InnovationItem.self, Patent.self],
        forms: [InnovationForm.self, PatentForm.self],
        workflows: [
            Workflow(InnovationItem.self, InnovationStep.self, input: InnovationStepInput.self) {
                try await InnovationWorkflow.step($0, $1, input: $2, context: $3)
            }
        ],
        names: [.records(InnovationItem.self, fields: ["itemId", "itemIds"], name: \.$title, unit: \.$unitID)],
        api: InnovationAPIDocument.self,
        figures: [
            StatisticsPart(
                "innovation", InnovationStatistics.self,
                headlines: [
                    Headline("statistics.innovation.submitted", "submitted", href: "/innovation-items"),
                    Headline("statistics.innovation.adopted", "adopted", href: "/innovation-items?adopted=true"),
                ],
                charts: [
                    ChartSpec(
                        "statistics.innovation.byKind", "byKind", catalogue: "innovationKind", href: "/innovation-items", filter: "kind")
                ]
            ) {
                try await InnovationStatistics.compute(scope: $0.scope, list: $0.list, on: $0.db)
            }
        ],
        todos: [
            Todo(InnovationItem.self, "todo.itemsToReview") { _, _ in InnovationItemFilter(status: .submitted) },
            Todo(worker: "todo.mine.innovation", href: "/me/innovation") { memberID, db in
                try await InnovationService.mine(memberID: memberID, on: db).filter { [.submitted, .underReview].contains($0.status) }.count
            },
        ])
}
