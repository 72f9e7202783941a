import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The union unit form's fields as typed.
struct UnitForm: RecordForm {
    var name: String?
    var kind: String?
    var parentId: String?
    var version: String?
    var _once: String?

    init(_ unit: UnionUnit?) {
        name = unit?.name
        kind = unit?.kind.rawValue
        parentId = unit?.parentID?.uuidString
        version = unit.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> UnitForm {
        var form = UnitForm(nil)
        form.parentId = (try? request.query.get(String.self, at: "parentId")) ?? context.user.unitID?.uuidString
        return form
    }

    func input(editing existing: UnionUnit?, on request: Request) async throws -> UnitInput {
        UnitInput(
            name: name ?? "", kind: kind.flatMap(UnitKind.init(rawValue:)), parentId: try FormValue.uuid(parentId, field: "parentId"),
            version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: UnitForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var kinds: [SelectOption]
        var parents: [SelectOption]
        var allowsTopLevel: Bool
    }

    static func render(_ req: Request, form: UnitForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        // A unit cannot be placed under itself or its descendants, so those are not offered.
        let excluded = Set((id.map { context.scope.tree.subtree(of: $0) } ?? []).map(\.uuidString))
        let page = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "units.new" : "units.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            kinds: Pages.enumOptions(UnitKind.self, prefix: "unitKind", selected: form.kind, request: req),
            parents: Pages.unitOptions(context.scope, selected: form.parentId.flatMap(UUID.init(uuidString:)), request: req)
                .filter { !excluded.contains($0.value) },
            allowsTopLevel: context.user.role == .admin)
        return try await Pages.render("units/form", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
