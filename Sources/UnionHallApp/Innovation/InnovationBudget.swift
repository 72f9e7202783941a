import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A union's yearly budget for innovation subsidies (创新补助资金). `spentFen` rises only through a
/// conditional update that keeps it within `amountFen`, so two officers paying at once cannot
/// overspend it.
final class InnovationBudget: Model, @unchecked Sendable {
    static let schema = "innovation_budgets"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "spent_fen") var spentFen: Int64
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A subsidy paid against an adopted item, from a budget.
final class SubsidyGrant: Model, @unchecked Sendable {
    static let schema = "subsidy_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "budget_id") var budgetID: UUID
    @Field(key: "item_id") var itemID: UUID
    /// The item's unit.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "paid_date") var paidDate: String
    @Field(key: "paid_by") var paidBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension InnovationBudget: Audited, Versioned {
    static let auditEntity = "innovationBudget"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] { ["year": String(year), "amountFen": String(amountFen), "spentFen": String(spentFen)] }
}

extension SubsidyGrant: Audited {
    static let auditEntity = "subsidyGrant"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        ["budgetId": budgetID.uuidString, "itemId": itemID.uuidString, "amountFen": String(amountFen), "paidDate": paidDate]
    }
}
