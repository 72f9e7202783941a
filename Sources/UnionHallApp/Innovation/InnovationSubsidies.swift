import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Yearly subsidy budgets and the grants paid from them against adopted items.
enum InnovationSubsidies {
    static func output(_ budget: InnovationBudget) throws -> BudgetOutput {
        BudgetOutput(
            id: try budget.requireID(), unitId: budget.unitID, year: budget.year, amountFen: budget.amountFen, spentFen: budget.spentFen,
            remainingFen: budget.amountFen - budget.spentFen, version: budget.version, createdAt: budget.createdAt,
            updatedAt: budget.updatedAt)
    }

    static func budgets(scope: UnitScope, year: Int?, on db: any Database) async throws -> [InnovationBudget] {
        let query = try scope.apply(to: InnovationBudget.query(on: db), unitKey: \.$unitID)
        if let year { query.filter(\.$year == year) }
        return try await query.sort(\.$year, .descending).all()
    }

    /// Sets a unit's budget for a year; it cannot go below what has been paid from it.
    static func setBudget(_ input: BudgetInput, context: WriteContext) async throws -> InnovationBudget {
        let unitID = try Held.unit(input.unitId, context: context)
        guard let year = input.year else { throw AppError.invalid("year", "error.required") }
        let currentYear = CivilDate(context.editor.at).year
        guard (2000...(currentYear + 1)).contains(year) else {
            throw AppError.invalid("year", "error.honor.year", ["2000", String(currentYear + 1)])
        }
        guard let amount = input.amountFen else { throw AppError.invalid("amountFen", "error.required") }
        guard amount > 0 else { throw AppError.invalid("amountFen", "error.amount.positive") }
        let editor = context.editor
        return try await context.app.write { db in
            let budget =
                try await InnovationBudget.query(on: db).filter(\.$unitID == unitID).filter(\.$year == year).first() ?? InnovationBudget()
            let before = budget.id == nil ? nil : budget.auditSnapshot()
            if budget.id == nil {
                budget.unitID = unitID
                budget.year = year
                budget.spentFen = 0
                budget.version = 1
            } else {
                guard amount >= budget.spentFen else {
                    throw AppError.invalid("amountFen", "error.innovation.budgetBelowSpent", [Fen(budget.spentFen).description])
                }
                budget.version += 1
            }
            budget.amountFen = amount
            try await budget.save(on: db)
            try await Audit.record(before == nil ? .create : .update, budget, before: before, by: editor, on: db)
            return budget
        }
    }

    /// The budget a grant comes from: the one named, or the nearest union above the item with a
    /// budget for the year paid.
    static func budget(for item: InnovationItem, input: SubsidyInput, year: Int, context: WriteContext) async throws -> InnovationBudget {
        let db = context.app.db
        if let id = input.budgetId {
            guard let budget = try await InnovationBudget.find(id, on: db), context.scope.contains(budget.unitID) else {
                throw AppError.invalid("budgetId", "error.innovation.noBudget")
            }
            guard context.scope.tree.ancestry(of: item.unitID).contains(budget.unitID) else {
                throw AppError.invalid("budgetId", "error.innovation.budgetNotAbove")
            }
            guard budget.year == year else { throw AppError.invalid("paidDate", "error.innovation.budgetYear", [String(budget.year)]) }
            return budget
        }
        let chain = context.scope.tree.ancestry(of: item.unitID)
        let budgets = try await InnovationBudget.query(on: db).filter(\.$unitID ~~ chain).filter(\.$year == year).all()
        guard let nearest = chain.lazy.compactMap({ unit in budgets.first { $0.unitID == unit } }).first,
            context.scope.contains(nearest.unitID)
        else {
            throw AppError.invalid("paidDate", "error.innovation.noBudget", [String(year)])
        }
        return nearest
    }

    static func pay(_ item: InnovationItem, input: SubsidyInput, context: WriteContext) async throws -> SubsidyGrant {
        let today = CivilDate(context.editor.at)
        var paid = today
        if let text = input.paidDate, !text.isEmpty {
            guard let parsed = CivilDate(text) else { throw AppError.invalid("paidDate", "error.date.invalid") }
            guard parsed <= today else { throw AppError.invalid("paidDate", "error.date.future") }
            paid = parsed
        }
        guard item.status.isAdopted else { throw AppError.conflict("status", "error.innovation.subsidyBeforeAdoption") }
        let budget = try await budget(for: item, input: input, year: paid.year, context: context)
        if let issue = SubsidyRules.check(
            amountFen: input.amountFen, spentFen: budget.spentFen, budgetFen: budget.amountFen, status: item.status)
        {
            throw issue.field == "status" ? AppError(status: .conflict, key: issue.key, field: issue.field) : AppError.invalid(issue)
        }
        if let decided = item.decisionDate, paid.description < decided { throw AppError.invalid("paidDate", "error.date.order") }
        let amount = input.amountFen ?? 0
        let grant = SubsidyGrant()
        grant.budgetID = try budget.requireID()
        grant.itemID = try item.requireID()
        grant.unitID = item.unitID
        grant.amountFen = amount
        grant.paidDate = paid.description
        grant.paidBy = try context.user.requireID()
        let editor = context.editor
        try await context.app.write { db in
            // The budget moves only if it stays within its amount: a race cannot overspend it.
            guard
                try await Counters.add(
                    amount, to: "spent_fen", within: "amount_fen", of: InnovationBudget.schema, id: grant.budgetID, on: db)
            else {
                let fresh = try await InnovationBudget.find(grant.budgetID, on: db)
                throw AppError.invalid(
                    "amountFen", "error.innovation.overBudget", [Fen(max((fresh?.amountFen ?? 0) - (fresh?.spentFen ?? 0), 0)).description])
            }
            try await grant.create(on: db)
            try await Audit.record(.create, grant, by: editor, on: db)
        }
        return grant
    }

    static func grants(of item: InnovationItem, on db: any Database) async throws -> [SubsidyOutput] {
        try await SubsidyGrant.query(on: db).filter(\.$itemID == item.requireID()).sort(\.$paidDate).all().map(SubsidyOutput.init)
    }
}
