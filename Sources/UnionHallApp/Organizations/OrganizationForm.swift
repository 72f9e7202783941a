import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The organization form's fields as typed.
struct OrganizationForm: RecordForm {
    var name: String?
    var kind: String?
    var creditCode: String?
    var unitId: String?
    var version: String?
    var _once: String?

    init(_ organization: Organization?) {
        name = organization?.name
        kind = organization?.kind.rawValue
        creditCode = organization?.creditCode
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
            unitId: try FormValue.uuid(unitId, field: "unitId"), version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: OrganizationForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var kinds: [SelectOption]
        var units: [SelectOption]
    }

    static func render(_ req: Request, form: OrganizationForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response
    {
        let page = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "organizations.new" : "organizations.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            kinds: Pages.enumOptions(OrganizationKind.self, prefix: "orgKind", selected: form.kind, request: req),
            units: Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req))
        return try await Pages.render("organizations/form", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
