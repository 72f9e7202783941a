import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The form of a problem as raised.
struct TechProblemForm: RecordForm {
    var organizationId: String?
    var title: String?
    var description: String?
    var trade: String?
    var raisedDate: String?
    var version: String?
    var _once: String?

    init(_ problem: TechProblem?) {
        organizationId = problem?.organizationID.uuidString
        title = problem?.title
        description = problem?.description
        trade = problem?.trade
        raisedDate = problem?.raisedDate
        version = problem.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> TechProblemForm {
        var form = TechProblemForm(nil)
        form.organizationId = try? request.query.get(String.self, at: "organizationId")
        form.raisedDate = request.today.description
        return form
    }

    func input(editing existing: TechProblem?, on request: Request) async throws -> TechProblemInput {
        TechProblemInput(
            organizationId: try FormValue.uuid(organizationId, field: "organizationId"), title: title ?? "", description: description ?? "",
            trade: trade ?? "", raisedDate: raisedDate ?? "", version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: TechProblemForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var organizations: [SelectOption]
        var trades: [SelectOption]
        var action: String
        var worker: Bool
    }

    static func render(_ req: Request, form: TechProblemForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let organizations = try await context.scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(
            \.$deletedAt == nil
        ).sort(\.$name).all()
        return try await page(
            req, form: form, id: id, organizations: organizations, error: error,
            action: id.map { "/tech-problems/\($0)" } ?? "/tech-problems", worker: false)
    }

    static func page(
        _ req: Request, form: TechProblemForm, id: UUID?, organizations: [Organization], error: AppError?, action: String, worker: Bool
    ) async throws -> Response {
        let context = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "techProblems.new" : "techProblems.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            organizations: organizations.compactMap { org in
                org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == form.organizationId) }
            },
            trades: Trades.all.map { SelectOption(value: $0, label: $0, selected: $0 == form.trade) }, action: action, worker: worker)
        return try await Pages.render("techProblems/form", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}
