import Fluent
import FluentSQL
import UnionHallCore
import Vapor

/// The member register's reads: one query serves the list page, the API and (later) exports,
/// so they cannot disagree.
enum MemberQueries {
    static let sortKeys = ["name", "createdAt", "skillLevel"]

    /// From this many matches on, a scoped list walks the pinyin index in order and checks each
    /// row's unit from the index, rather than collecting the subtree's rows and sorting them all.
    static let orderedScanThreshold = 2_000

    static func search(_ list: ListQuery, filter: MemberFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<MemberOutput> {
        let unitIDs = try scope.unitIDs(within: list.unitId)
        let query = Member.query(on: db)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        switch SearchQuery(list.q) {
        case .empty:
            break
        case .lastDigits(let digits):
            query.group(.or) { $0.filter(\.$idLast4 == digits).filter(\.$mobileLast4 == digits) }
        case .latin(let prefix):
            let upper = SearchQuery.upperBound(ofPrefix: prefix)
            query.group(.or) { or in
                or.group(.and) { $0.filter(\.$pinyin >= prefix).filter(\.$pinyin < upper) }
                or.group(.and) { $0.filter(\.$initials >= prefix).filter(\.$initials < upper) }
            }
        case .name(let prefix):
            query.filter(\.$nameKey >= prefix).filter(\.$nameKey < SearchQuery.upperBound(ofPrefix: prefix))
        }
        if let organizationID = filter.organizationId { query.filter(\.$organizationID == organizationID) }
        if let trade = filter.trade, !trade.isEmpty { query.filter(\.$trade == trade) }
        if let level = filter.skillLevel { query.filter(\.$skillLevel == level) }
        if let migrant = filter.migrant { query.filter(\.$migrant == migrant) }
        if let hardship = filter.hardship { query.filter(\.$hardship == hardship) }
        if let gender = filter.gender { query.filter(\.$gender == gender) }
        if filter.skilled == true { query.filter(\.$skillLevel != nil) }
        try query.created(in: list, key: \.$createdAt)
        switch list.sortKey(allowed: sortKeys) {
        case let (key, descending)?:
            let direction: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
            switch key {
            case "createdAt": query.sort(\.$createdAt, direction)
            case "skillLevel": query.sort(\.$skillLevel, direction).sort(\.$pinyin)
            default: query.sort(\.$pinyin, direction)
            }
        case nil: query.sort(\.$pinyin)
        }
        query.sort(\.$id)
        // Counting a column of the pinyin index lets the count read the index, not the table.
        let counted = query.copy()
        if let unitIDs { counted.filter(\.$unitID ~~ Array(unitIDs)) }
        let total = try await counted.count(\.$pinyin)
        if let unitIDs {
            let sortsByPinyin = list.sortKey(allowed: sortKeys).map { $0.key == "name" } ?? true
            if sortsByPinyin, total >= orderedScanThreshold, (db as? any SQLDatabase)?.dialect.name == "sqlite" {
                // SQLite's unary + keeps the planner off the unit index for this term (see above).
                query.filter(.sql(embed: "+\(ident: Member.schema).\(ident: "unit_id") IN (\(binds: unitIDs.map(\.uuidString)))"))
            } else {
                query.filter(\.$unitID ~~ Array(unitIDs))
            }
        }
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try rows.map { try MemberOutput($0) }, list: list, total: total)
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool = false, on db: any Database) async throws -> Member {
        guard let member = try await Member.find(id, on: db), includingDeleted || member.deletedAt == nil else { throw AppError.notFound }
        try scope.check(member.unitID)
        return member
    }
}
