import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The module's figures for a subtree and a period, each counted from the records.
struct InnovationStatistics: Content {
    struct Count: Content {
        var key: String
        var count: Int
    }

    struct AwardCount: Content {
        var level: InnovationAwardLevel
        var grade: InnovationAwardGrade
        var count: Int
    }

    /// Items submitted in the period, by kind, and by 五小 sub-kind.
    var byKind: [Count]
    var bySubKind: [Count]
    /// Items submitted in the period, by where they stand now.
    var byStatus: [Count]
    var submitted: Int
    /// Decisions taken in the period.
    var adopted: Int
    var rejected: Int
    /// Adopted share of the decisions, in percent with one decimal (per mille / 10).
    var adoptionPerMille: Int?
    /// Yearly benefit of the items assessed in the period.
    var benefitFen: Int64
    var awards: [AwardCount]
    var patents: [Count]
    var subsidiesPaidFen: Int64
    var budgetFen: Int64

    static func compute(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> InnovationStatistics {
        let sql = try db.sql()
        let (from, to) = try list.datePeriod()
        let units = try scope.unitIDs(within: list.unitId)

        let items = InnovationItem.schema
        func select(_ table: String, dated column: String, live: Bool = true) throws -> SQLSelectBuilder {
            try list.select(table, scope: scope, dated: column, live: live, on: db)
        }
        func counts(_ groups: [Tally], at position: Int) -> [Count] {
            Dictionary(groups.map { ($0.keys[position], $0.count) }, uniquingKeysWith: +).map { Count(key: $0.key, count: $0.value) }
        }
        let submitted = try await select(items, dated: "submitted_date").tallies(by: ["kind", "sub_kind", "status"])
        let byKind = counts(submitted, at: 0)
        let bySubKind = counts(submitted, at: 1)
        let byStatus = counts(submitted, at: 2)
        let decisions = counts(try await select(items, dated: "decision_date").tallies(by: ["status"]), at: 0)
        let adopted = decisions.filter { InnovationStatus(rawValue: $0.key)?.isAdopted == true }.reduce(0) { $0 + $1.count }
        let rejected = decisions.first { $0.key == InnovationStatus.rejected.rawValue }?.count ?? 0
        let benefit = try await select(items, dated: "assessed_date").tallies(sums: ["benefit_fen"]).sum()

        // Awards count by their year; the period's years bound them.
        let awards = InnovationAward.schema
        let awardSelect = sql.select().from(awards)
            .join(items, on: SQLColumn("id", table: items), .equal, SQLColumn("item_id", table: awards))
            .where(SQLColumn("deleted_at", table: items), .is, SQLLiteral.null)
        if let units { awardSelect.where(SQLColumn("unit_id", table: awards), .in, SQLBind.group(Array(units))) }
        if let year = from.flatMap({ Int($0.prefix(4)) }) {
            awardSelect.where(SQLColumn("year", table: awards), .greaterThanOrEqual, SQLBind(year))
        }
        if let year = to.flatMap({ Int($0.prefix(4)) }) {
            awardSelect.where(SQLColumn("year", table: awards), .lessThanOrEqual, SQLBind(year))
        }
        let awardCounts = try await awardSelect.tallies(by: ["\(awards).level", "\(awards).grade"]).compactMap { row -> AwardCount? in
            guard let level = InnovationAwardLevel(rawValue: row.keys[0]), let grade = InnovationAwardGrade(rawValue: row.keys[1]) else {
                return nil
            }
            return AwardCount(level: level, grade: grade, count: row.count)
        }.sorted { ($0.level.rank, $0.grade.rank) < ($1.level.rank, $1.grade.rank) }

        let patents = counts(try await select(Patent.schema, dated: "date").tallies(by: ["kind"]), at: 0)
        let paid = try await select(SubsidyGrant.schema, dated: "paid_date", live: false).tallies(sums: ["amount_fen"]).sum()
        let budgetSelect = sql.select().from(InnovationBudget.schema).scoped(to: units, table: InnovationBudget.schema)
        if let year = from.flatMap({ Int($0.prefix(4)) }) { budgetSelect.where("year", .greaterThanOrEqual, SQLBind(year)) }
        if let year = to.flatMap({ Int($0.prefix(4)) }) { budgetSelect.where("year", .lessThanOrEqual, SQLBind(year)) }
        let budget = try await budgetSelect.tallies(sums: ["amount_fen"]).sum()

        func ordered<E: RawRepresentable & CaseIterable>(_ counts: [Count], _ type: E.Type) -> [Count] where E.RawValue == String {
            E.allCases.map { value in Count(key: value.rawValue, count: counts.first { $0.key == value.rawValue }?.count ?? 0) }
        }
        let decided = adopted + rejected
        return InnovationStatistics(
            byKind: ordered(byKind, InnovationKind.self), bySubKind: ordered(bySubKind, FiveSmallKind.self),
            byStatus: ordered(byStatus, InnovationStatus.self),
            submitted: byKind.reduce(0) { $0 + $1.count }, adopted: adopted, rejected: rejected,
            adoptionPerMille: decided == 0 ? nil : (adopted * 1_000 + decided / 2) / decided,
            benefitFen: benefit, awards: awardCounts, patents: ordered(patents, PatentKind.self), subsidiesPaidFen: paid, budgetFen: budget)
    }
}

extension InnovationAwardLevel {
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension InnovationAwardGrade {
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
