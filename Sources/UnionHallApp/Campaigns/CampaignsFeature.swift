import UnionHallCore
import UnionHallPlatform

extension CampaignKind: Vocabulary { package static let catalogue = "campaignKind" }

extension Feature {
    /// Campaigns (劳模工匠"助企行", "助农行") over outreach activities and technical problems.
    static let campaigns = Feature(
        name: "campaigns",
        migrations: [CreateOutreachCampaigns()],
        routes: { routes in
            try routes.pages.register(collection: CampaignPages())
        },
        menu: [MenuEntry(.craftsmen, "/outreach-campaigns", "nav.campaigns")],
        audited: [AuditedKind(OutreachCampaign.self, path: "/outreach-campaigns/", codes: ["kind": CampaignKind.catalogue])],
        vocabularies: [CampaignKind.self],
        records: [OutreachCampaign.self],
        forms: [OutreachCampaignForm.self],
        names: [.records(OutreachCampaign.self, fields: ["outreachCampaignId"], name: \.$name, unit: \.$unitID)],
        api: CampaignsAPIDocument.self,
        figures: [
            StatisticsPart(
                "campaigns", OutreachCampaignStatistics.self,
                headlines: [Headline("statistics.campaigns.campaigns", "campaigns", href: "/outreach-campaigns")]
            ) { try await Campaigns.statistics($0) }
        ])
}
