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
    var outreachCampaignId: String?
    var version: String?
    var _once: String?

    init(_ problem: TechProblem?) {
        organizationId = problem?.organizationID.uuidString
        title = problem?.title
        description = problem?.description
        trade = problem?.trade
        raisedDate = problem?.raisedDate
        outreachCampaignId = problem?.campaignID?.uuidString
        version = problem.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> TechProblemForm {
        var form = TechProblemForm(nil)
        form.organizationId = try? request.query.get(String.self, at: "organizationId")
        form.raisedDate = request.today.description
        form.outreachCampaignId = try? request.query.get(String.self, at: "outreachCampaignId")
        return form
    }

    func input(editing existing: TechProblem?, on request: Request) async throws -> TechProblemInput {
        TechProblemInput(
            organizationId: try FormValue.uuid(organizationId, field: "organizationId"), title: title ?? "", description: description ?? "",
            trade: trade ?? "", raisedDate: raisedDate ?? "",
            outreachCampaignId: outreachCampaignId == nil ? .keep : try .form(outreachCampaignId, field: "outreachCampaignId"),
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: TechProblemForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let organizations = try await context.scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(
            \.$deletedAt == nil
        ).sort(\.$name).all()
        return try await page(
            req, form: form, id: id, organizations: organizations, error: error,
            action: id.map { "/tech-problems/\($0)" } ?? "/tech-problems", worker: false,
            campaigns: try await PageOptions.campaigns(context: context, selected: form.outreachCampaignId, on: req.db))
    }

    /// The officer's form, or a worker's (`worker`: their employer is theirs, not chosen).
    static func page(
        _ req: Request, form: TechProblemForm, id: UUID?, organizations: [Organization], error: AppError?, action: String, worker: Bool,
        campaigns: [SelectOption] = []
    ) async throws -> Response {
        let fields = FormFields(req, error: error)
        let employer = fields.select(
            "organizationId", "techProblems.raisedBy",
            organizations.compactMap { org in
                org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == form.organizationId) }
            }, empty: "form.choose", required: true)
        return try await fields.page(
            titleKey: id == nil ? "techProblems.new" : "techProblems.edit", path: "/tech-problems", id: id, version: form.version,
            once: form._once, action: action, cancel: worker ? "/me" : nil, notes: worker ? [req.t("techProblems.workerHint")] : [],
            fields: (worker ? [] : [employer]) + [
                fields.input("title", "techProblems.problem", form.title, required: true, ["maxlength": "100"]),
                fields.textarea(
                    "description", "techProblems.description", form.description, required: true, ["rows": "4", "maxlength": "2000"]),
                fields.select(
                    "trade", "field.trade", try await TradeBook.load(on: req.db).options(selected: form.trade),
                    empty: "form.none"),
                fields.input("raisedDate", "techProblems.raisedDate", form.raisedDate, type: "date"),
            ] + (worker ? [] : [fields.select("outreachCampaignId", "field.outreachCampaignId", campaigns, empty: "form.none")]))
    }

}
