import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The talent figures of a subtree and period: certifications and new skilled talents (members
/// whose first certification falls in the period) by level; the register of every member with a
/// level by level, trade, unit and employer; and skilled workers' political participation.
enum TalentRegister {
    static let firstSQL = """
        NOT EXISTS (SELECT 1 FROM certifications earlier WHERE earlier.member_id = certifications.member_id AND earlier.deleted_at IS NULL \
        AND (earlier.date < certifications.date OR (earlier.date = certifications.date AND earlier.id < certifications.id)))
        """
    static let topRows = 20

    /// The register as it stands today: the same for every period of a document (`memo`).
    struct Register: Sendable {
        var byLevel: [(String, Int)]
        var trades: [(String, Int)]
        var units: [(String, Int)]
        var employers: [(String, Int)]
        var employerNames: [UUID: String]
        var delegatesAndDeputies: Int
    }

    static func compute(scope: UnitScope, list: ListQuery, memo: FigureMemo? = nil, on db: any Database) async throws -> TalentStatistics {
        let sql = try db.sql()
        let units = try scope.unitIDs(within: list.unitId).map(Array.init)
        let (from, to) = try list.datePeriod()
        func scoped(_ builder: SQLSelectBuilder, _ column: String = "unit_id") -> SQLSelectBuilder {
            if let units { builder.where(SQLIdentifier(column), .in, units) }
            return builder
        }
        func inPeriod(_ builder: SQLSelectBuilder, _ column: String) -> SQLSelectBuilder {
            if let from { builder.where(SQLIdentifier(column), .greaterThanOrEqual, from) }
            if let to { builder.where(SQLIdentifier(column), .lessThanOrEqual, to) }
            return builder
        }
        func grouped(_ builder: SQLSelectBuilder, by column: String) async throws -> [(String, Int)] {
            try await builder.tallies(by: [column]).map { ($0.keys[0], $0.count) }
        }
        func byLevel(_ rows: [(String, Int)]) -> [KeyCount] {
            SkillLevel.allCases.map { level in
                KeyCount(key: String(level.rawValue), count: rows.first { $0.0 == String(level.rawValue) }?.1 ?? 0)
            }
        }
        let certifications = byLevel(
            try await grouped(
                inPeriod(scoped(sql.select().from(Certification.schema).where("deleted_at", .is, SQLLiteral.null)), "date"), by: "level"))
        let newSkilled = byLevel(
            try await grouped(
                inPeriod(
                    scoped(
                        sql.select().from(Certification.schema).where("deleted_at", .is, SQLLiteral.null)
                            .where(SQLRaw(firstSQL))), "date"), by: "level"))
        func skilled() -> SQLSelectBuilder {
            scoped(sql.select().from(Member.schema).where("deleted_at", .is, SQLLiteral.null).where("skill_level", .isNot, SQLLiteral.null))
        }
        func participation(_ kinds: [ParticipationKind], period: Bool, distinct: Bool) async throws -> Int {
            let builder = scoped(sql.select().from(Participation.schema).where("kind", .in, kinds.map(\.rawValue)))
            if period { _ = inPeriod(builder, "date") }
            let count =
                distinct ? SQLFunction("COUNT", args: SQLDistinct(SQLIdentifier("member_id"))) : SQLFunction("COUNT", args: SQLLiteral.all)
            return try await builder.column(SQLAlias(count, as: SQLIdentifier("n"))).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        func counted() async throws -> Register {
            // Ties in order of their key: the top rows are the same on every read, on either database.
            let employerRows = try await grouped(
                skilled().where("organization_id", .isNot, SQLLiteral.null)
                    .orderBy("n", .descending).orderBy("organization_id").limit(topRows), by: "organization_id")
            let employerIDs = employerRows.compactMap { UUID(uuidString: $0.0) }
            return Register(
                byLevel: try await grouped(skilled(), by: "skill_level"),
                trades: try await grouped(skilled().orderBy("n", .descending).orderBy("trade").limit(topRows), by: "trade"),
                units: try await grouped(skilled().orderBy("n", .descending).orderBy("unit_id").limit(topRows), by: "unit_id"),
                employers: employerRows,
                employerNames: Dictionary(
                    try await Organization.query(on: db).filter(\.$id ~~ employerIDs).all().compactMap { org in
                        org.id.map { ($0, org.name) }
                    },
                    uniquingKeysWith: { first, _ in first }),
                delegatesAndDeputies: try await participation(ParticipationKind.allCases.filter(\.isRole), period: false, distinct: true))
        }
        // New skilled talents by key industry: the sector of the member's employer.
        let certificationTable = Certification.schema
        let bySector = sql.select().from(certificationTable)
            .join(Member.schema, on: SQLColumn("id", table: Member.schema), .equal, SQLColumn("member_id", table: certificationTable))
            .join(
                Organization.schema, on: SQLColumn("id", table: Organization.schema), .equal,
                SQLColumn("organization_id", table: Member.schema)
            )
            .where(SQLColumn("deleted_at", table: certificationTable), .is, SQLLiteral.null).where(SQLRaw(firstSQL))
            .where(SQLColumn("sector", table: Organization.schema), .isNot, SQLLiteral.null)
        if let from { bySector.where(SQLColumn("date", table: certificationTable), .greaterThanOrEqual, SQLBind(from)) }
        if let to { bySector.where(SQLColumn("date", table: certificationTable), .lessThanOrEqual, SQLBind(to)) }
        if let units { bySector.where(SQLColumn("unit_id", table: certificationTable), .in, SQLBind.group(units)) }
        let sectors = try await bySector.tallies(by: ["\(Organization.schema).sector"])
        let counts: Register
        if let memo { counts = try await memo.value("talent.register", counted) } else { counts = try await counted() }
        let register = byLevel(counts.byLevel)
        let trades = counts.trades
        let unitRows = counts.units
        let employerRows = counts.employers
        let employers = counts.employerNames
        return TalentStatistics(
            certifications: certifications, certificationsTotal: certifications.map(\.count).reduce(0, +),
            newSkilled: newSkilled, newSkilledTotal: newSkilled.map(\.count).reduce(0, +),
            register: register, registerTotal: register.map(\.count).reduce(0, +),
            highSkilled: register.filter { (Int($0.key).flatMap(SkillLevel.init(rawValue:))?.isHighSkilled) == true }.map(\.count).reduce(
                0, +),
            byTrade: trades.map { NamedCount(id: $0.0, name: $0.0, count: $0.1) },
            byUnit: unitRows.map { NamedCount(id: $0.0, name: UUID(uuidString: $0.0).map { scope.tree.name(of: $0) } ?? "", count: $0.1) },
            byEmployer: employerRows.map {
                NamedCount(id: $0.0, name: UUID(uuidString: $0.0).flatMap { employers[$0] } ?? "", count: $0.1)
            },
            delegatesAndDeputies: counts.delegatesAndDeputies,
            joinedParty: try await participation([.joinedParty], period: true, distinct: false),
            activists: try await participation([.partyActivist], period: true, distinct: false),
            newSkilledBySector: IndustrySector.allCases.map { sector in
                KeyCount(key: sector.rawValue, count: sectors.first { $0.keys[0] == sector.rawValue }?.count ?? 0)
            })
    }
}
