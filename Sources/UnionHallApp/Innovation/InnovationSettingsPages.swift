import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The import page, the scoring weights (set by the admin) and the yearly subsidy budgets.
struct InnovationSettingsPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("innovation-items", "import", use: importForm)
        routes.upload("innovation-items", "import", maxSize: InnovationAPIController.importBodyLimit, use: importFile)
        routes.get("innovation-items", "template", use: template)
        routes.get("innovation-weights", use: weights)
        routes.post("innovation-weights", use: setWeights)
        routes.get("innovation-budgets", use: budgets)
        routes.post("innovation-budgets", use: setBudget)
    }

    // MARK: Import

    static let importPage = ImportPage(
        titleKey: "innovation.import", hintKey: "innovation.importHint", columns: InnovationImport.Column.allCases.map(\.header),
        action: "/innovation-items/import", template: "/innovation-items/template", back: "/innovation-items")

    @Sendable func importForm(req: Request) async throws -> Response {
        _ = try await req.writeContext()
        return try await Self.importPage.render(req, error: nil, failure: nil)
    }

    @Sendable func importFile(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        return try await Self.importPage.upload(req, done: "/innovation-items") {
            try await InnovationAPIController.runImport(context: context, request: req)
        }
    }

    @Sendable func template(req: Request) async throws -> Response {
        _ = try await req.writeContext()
        return try InnovationImport.template(req)
    }

    // MARK: Weights

    struct WeightsContext: Encodable {
        var layout: Layout
        var rows: [WeightRow]
        var editable: Bool
        var error: FormError?
    }

    struct WeightRow: Encodable {
        var kind: String
        var label: String
        var innovation: Int
        var feasibility: Int
        var benefit: Int
    }

    static func renderWeights(_ req: Request, error: AppError?, typed: WeightsForm? = nil) async throws -> Response {
        let user = try req.requireRole(.admin, .officer, .reviewer)
        let rows = try await InnovationReviews.allWeights(on: req.db).map { stored in
            // The kind that was refused shows what was typed, not what is stored.
            let form = typed?.kind == stored.kind.rawValue ? typed : nil
            return WeightRow(
                kind: stored.kind.rawValue, label: req.t("innovationKind.\(stored.kind.rawValue)"),
                innovation: form?.innovation.flatMap { Int($0) } ?? stored.innovation,
                feasibility: form?.feasibility.flatMap { Int($0) } ?? stored.feasibility,
                benefit: form?.benefit.flatMap { Int($0) } ?? stored.benefit)
        }
        return try await Pages.render(
            "innovation/weights",
            WeightsContext(
                layout: Pages.layout(req, titleKey: "innovation.weights"), rows: rows,
                editable: user.role == .admin, error: error.map { Pages.formError($0, on: req) }),
            status: error.map { $0.status } ?? .ok, on: req)
    }

    @Sendable func weights(req: Request) async throws -> Response {
        try await Self.renderWeights(req, error: nil)
    }

    struct WeightsForm: Content {
        var kind: String?
        var innovation: String?
        var feasibility: String?
        var benefit: String?
    }

    @Sendable func setWeights(req: Request) async throws -> Response {
        _ = try req.requireRole(.admin)
        let form = try req.content.decode(WeightsForm.self)
        return try await Pages.act(
            req, redirect: "/innovation-weights",
            change: {
                let input = WeightsInput(
                    kind: form.kind.flatMap(InnovationKind.init(rawValue:)), innovation: form.innovation.flatMap { Int($0) },
                    feasibility: form.feasibility.flatMap { Int($0) }, benefit: form.benefit.flatMap { Int($0) })
                try await InnovationReviews.setWeights(input, editor: try req.editor(), app: req.application)
            }, rerender: { try await Self.renderWeights(req, error: $0, typed: form) })
    }

    // MARK: Budgets

    struct BudgetRow: Encodable {
        var unit: String
        var year: Int
        var amount: String
        var spent: String
        var remaining: String
        var percent: Int
    }

    struct BudgetsContext: Encodable {
        var layout: Layout
        var rows: [BudgetRow]
        var units: [SelectOption]
        var year: String
        var amount: String
        var error: FormError?
    }

    static func renderBudgets(_ req: Request, error: AppError?, typed: BudgetForm? = nil) async throws -> Response {
        let (user, scope) = try await req.requireManager()
        let rows = try await InnovationSubsidies.budgets(scope: scope, year: nil, on: req.db).map {
            BudgetRow(
                unit: scope.tree.name(of: $0.unitID), year: $0.year, amount: Fen($0.amountFen).description,
                spent: Fen($0.spentFen).description,
                remaining: Fen($0.amountFen - $0.spentFen).description,
                percent: $0.amountFen == 0 ? 0 : Int($0.spentFen * 100 / $0.amountFen))
        }
        let context = BudgetsContext(
            layout: Pages.layout(req, titleKey: "innovation.budgets"), rows: rows,
            units: Pages.unitOptions(scope, selected: typed?.unitId.flatMap(UUID.init(uuidString:)) ?? user.unitID, request: req),
            year: typed?.year ?? String(req.today.year), amount: typed?.amount ?? "",
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("innovation/budgets", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    @Sendable func budgets(req: Request) async throws -> Response {
        try await Self.renderBudgets(req, error: nil)
    }

    struct BudgetForm: Content {
        var unitId: String?
        var year: String?
        var amount: String?
    }

    @Sendable func setBudget(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let form = try req.content.decode(BudgetForm.self)
        return try await Pages.act(
            req, redirect: "/innovation-budgets",
            change: {
                guard let amount = try FormValue.fen(form.amount, field: "amountFen") else {
                    throw AppError.invalid("amountFen", "error.required")
                }
                _ = try await InnovationSubsidies.setBudget(
                    BudgetInput(
                        unitId: try FormValue.uuid(form.unitId, field: "unitId"), year: form.year.flatMap { Int($0) }, amountFen: amount),
                    context: context)
            }, rerender: { try await Self.renderBudgets(req, error: $0, typed: form) })
    }
}
