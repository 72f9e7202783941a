import Fluent
import UnionHallCore
import UnionHallPlatform

extension MembershipStep: Vocabulary { package static let catalogue = "membershipStep" }

extension Feature {
    /// Membership: joining online, transfers, leaving and rejoining, the e-card, a member's own data,
    /// likely duplicates and merging them, and the trades vocabulary.
    static let membership = Feature(
        name: "membership",
        migrations: [CreateMembership()],
        routes: { routes in
            try routes.publicPages.register(collection: JoinPages())
            try routes.publicAPI.register(collection: ApplicationPublicAPIController())
            try routes.api.register(collection: ApplicationAPIController())
            try routes.pages.register(collection: ApplicationPages())
            try routes.api.register(collection: TransferAPIController())
            try routes.pages.register(collection: TransferPages())
            try routes.api.register(collection: MemberDataExportRoutes(pages: false))
            try routes.pages.register(collection: MemberDataExportRoutes(pages: true))
            try routes.api.register(collection: DuplicateAPIController())
            try routes.api.register(collection: MemberStatisticsRoute())
            try routes.pages.register(collection: MembershipCardPages())
            try routes.api.register(collection: MemberImportAPIController())
            try routes.pages.register(collection: MemberImportPages())
            try routes.api.register(collection: TradeRoutes(pages: false))
            try routes.pages.register(collection: TradeRoutes(pages: true))
            try routes.publicPages.register(collection: MembershipCheckRoutes(api: false))
            try routes.publicAPI.register(collection: MembershipCheckRoutes(api: true))
            try routes.pages.register(collection: DuplicatePages())
        },
        menu: [
            MenuEntry(.people, "/membership-applications", "nav.applications"),
            MenuEntry(.people, "/member-transfers", "nav.transfers"),
            MenuEntry(.people, "/members/duplicates", "nav.duplicates"),
            MenuEntry(.mine, "/me/card", "card.title", shown: { $0.memberID != nil }),
            MenuEntry(.admin, "/trades", "nav.trades", shown: { $0.role == .admin }),
        ],
        audited: [
            AuditedKind(
                MembershipApplication.self, path: "/membership-applications/",
                codes: ["status": ApplicationStatus.catalogue, "employmentForm": EmploymentForm.catalogue]),
            AuditedKind(MemberTransfer.self, path: "/member-transfers/", codes: ["status": TransferStatus.catalogue]),
            AuditedKind(Trade.self),
        ],
        vocabularies: [
            MembershipStatus.self, EmploymentForm.self, LeaveKind.self, MembershipEventKind.self, MembershipStep.self,
            ApplicationStatus.self, ApplicationStep.self, TransferStatus.self, TransferStep.self,
        ],
        workflows: [
            Workflow(MembershipApplication.self, ApplicationStep.self, input: ApplicationStepInput.self) {
                try await ApplicationService.step($0, $1, input: $2, context: $3)
            },
            Workflow(MemberTransfer.self, TransferStep.self, input: TransferStepInput.self) {
                try await TransferService.step($0, $1, input: $2, context: $3)
            },
        ],
        api: MembershipAPIDocument.self,
        todos: [
            Todo(MembershipApplication.self, "todo.applicationsWaiting") { _, _ in ApplicationFilter(status: .submitted) },
            Todo(MembershipApplication.self, "todo.applicationsOverdue") { _, _ in ApplicationFilter(overdue: true) },
            Todo(MemberTransfer.self, "todo.transfersWaiting") { _, _ in TransferFilter(status: .requested, direction: "in") },
            Todo(worker: "todo.mine.transfer", href: "/me") { memberID, db in
                try await MemberTransfer.query(on: db).filter(\.$memberID == memberID).filter(\.$status == .requested)
                    .filter(\.$deletedAt == nil).count(\.$unitID)
            },
        ])
}
