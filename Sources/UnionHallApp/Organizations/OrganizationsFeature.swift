import UnionHallCore
import UnionHallPlatform

extension OrganizationKind: Vocabulary { package static let catalogue = "orgKind" }

extension Feature {
    /// Employers, colleges, courts and the other organisations records name.
    static let organizations = Feature(
        name: "organizations",
        migrations: [CreateOrganization()],
        routes: { routes in
            try routes.pages.register(collection: OrganizationPages())
        },
        menu: [MenuEntry(.people, "/organizations", "nav.organizations", rank: 1)],
        audited: [AuditedKind(Organization.self, path: "/organizations/", codes: ["kind": OrganizationKind.catalogue])],
        vocabularies: [OrganizationKind.self],
        records: [Organization.self],
        forms: [OrganizationForm.self],
        names: [
            .records(Organization.self, fields: ["organizationId", "employerId", "partnerId", "collegeId", "courtId"], name: \.$name)
        ],
        api: OrganizationsAPIDocument.self)
}
