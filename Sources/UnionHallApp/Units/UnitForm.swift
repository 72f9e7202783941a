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

    static func render(_ req: Request, form: UnitForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        // A unit cannot be placed under itself or its descendants, so those are not offered.
        let excluded = Set((id.map { context.scope.tree.subtree(of: $0) } ?? []).map(\.uuidString))
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "units.new" : "units.edit", path: "/units", id: id, version: form.version, once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "60"]),
                fields.select(
                    "kind", "field.kind", Pages.enumOptions(UnitKind.self, prefix: "unitKind", selected: form.kind, request: req),
                    empty: "form.choose", required: true),
                fields.select(
                    "parentId", "field.parentId",
                    Pages.unitOptions(context.scope, selected: form.parentId.flatMap(UUID.init(uuidString:)), request: req)
                        .filter { !excluded.contains($0.value) },
                    empty: context.user.role == .admin ? "units.topLevel" : nil),
            ])
    }
}
