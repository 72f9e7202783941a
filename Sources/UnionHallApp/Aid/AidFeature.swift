import Fluent
import UnionHallCore
import UnionHallPlatform

extension HardshipLevel: Vocabulary { package static let catalogue = "hardshipLevel" }
extension HardshipStatus: Vocabulary { package static let catalogue = "hardshipStatus" }
extension HardshipStep: Vocabulary { package static let catalogue = "hardshipStep" }
extension SchoolStage: Vocabulary { package static let catalogue = "schoolStage" }
extension AidStatus: Vocabulary { package static let catalogue = "aidStatus" }
extension AidStep: Vocabulary { package static let catalogue = "aidStep" }
extension AidKind: Vocabulary { package static let catalogue = "aidKind" }

extension Feature {
    /// Hardship files and aid (金秋助学, 送温暖, living and medical aid): programmes, applications, approval and payment.
    static let aid = Feature(
        name: "aid",
        migrations: [CreateAid(), AddAidHandling(), AddAidNoticePeriod(), AddReliefAid()],
        routes: { routes in
            try routes.publicPages.register(collection: AidNoticePage())
            try routes.pages.register(collection: HardshipPages())
            try routes.pages.register(collection: AidProgramPages())
            try routes.pages.register(collection: AidPages())
            try routes.pages.register(collection: AidMemberPages())
            try routes.api.register(collection: AidAPIController())
        },
        menu: [
            MenuEntry(.care, "/aid-applications", "nav.aid", shown: { $0.role.managesRecords && $0.seesAid }),
            MenuEntry(.mine, "/me/aid", "nav.myAid", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(
                HardshipFile.self, path: "/hardship-files/", codes: ["level": HardshipLevel.catalogue, "status": HardshipStatus.catalogue],
                aidData: true),
            AuditedKind(AidProgram.self, path: "/aid-programs/", codes: ["kind": AidKind.catalogue], aidData: true),
            AuditedKind(
                AidApplication.self, path: "/aid-applications/",
                codes: ["kind": AidKind.catalogue, "stage": SchoolStage.catalogue, "status": AidStatus.catalogue], aidData: true),
        ],
        vocabularies: [
            HardshipLevel.self, HardshipStatus.self, HardshipStep.self, SchoolStage.self, AidStatus.self, AidStep.self, AidKind.self,
        ],
        records: [HardshipFile.self, AidProgram.self, AidApplication.self],
        forms: [HardshipForm.self, AidProgramForm.self, AidApplicationForm.self],
        workflows: [
            Workflow(HardshipFile.self, HardshipStep.self, input: HardshipStepInput.self) {
                try await HardshipService.step($0, $1, input: $2, context: $3)
            },
            Workflow(AidApplication.self, AidStep.self, input: AidStepInput.self) {
                try await AidApplications.step($0, $1, input: $2, context: $3)
            },
        ],
        names: [.records(AidProgram.self, fields: ["programId"], name: \.$name)],
        api: AidAPIDocument.self,
        figures: [
            StatisticsPart(
                "aid", AidStatistics.self, aidData: true,
                headlines: [
                    Headline("statistics.aid.children", "children", href: "/aid-applications?funded=true"),
                    Headline("statistics.aid.paidFen", "paidFen", href: "/aid-applications?status=paid", format: .money),
                ]
            ) {
                try await AidApplications.statistics(scope: $0.scope, list: $0.list, today: $0.today, on: $0.db)
            },
            StatisticsPart(
                "hardship", HardshipStatistics.self, aidData: true,
                headlines: [
                    Headline("statistics.hardship.files", "files", href: "/hardship-files"),
                    Headline("statistics.hardship.opened", "opened", href: "/hardship-files"),
                ],
                charts: [
                    ChartSpec(
                        "statistics.hardship.byLevel", "byLevel", catalogue: "hardshipLevel", href: "/hardship-files", filter: "level")
                ]
            ) { try await HardshipStatistics.compute($0) },
        ],
        todos: [
            Todo(AidApplication.self, "todo.aidToApprove") { user, scope in
                guard user.seesAid else { return nil }
                return AidFilter(status: AidApplications.awaiting(at: user.unitID.flatMap { scope.tree.nodes[$0]?.kind }))
            },
            Todo(HardshipFile.self, "todo.hardshipToVerify") { user, _ in user.seesAid ? HardshipFilter(status: .pending) : nil },
            Todo(HardshipFile.self, "todo.hardshipLapsing") { user, _ in user.seesAid ? HardshipFilter(lapsingSoon: true) : nil },
            Todo(worker: "todo.mine.aid", href: "/me/aid") { memberID, db in
                try await AidApplication.query(on: db).filter(\.$memberID == memberID).filter(\.$deletedAt == nil)
                    .filter(\.$status !~ [.paid, .rejected]).count()
            },
        ])
}
