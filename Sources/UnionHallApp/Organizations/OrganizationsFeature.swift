import UnionHallCore
import UnionHallPlatform

extension OrganizationKind: Vocabulary { package static let catalogue = "orgKind" }
extension IndustrySector: Vocabulary { package static let catalogue = "sector" }

extension Feature {
    /// Employers, colleges, courts and the other organisations records name.
    static let organizations = Feature(
        name: "organizations",
        migrations: [CreateOrganization(), AddOrganizationSector()],
        routes: { routes in
            try routes.pages.register(collection: OrganizationPages())
        },
        menu: [MenuEntry(.people, "/organizations", "nav.organizations", rank: 1)],
        audited: [
            AuditedKind(
                Organization.self, path: "/organizations/",
                codes: ["kind": OrganizationKind.catalogue, "sector": IndustrySector.catalogue])
        ],
        vocabularies: [OrganizationKind.self, IndustrySector.self],
        records: [Organization.self],
        forms: [OrganizationForm.self],
        names: [
            .records(Organization.self, fields: ["organizationId", "employerId", "partnerId", "collegeId", "courtId"], name: \.$name)
        ],
        api: OrganizationsAPIDocument.self)
}
