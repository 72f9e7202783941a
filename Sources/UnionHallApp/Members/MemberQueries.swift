import Fluent
import UnionHallCore
import Vapor

/// The member register's reads: one query serves the list page, the API and (later) exports,
/// so they cannot disagree.
enum MemberQueries {
    static let sortKeys = ["name", "createdAt", "skillLevel"]

    static func search(_ list: ListQuery, filter: MemberFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<MemberOutput> {
        let query = try scope.apply(to: Member.query(on: db), unitKey: \.$unitID, within: list.unitId)
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
        return try await query.page(list) { try $0.map { try MemberOutput($0) } }
    }

    static func find(_ id: UUID, scope: UnitScope, includingDeleted: Bool = false, on db: any Database) async throws -> Member {
        guard let member = try await Member.find(id, on: db), includingDeleted || member.deletedAt == nil else { throw AppError.notFound }
        try scope.check(member.unitID)
        return member
    }
}
