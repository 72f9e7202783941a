import UnionHallCore
import UnionHallPlatform

extension TechProblemStatus: Vocabulary { package static let catalogue = "techProblemStatus" }
extension TechProblemStep: Vocabulary { package static let catalogue = "techProblemStep" }

extension Feature {
    /// Technical problems raised by enterprises and matched to craftsmen and studios.
    static let techProblems = Feature(
        name: "techProblems",
        migrations: [CreateTechProblem()],
        routes: { routes in
            try routes.pages.register(collection: TechProblemPages())
            try routes.api.register(collection: TechProblemRaiseController())
        },
        menu: [MenuEntry(.craftsmen, "/tech-problems", "nav.techProblems")],
        audited: [AuditedKind(TechProblem.self, path: "/tech-problems/", codes: ["status": TechProblemStatus.catalogue])],
        vocabularies: [TechProblemStatus.self, TechProblemStep.self],
        records: [TechProblem.self],
        forms: [TechProblemForm.self],
        workflows: [
            Workflow(TechProblem.self, TechProblemStep.self, input: TechProblemStepInput.self) {
                try await TechProblemService.step($0, $1, input: $2, context: $3)
            }
        ],
        api: TechProblemsAPIDocument.self,
        figures: [
            StatisticsPart(
                "techProblems", TechProblemService.Counts.self,
                headlines: [
                    Headline("statistics.techProblems.solved", "solved", href: "/tech-problems?status=solved"),
                    Headline("statistics.techProblems.benefitFen", "benefitFen", href: "/tech-problems?status=solved", format: .money),
                ]
            ) {
                try await TechProblemService.counts(scope: $0.scope, list: $0.list, on: $0.db)
            }
        ],
        todos: [
            Todo(TechProblem.self, "todo.problemsUnmatched") { _, _ in TechProblemFilter(status: .raised) }
        ])
}
