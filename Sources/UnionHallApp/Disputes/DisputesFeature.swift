import Fluent
import UnionHallCore
import UnionHallPlatform

extension DisputeChannel: Vocabulary { package static let catalogue = "disputeChannel" }
extension DisputeType: Vocabulary { package static let catalogue = "disputeType" }
extension DisputeStatus: Vocabulary { package static let catalogue = "disputeStatus" }
extension DisputeStep: Vocabulary { package static let catalogue = "disputeStep" }

extension Feature {
    /// Labour-dispute mediation.
    static let disputes = Feature(
        name: "disputes",
        migrations: [CreateDisputes()],
        routes: { routes in
            try routes.pages.register(collection: DisputePages())
            try routes.api.register(collection: DisputeAPIController())
        },
        menu: [
            MenuEntry(.care, "/dispute-cases", "nav.disputes"),
            MenuEntry(.mine, "/me/disputes", "nav.myDisputes", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(
                DisputeCase.self, path: "/dispute-cases/",
                codes: ["channel": DisputeChannel.catalogue, "type": DisputeType.catalogue, "status": DisputeStatus.catalogue])
        ],
        vocabularies: [DisputeChannel.self, DisputeType.self, DisputeStatus.self, DisputeStep.self],
        records: [DisputeCase.self],
        forms: [DisputeForm.self],
        workflows: [
            Workflow(DisputeCase.self, DisputeStep.self, input: DisputeStepInput.self) {
                try await DisputeService.step($0, $1, input: $2, context: $3)
            }
        ],
        api: DisputesAPIDocument.self,
        figures: [
            StatisticsPart(
                "disputes", DisputeStatistics.self,
                headlines: [
                    Headline("statistics.disputes.cases", "cases", href: "/dispute-cases"),
                    Headline("statistics.disputes.recoveredFen", "recoveredFen", href: "/dispute-cases?status=settled", format: .money),
                ],
                charts: [
                    ChartSpec("statistics.disputes.byType", "byType", catalogue: "disputeType", href: "/dispute-cases", filter: "type")
                ],
                highlights: { try await DisputeService.highlights($0, request: $1) }
            ) {
                try await DisputeService.counts(scope: $0.scope, list: $0.list, today: $0.today, on: $0.db)
            }
        ],
        todos: [
            Todo(DisputeCase.self, "todo.disputesOverdue") { _, _ in DisputeFilter(overdue: true) },
            Todo(DisputeCase.self, "todo.disputesDueSoon") { _, _ in DisputeFilter(dueSoon: true) },
            Todo(worker: "todo.mine.disputes", href: "/me/disputes") { memberID, db in
                let cases = try await DisputeClaimant.query(on: db).filter(\.$memberID == memberID).all(\.$caseID)
                return try await DisputeCase.query(on: db).filter(\.$id ~~ cases).filter(\.$deletedAt == nil)
                    .filter(\.$status ~~ DisputeStatus.allCases.filter(\.isOpen)).count()
            },
        ])
}
