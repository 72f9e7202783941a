import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The organization form's fields as typed.
struct OrganizationForm: RecordForm {
    var name: String?
    var kind: String?
    var sector: String?
    var creditCode: String?
    var headcount: String?
    var unitId: String?
    var version: String?
    var _once: String?

    init(_ organization: Organization?) {
        name = organization?.name
        kind = organization?.kind.rawValue
        sector = organization?.sector?.rawValue
        creditCode = organization?.creditCode
        headcount = organization?.headcount.map(String.init)
        unitId = organization?.unitID.uuidString
        version = organization.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> OrganizationForm {
        var form = OrganizationForm(nil)
        form.unitId = (try? request.query.get(String.self, at: "unitId")) ?? context.user.unitID?.uuidString
        form.kind = OrganizationKind.employer.rawValue
        return form
    }

    func input(editing existing: Organization?, on request: Request) async throws -> OrganizationInput {
        OrganizationInput(
            name: name ?? "", kind: kind.flatMap(OrganizationKind.init(rawValue:)), creditCode: creditCode ?? "",
            headcount: try FormValue.integer(headcount, field: "headcount"), sector: sector.flatMap(IndustrySector.init(rawValue:)),
            unitId: try FormValue.uuid(unitId, field: "unitId"),
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: OrganizationForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response
    {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "organizations.new" : "organizations.edit", path: "/organizations", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "100"]),
                fields.select(
                    "kind", "field.kind", Pages.enumOptions(OrganizationKind.self, prefix: "orgKind", selected: form.kind, request: req),
                    required: true),
                fields.input(
                    "creditCode", "field.creditCode", form.creditCode, hint: "organizations.codeHint",
                    ["maxlength": "18", "class": "mono", "autocomplete": "off"]),
                fields.input(
                    "headcount", "field.headcount", form.headcount, type: "number", hint: "organizations.headcountHint", ["min": "0"]),
                fields.select(
                    "sector", "field.sector",
                    Pages.enumOptions(IndustrySector.self, prefix: IndustrySector.catalogue, selected: form.sector, request: req),
                    empty: "form.none"),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
                    empty: "form.choose", required: true),
            ])
    }
}
