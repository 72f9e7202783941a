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
        guard let sql = db as? any SQLDatabase else { throw AppError(status: .internalServerError, key: "error.internal") }
        let (from, to) = try list.datePeriod()
        let units = try scope.unitIDs(within: list.unitId)

        func scoped(_ select: SQLSelectBuilder, dateColumn: String?, table: String) -> SQLSelectBuilder {
            select.scoped(to: units, table: table, dateColumn: dateColumn, from: from, to: to)
        }
        struct KeyCount: Decodable {
            let key: String?
            let n: Int
        }
        struct TwoKeys: Decodable {
            let a: String
            let b: String
            let n: Int
        }
        struct Sum: Decodable { let total: Int64? }

        func grouped(_ column: String, table: String, dateColumn: String?, softDeleted: Bool = true) async throws -> [Count] {
            let select = sql.select().column(SQLColumn(column, table: table), as: "key").column(SQLTotals.count, as: "n").from(table)
            if softDeleted { select.where(SQLColumn("deleted_at", table: table), .is, SQLLiteral.null) }
            return try await scoped(select, dateColumn: dateColumn, table: table).groupBy(SQLColumn(column, table: table)).all(
                decoding: KeyCount.self
            )
            .compactMap { row in row.key.map { Count(key: $0, count: row.n) } }
        }

        let items = InnovationItem.schema
        func total(_ column: String) -> any SQLExpression { SQLTotals.sum(column) }
        let byKind = try await grouped("kind", table: items, dateColumn: "submitted_date")
        let bySubKind = try await grouped("sub_kind", table: items, dateColumn: "submitted_date")
        let byStatus = try await grouped("status", table: items, dateColumn: "submitted_date")
        let decisions = try await grouped("status", table: items, dateColumn: "decision_date")
        let adopted = decisions.filter { InnovationStatus(rawValue: $0.key)?.isAdopted == true }.reduce(0) { $0 + $1.count }
        let rejected = decisions.first { $0.key == InnovationStatus.rejected.rawValue }?.count ?? 0
        let benefit =
            try await scoped(
                sql.select().column(total("benefit_fen"), as: "total").from(items)
                    .where("deleted_at", .is, SQLLiteral.null), dateColumn: "assessed_date", table: items
            ).first(decoding: Sum.self)?.total ?? 0

        // Awards count by their year; the period's years bound them.
        let awardSelect = sql.select().column(SQLColumn("level", table: InnovationAward.schema), as: "a").column(
            SQLColumn("grade", table: InnovationAward.schema), as: "b"
        )
        .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(InnovationAward.schema)
        .join(items, on: SQLColumn("id", table: items), .equal, SQLColumn("item_id", table: InnovationAward.schema))
        .where(SQLColumn("deleted_at", table: items), .is, SQLLiteral.null)
        if let units { awardSelect.where(SQLColumn("unit_id", table: InnovationAward.schema), .in, SQLBind.group(Array(units))) }
        if let year = from.flatMap({ Int($0.prefix(4)) }) {
            awardSelect.where(SQLColumn("year", table: InnovationAward.schema), .greaterThanOrEqual, SQLBind(year))
        }
        if let year = to.flatMap({ Int($0.prefix(4)) }) {
            awardSelect.where(SQLColumn("year", table: InnovationAward.schema), .lessThanOrEqual, SQLBind(year))
        }
        let awards = try await awardSelect.groupBy(SQLColumn("level", table: InnovationAward.schema)).groupBy(
            SQLColumn("grade", table: InnovationAward.schema)
        )
        .all(decoding: TwoKeys.self).compactMap { row -> AwardCount? in
            guard let level = InnovationAwardLevel(rawValue: row.a), let grade = InnovationAwardGrade(rawValue: row.b) else { return nil }
            return AwardCount(level: level, grade: grade, count: row.n)
        }.sorted { ($0.level.rank, $0.grade.rank) < ($1.level.rank, $1.grade.rank) }

        let patents = try await grouped("kind", table: Patent.schema, dateColumn: "date")
        let paid =
            try await scoped(
                sql.select().column(total("amount_fen"), as: "total").from(SubsidyGrant.schema),
                dateColumn: "paid_date", table: SubsidyGrant.schema
            ).first(decoding: Sum.self)?.total ?? 0
        let budgetSelect = sql.select().column(total("amount_fen"), as: "total").from(InnovationBudget.schema)
        if let units { budgetSelect.where("unit_id", .in, SQLBind.group(Array(units))) }
        if let year = from.flatMap({ Int($0.prefix(4)) }) { budgetSelect.where("year", .greaterThanOrEqual, SQLBind(year)) }
        if let year = to.flatMap({ Int($0.prefix(4)) }) { budgetSelect.where("year", .lessThanOrEqual, SQLBind(year)) }
        let budget = try await budgetSelect.first(decoding: Sum.self)?.total ?? 0

        func ordered<E: RawRepresentable & CaseIterable>(_ counts: [Count], _ type: E.Type) -> [Count] where E.RawValue == String {
            E.allCases.map { value in Count(key: value.rawValue, count: counts.first { $0.key == value.rawValue }?.count ?? 0) }
        }
        let decided = adopted + rejected
        return InnovationStatistics(
            byKind: ordered(byKind, InnovationKind.self), bySubKind: ordered(bySubKind, FiveSmallKind.self),
            byStatus: ordered(byStatus, InnovationStatus.self),
            submitted: byKind.reduce(0) { $0 + $1.count }, adopted: adopted, rejected: rejected,
            adoptionPerMille: decided == 0 ? nil : (adopted * 1_000 + decided / 2) / decided,
            benefitFen: benefit, awards: awards, patents: ordered(patents, PatentKind.self), subsidiesPaidFen: paid, budgetFen: budget)
    }
}

extension InnovationAwardLevel {
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension InnovationAwardGrade {
    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
