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
    var headId: String?
    var headIdNumber: String?
    var organizationId: String?
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
        headId = studio?.headID?.uuidString
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
        // The head is named by ID number; "-" takes the head off (the lead runs the studio).
        var head = LinkChange.keep
        if let number = headIdNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            head = number == "-" ? .clear : LinkChange(try await MemberLookup.byIDNumber(number, field: "headId", on: request))
        }
        return StudioInput(
            name: name ?? "", kind: kind.flatMap(StudioKind.init(rawValue:)), level: level.flatMap(HonorLevel.init(rawValue:)),
            yearNamed: year,
            namedBy: namedBy ?? "", leadId: lead, headId: head,
            organizationId: existing == nil && (organizationId ?? "").isEmpty ? .keep : try .form(organizationId, field: "organizationId"),
            version: version.flatMap { Int($0) })
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
        let people = try await MentorshipService.memberNames(
            [form.leadId, form.headId].compactMap { $0.flatMap(UUID.init(uuidString:)) }, on: req.db)
        let leadName = form.leadId.flatMap(UUID.init(uuidString:)).flatMap { people[$0] }
        let headName = form.headId.flatMap(UUID.init(uuidString:)).flatMap { people[$0] }
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "studios.new" : "studios.edit", path: "/studios", id: id, version: form.version, once: form._once,
            hidden: ["leadId": leadName == nil ? nil : form.leadId],
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "60"]),
                fields.select(
                    "kind", "field.kind", Pages.enumOptions(StudioKind.self, prefix: "studioKind", selected: form.kind, request: req),
                    empty: "form.choose", required: true),
                fields.select(
                    "level", "field.level", Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: form.level, request: req),
                    empty: "form.choose", required: true),
                fields.input("yearNamed", "studios.yearNamed", form.yearNamed, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input("namedBy", "studios.namedBy", form.namedBy, required: true, ["maxlength": "60"]),
                fields.input(
                    "leadIdNumber", "studios.lead", nil, required: true, note: leadName, errors: ["leadId"],
                    [
                        "maxlength": "18", "class": "mono", "autocomplete": "off",
                        "placeholder": req.t(leadName == nil ? "mentorship.byID" : "mentorship.changeByID"),
                    ]),
                fields.input(
                    "headIdNumber", "studios.head", nil, hint: "studios.headHint", note: headName, errors: ["headId"],
                    ["maxlength": "18", "class": "mono", "autocomplete": "off"]),
                fields.select("organizationId", "field.organizationId", options(form.organizationId), empty: "studios.leadsEmployer"),
            ])
    }
}
