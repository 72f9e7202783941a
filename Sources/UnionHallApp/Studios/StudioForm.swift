import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The studio form. The lead is named by resident ID number, or comes from the member's page.
struct StudioForm: RecordForm {
    var name: String?
    var kind: String?
    var level: String?
    var yearNamed: String?
    var namedBy: String?
    var leadId: String?
    var leadIdNumber: String?
    var organizationId: String?
    var partnerId: String?
    var version: String?
    var _once: String?

    init(_ studio: Studio?) {
        name = studio?.name
        kind = studio?.kind.rawValue
        level = studio?.level.rawValue
        yearNamed = studio.map { String($0.yearNamed) }
        namedBy = studio?.namedBy
        leadId = studio?.leadID.uuidString
        organizationId = studio?.organizationID?.uuidString
        partnerId = studio?.partnerID?.uuidString
        version = studio.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> StudioForm {
        var form = StudioForm(nil)
        form.leadId = try? request.query.get(String.self, at: "leadId")
        form.yearNamed = String(request.today.year)
        form.namedBy = context.user.unitID.map { context.scope.tree.name(of: $0) }
        return form
    }

    func input(editing existing: Studio?, on request: Request) async throws -> StudioInput {
        var year: Int?
        if let yearNamed, !yearNamed.isEmpty {
            guard let parsed = Int(yearNamed) else { throw AppError.invalid("yearNamed", "error.invalid") }
            year = parsed
        }
        var lead = try FormValue.uuid(leadId, field: "leadId")
        if let number = leadIdNumber, !number.isEmpty {
            lead = try await MemberLookup.byIDNumber(number, field: "leadId", on: request)
        }
        return StudioInput(
            name: name ?? "", kind: kind.flatMap(StudioKind.init(rawValue:)), level: level.flatMap(HonorLevel.init(rawValue:)),
            yearNamed: year,
            namedBy: namedBy ?? "", leadId: lead,
            organizationId: existing == nil && (organizationId ?? "").isEmpty ? .keep : try .form(organizationId, field: "organizationId"),
            partnerId: try .form(partnerId, field: "partnerId"), version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: StudioForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var leadName: String?
        var kinds: [SelectOption]
        var levels: [SelectOption]
        var employers: [SelectOption]
        var partners: [SelectOption]
    }

    static func render(_ req: Request, form: StudioForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let organizations = try await context.scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(
            \.$deletedAt == nil
        ).sort(\.$name).all()
        func options(_ selected: String?) -> [SelectOption] {
            organizations.compactMap { org in
                org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == selected) }
            }
        }
        let leadName =
            try await form.leadId.flatMap(UUID.init(uuidString:)).asyncMap { try await MentorshipService.memberNames([$0], on: req.db)[$0] }
            ?? nil
        let page = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "studios.new" : "studios.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true, leadName: leadName,
            kinds: Pages.enumOptions(StudioKind.self, prefix: "studioKind", selected: form.kind, request: req),
            levels: Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: form.level, request: req),
            employers: options(form.organizationId), partners: options(form.partnerId))
        return try await Pages.render("studios/form", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
