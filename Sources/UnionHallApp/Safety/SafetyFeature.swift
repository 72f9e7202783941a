import Fluent
import UnionHallCore
import UnionHallPlatform

extension HazardSeverity: Vocabulary { package static let catalogue = "hazardSeverity" }
extension HazardStatus: Vocabulary { package static let catalogue = "hazardStatus" }
extension HazardStep: Vocabulary { package static let catalogue = "hazardStep" }
extension InspectionStatus: Vocabulary { package static let catalogue = "inspectionStatus" }
extension InspectionStep: Vocabulary { package static let catalogue = "inspectionStep" }

extension Feature {
    /// Workplace safety: 安康杯 campaigns, accident records and hazard reports.
    static let safety = Feature(
        name: "safety",
        migrations: [CreateSafety(), CreateHazards(), CreateSafetyInspections()],
        routes: { routes in
            try routes.pages.register(collection: SafetyPages())
            try routes.api.register(collection: SafetyAPIController())
            try routes.pages.register(collection: HazardPages())
            try routes.api.register(collection: HazardAPIController())
            try routes.pages.register(collection: InspectionPages())
            try routes.api.register(collection: InspectionAPIController())
        },
        menu: [
            MenuEntry(.care, "/safety-campaigns", "nav.safety"),
            MenuEntry(.care, "/hazard-reports", "nav.hazards"),
            MenuEntry(.care, "/safety-inspections", "nav.inspections"),
            MenuEntry(.mine, "/me/hazards", "nav.myHazards", shown: { $0.memberID != nil }),
        ],
        audited: [
            AuditedKind(SafetyCampaign.self, path: "/safety-campaigns/"),
            AuditedKind(AccidentRecord.self),
            AuditedKind(
                HazardReport.self, path: "/hazard-reports/",
                codes: ["severity": HazardSeverity.catalogue, "status": HazardStatus.catalogue]),
            AuditedKind(SafetyInspection.self, path: "/safety-inspections/", codes: ["status": InspectionStatus.catalogue]),
        ],
        vocabularies: [HazardSeverity.self, HazardStatus.self, HazardStep.self, InspectionStatus.self, InspectionStep.self],
        records: [SafetyCampaign.self, AccidentRecord.self, HazardReport.self, SafetyInspection.self],
        forms: [CampaignForm.self, AccidentForm.self, InspectionForm.self],
        workflows: [
            Workflow(HazardReport.self, HazardStep.self, input: HazardStepInput.self) {
                try await HazardService.step($0, $1, input: $2, context: $3)
            },
            Workflow(SafetyInspection.self, InspectionStep.self, input: InspectionStepInput.self) {
                try await Inspections.step($0, $1, input: $2, context: $3)
            },
        ],
        names: [.records(SafetyCampaign.self, fields: ["campaignId"], name: \.$name)],
        api: SafetyAPIDocument.self,
        figures: [
            StatisticsPart(
                "safety", SafetyStatistics.self,
                headlines: [
                    Headline("statistics.safety.reports", "hazards.reports", href: "/hazard-reports"),
                    Headline(
                        "statistics.safety.rateChange", "campaigns.0.participants.change", href: "/safety-campaigns",
                        format: .tenthsOfPercent),
                ]
            ) { try await SafetyStatistics.compute($0) }
        ],
        todos: [
            Todo(HazardReport.self, "todo.hazardsToVerify") { _, _ in HazardFilter(status: .reported) },
            Todo(HazardReport.self, "todo.hazardsToRectify") { _, _ in HazardFilter(status: .rectificationOrdered) },
            Todo(HazardReport.self, "todo.hazardsPastRectification") { _, _ in HazardFilter(overdue: true) },
            Todo(worker: "todo.mine.hazards", href: "/me/hazards") { memberID, db in
                try await HazardReport.query(on: db).filter(\.$reporterID == memberID).filter(\.$deletedAt == nil)
                    .filter(\.$status !~ [.rewarded, .rejected]).count()
            },
        ])
}
