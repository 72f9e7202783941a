import UnionHallCore
import UnionHallPlatform

extension TrainingKind: Vocabulary { package static let catalogue = "trainingKind" }
extension EnrolmentStatus: Vocabulary { package static let catalogue = "enrolmentStatus" }
extension PartnershipKind: Vocabulary { package static let catalogue = "partnershipKind" }
extension PartnershipStatus: Vocabulary { package static let catalogue = "partnershipStatus" }

extension Feature {
    /// Training programmes, enrolments and school–enterprise partnerships.
    static let training = Feature(
        name: "training",
        migrations: [CreateTraining(), AddPartnershipStatus()],
        routes: { routes in
            try routes.pages.register(collection: TrainingPages())
            try routes.api.register(collection: TrainingAPIController())
            try routes.pages.register(collection: PartnershipPages())
        },
        menu: [MenuEntry(.skills, "/training-programs", "nav.training")],
        audited: [
            AuditedKind(TrainingProgram.self, path: "/training-programs/", codes: ["kind": TrainingKind.catalogue]),
            AuditedKind(
                Partnership.self, path: "/partnerships/",
                codes: ["kind": PartnershipKind.catalogue, "status": PartnershipStatus.catalogue]),
        ],
        vocabularies: [TrainingKind.self, EnrolmentStatus.self, PartnershipKind.self, PartnershipStatus.self],
        records: [TrainingProgram.self, Partnership.self],
        forms: [TrainingForm.self, PartnershipForm.self],
        names: [.records(Partnership.self, fields: ["partnershipId"], name: \.$name, unit: \.$unitID)],
        api: TrainingAPIDocument.self,
        figures: [
            StatisticsPart(
                "training", TrainingCounts.self,
                headlines: [Headline("statistics.training.personTimes", "personTimesTotal", href: "/training-programs")]
            ) { try await TrainingService.counts(scope: $0.scope, list: $0.list, on: $0.db) }
        ])
}
