import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The plan of an activity. Leaders are named by resident ID numbers, one per line (or come from
/// a member's page); the studio and partner are chosen from lists.
struct OutreachForm: RecordForm {
    var title: String?
    var kind: String?
    var plannedDate: String?
    var place: String?
    var audience: String?
    var unitId: String?
    var studioId: String?
    var partnerId: String?
    var outreachCampaignId: String?
    var leaderId: String?
    var leaderIdNumbers: String?
    var version: String?
    var _once: String?

    init(_ activity: OutreachActivity?) {
        title = activity?.title
        kind = activity?.kind.rawValue
        plannedDate = activity?.plannedDate
        place = activity?.place
        audience = activity?.audience
        unitId = activity?.unitID.uuidString
        studioId = activity?.studioID?.uuidString
        partnerId = activity?.partnerID?.uuidString
        outreachCampaignId = activity?.campaignID?.uuidString
        version = activity.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> OutreachForm {
        var form = OutreachForm(nil)
        form.leaderId = try? request.query.get(String.self, at: "leaderId")
        form.studioId = try? request.query.get(String.self, at: "studioId")
        form.outreachCampaignId = try? request.query.get(String.self, at: "outreachCampaignId")
        form.kind = (try? request.query.get(String.self, at: "kind")) ?? OutreachKind.schools.rawValue
        form.unitId = context.user.unitID?.uuidString
        form.plannedDate = request.today.description
        return form
    }

    func input(editing existing: OutreachActivity?, on request: Request) async throws -> OutreachInput {
        var leaders: [UUID]?
        let numbers = (leaderIdNumbers ?? "").split(whereSeparator: { $0.isNewline || $0 == "," || $0 == "，" || $0 == " " }).map(
            String.init)
        if !numbers.isEmpty || leaderId != nil {
            var ids: [UUID] = try FormValue.uuid(leaderId, field: "leaderIds").map { [$0] } ?? []
            for number in numbers {
                if let id = try await MemberLookup.byIDNumber(number, field: "leaderIds", on: request) { ids.append(id) }
            }
            leaders = ids
        }
        return OutreachInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), title: title ?? "", kind: kind.flatMap(OutreachKind.init(rawValue:)),
            plannedDate: plannedDate ?? "", place: place ?? "", partnerId: try .form(partnerId, field: "partnerId"),
            studioId: try .form(studioId, field: "studioId"),
            outreachCampaignId: try .form(outreachCampaignId, field: "outreachCampaignId"), audience: audience ?? "", leaderIds: leaders,
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: OutreachForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let scope = context.scope
        let studios = try await scope.apply(to: Studio.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name)
            .all()
        let partners = try await scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(
            \.$name
        ).all()
        var current = ""
        if let id {
            let links = try await OutreachLeader.query(on: req.db).filter(\.$activityID == id).all(\.$memberID)
            current = try await MentorshipService.memberNames(links, on: req.db).values.sorted().joined(separator: "、")
        }
        let leaderName =
            try await form.leaderId.flatMap(UUID.init(uuidString:)).asyncMap {
                try await MentorshipService.memberNames([$0], on: req.db)[$0]
            } ?? nil
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "outreach.new" : "outreach.edit", path: "/outreach-activities", id: id, version: form.version,
            once: form._once, hidden: ["leaderId": leaderName == nil ? nil : form.leaderId],
            fields: [
                fields.input("title", "outreach.activity", form.title, required: true, ["maxlength": "100"]),
                fields.select(
                    "kind", "field.kind", Pages.enumOptions(OutreachKind.self, prefix: "outreachKind", selected: form.kind, request: req),
                    required: true),
                fields.input("plannedDate", "outreach.plannedDate", form.plannedDate, type: "date", required: true),
                fields.input("place", "outreach.place", form.place, required: true, ["maxlength": "100"]),
                fields.input("audience", "outreach.audience", form.audience, ["maxlength": "200"]),
                fields.textarea(
                    "leaderIdNumbers", "outreach.leaders", form.leaderIdNumbers,
                    note: [current, leaderName ?? ""].filter { !$0.isEmpty }.joined(separator: "、").nilIfEmpty, errors: ["leaderIds"],
                    ["rows": "2", "class": "mono", "placeholder": req.t("outreach.leadersHint")]),
                fields.select(
                    "unitId", "outreach.organizer",
                    Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.select(
                    "studioId", "nav.studios",
                    studios.compactMap { studio in
                        studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: $0.uuidString == form.studioId) }
                    }, empty: "form.none"),
                fields.select(
                    "partnerId", "outreach.partner",
                    partners.compactMap { org in
                        org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == form.partnerId) }
                    }, empty: "form.none"),
                fields.select(
                    "outreachCampaignId", "field.outreachCampaignId",
                    try await PageOptions.campaigns(context: context, selected: form.outreachCampaignId, on: req.db), empty: "form.none"),
            ])
    }
}
