import Fluent
import FluentSQL
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The member register's reads: one query serves the list page, the API and (later) exports,
/// so they cannot disagree.
enum MemberQueries {
    static let sortKeys = ["name", "createdAt", "skillLevel", "joinDate"]

    /// From this many live members in a subtree on, a list sorted by name walks the pinyin index in
    /// order and checks each row's unit from the index, rather than collecting the subtree's rows
    /// and sorting them all (which SQLite's planner otherwise prefers for an `IN` list).
    static let orderedScanThreshold = 2_000

    /// `countOn` is a second connection when the caller has one: the total and the page are then
    /// read side by side, and a large register's list costs the slower of the two, not their sum.
    /// It is asked for only when the total is counted (an unfiltered list adds up kept numbers).
    static func search(
        _ list: ListQuery, filter: MemberFilter, scope: UnitScope, on db: any Database,
        countOn countDB: @autoclosure () -> (any Database)? = nil
    ) async throws -> ListPage<MemberOutput> {
        if filter.hardship != nil, !scope.seesAid { throw AppError(status: .forbidden, key: "error.aid.notHandler", field: "hardship") }
        let unitIDs = try scope.unitIDs(within: list.unitId)
        let (start, end) = try list.period()
        let search = SearchQuery(list.q)
        let statuses = try filter.statuses()
        let sqlite = try db.sql().dialect.name == "sqlite"
        // One builder's query, copied as a value for the count and the page: a `QueryBuilder` builds
        // two whole `Member`s to start (to find the id's key), and a copy of one two more.
        var filtered = Member.query(on: db).query
        filtered.filter(.value(Column.deletedAt, list.deleted == true ? .notEqual : .equal, .null))
        switch search {
        case .empty:
            break
        case .lastDigits(let digits):
            filtered.filter(.group([Column.is("id_last4", .equal, digits), Column.is("mobile_last4", .equal, digits)], .or))
        case .latin(let prefix):
            let upper = SearchQuery.upperBound(ofPrefix: prefix)
            filtered.filter(
                .group(
                    [
                        .group([Column.is("pinyin", .greaterThanOrEqual, prefix), Column.is("pinyin", .lessThan, upper)], .and),
                        .group([Column.is("initials", .greaterThanOrEqual, prefix), Column.is("initials", .lessThan, upper)], .and),
                    ], .or))
        case .name(let part) where part.count >= 2:
            // Any part of a name: an exact lookup of the parts kept beside each member.
            filtered.filter(
                .sql(
                    embed: """
                        \(ident: Member.schema).\(ident: "id") IN \
                        (SELECT \(ident: "member_id") FROM \(ident: NameParts.schema) WHERE \(ident: "part") = \(bind: part))
                        """))
        case .name(let prefix):
            filtered.filter(Column.is("name_key", .greaterThanOrEqual, prefix))
            filtered.filter(Column.is("name_key", .lessThan, SearchQuery.upperBound(ofPrefix: prefix)))
        }
        if let statuses {
            if sqlite {
                // SQLite's planner (3.54) would scan the whole table for this unindexed term; unary + keeps it off.
                filtered.filter(
                    .sql(embed: "+\(ident: Member.schema).\(ident: "membership_status") IN (\(binds: statuses.map(\.rawValue)))"))
            } else {
                filtered.filter(
                    .value(Column.field("membership_status"), .subset(inverse: false), .array(statuses.map { .bind($0.rawValue) })))
            }
        }
        if let form = filter.employmentForm { filtered.filter(Column.is("employment_form", .equal, form.rawValue)) }
        if let organizationID = filter.organizationId { filtered.filter(Column.is("organization_id", .equal, organizationID)) }
        if let trade = filter.trade, !trade.isEmpty { filtered.filter(Column.is("trade", .equal, trade)) }
        if let level = filter.skillLevel { filtered.filter(Column.is("skill_level", .equal, level)) }
        if let migrant = filter.migrant { filtered.filter(Column.is("migrant", .equal, migrant)) }
        if let hardship = filter.hardship { filtered.filter(Column.is("hardship", .equal, hardship)) }
        if let gender = filter.gender { filtered.filter(Column.is("gender", .equal, gender.rawValue)) }
        if filter.skilled == true { filtered.filter(.value(Column.field("skill_level"), .notEqual, .null)) }
        if let kinds = filter.participationKinds {
            let from = filter.participationFrom.flatMap(CivilDate.init)?.description ?? "0000-00-00"
            let to = filter.participationTo.flatMap(CivilDate.init)?.description ?? "9999-99-99"
            filtered.filter(
                .sql(
                    embed: """
                        \(ident: Member.schema).\(ident: "id") IN (SELECT \(ident: "member_id") FROM \(ident: Participation.schema) \
                        WHERE \(ident: "kind") IN (\(binds: kinds.map(\.rawValue))) \
                        AND \(ident: "date") >= \(bind: from) AND \(ident: "date") <= \(bind: to))
                        """))
        }
        if let start { filtered.filter(Column.is("created_at", .greaterThanOrEqual, start)) }
        if let end { filtered.filter(Column.is("created_at", .lessThan, end)) }

        let sort = list.sortKey(allowed: sortKeys)
        // By name (the default) the list pages by key; the other sorts by row count.
        let keyed = sort.map { $0.key == "name" } ?? true
        // An unfiltered list is totalled from the per-unit counts, and SQLite's plan for a subtree
        // depends on its size: both read the same few dozen numbers, once. Otherwise counting a
        // column of the pinyin index lets the count read the index, not the table.
        let unfiltered = search == .empty && filter.isEmpty && list.deleted != true && start == nil && end == nil
        let plansBySize = sqlite && keyed && unitIDs != nil
        let liveInScope = unfiltered || plansBySize ? try await MemberCounts.total(in: unitIDs, on: db) : 0

        var query = filtered
        let descending = sort?.descending ?? false
        let direction: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
        let cursorSort = descending ? "-name" : "name"
        let cursor = keyed ? (list.after ?? list.before) : nil
        if let cursor {
            guard cursor.sort == cursorSort else { throw AppError.invalid(list.after != nil ? "after" : "before", "error.cursor") }
        }
        // Reading backwards (`before`) walks the index the other way and turns the rows round after.
        let backwards = keyed && list.after == nil && list.before != nil
        let walksDown = descending != backwards
        let walk: DatabaseQuery.Sort.Direction = walksDown ? .descending : .ascending
        switch sort {
        case (let key, _)? where key != "name":
            switch key {
            case "createdAt": query.sorts += [.sort(Column.field("created_at"), direction), .sort(Column.id, .ascending)]
            case "joinDate":
                query.sorts += [
                    .sort(Column.field("join_date"), direction), .sort(Column.pinyin, .ascending), .sort(Column.id, .ascending),
                ]
            default:
                query.sorts += [
                    .sort(Column.field("skill_level"), direction), .sort(Column.pinyin, .ascending), .sort(Column.id, .ascending),
                ]
            }
        default:
            query.sorts += [.sort(Column.pinyin, walk), .sort(Column.id, walk)]
        }
        if let cursor {
            let (strict, inclusive) = walksDown ? ("<", "<=") : (">", ">=")
            query.filter(
                .sql(
                    embed: """
                        \(ident: Member.schema).\(ident: "pinyin") \(unsafeRaw: inclusive) \(bind: cursor.value) AND \
                        (\(ident: Member.schema).\(ident: "pinyin") \(unsafeRaw: strict) \(bind: cursor.value) OR \
                        \(ident: Member.schema).\(ident: "id") \(unsafeRaw: strict) \(bind: cursor.id))
                        """))
        }
        if let unitIDs {
            if plansBySize, liveInScope >= orderedScanThreshold {
                // SQLite's unary + keeps the planner off the unit index for this one term.
                query.filter(.sql(embed: "+\(ident: Member.schema).\(ident: "unit_id") IN (\(binds: unitIDs.map(\.uuidString)))"))
            } else {
                query.filter(Column.inUnits(unitIDs))
            }
        }
        // One row past the page says whether there is a next one.
        let page = list.pageNumber
        let window = cursor == nil ? list.rowRange.lowerBound..<(list.rowRange.upperBound + 1) : 0..<(list.perPage + 1)
        var rows: [MemberRow]
        let (count, capped): (Int, Bool)
        if unfiltered {
            rows = try await query.rows(MemberRow.self, range: window, on: db)
            (count, capped) = (liveInScope, false)
        } else {
            var counted = filtered
            if let unitIDs { counted.filter(Column.inUnits(unitIDs)) }
            let counter = countDB() ?? db
            async let total = CappedCount.count(counted, on: counter)
            rows = try await query.rows(MemberRow.self, range: window, on: db)
            (count, capped) = try await total
        }
        let more = rows.count > list.perPage
        rows = Array(rows.prefix(list.perPage))
        if backwards { rows.reverse() }
        var next: PageCursor?
        var previous: PageCursor?
        if keyed, let first = rows.first, let last = rows.last {
            // Backwards, the row before the first is known to exist; forwards, a page past the first has one.
            if backwards ? true : more, page < Limits.page {
                next = PageCursor(sort: cursorSort, value: last.pinyin, id: last.id, page: page + 1)
            }
            if backwards ? more : page > 1 {
                previous = PageCursor(sort: cursorSort, value: first.pinyin, id: first.id, page: page - 1)
            }
        }
        return ListPage(
            items: rows.map { MemberOutput($0, seesAid: scope.seesAid) }, list: list, total: count, capped: capped, next: next,
            previous: previous)
    }
}

/// The register's columns as Fluent fields. A key path (`\.$pinyin`) makes Fluent build a whole
/// `Member` to find its column's name, and `group` a query builder (which builds two): on a search
/// that was a sixth of the request's time.
private enum Column {
    static let deletedAt = field("deleted_at")
    static let pinyin = field("pinyin")
    static let id = field("id")

    static func field(_ key: FieldKey) -> DatabaseQuery.Field { .path([key], schema: Member.schema) }

    static func `is`(_ key: FieldKey, _ method: DatabaseQuery.Filter.Method, _ value: any Encodable & Sendable) -> DatabaseQuery.Filter {
        .value(field(key), method, .bind(value))
    }

    static func inUnits(_ unitIDs: Set<UUID>) -> DatabaseQuery.Filter {
        .value(field("unit_id"), .subset(inverse: false), .array(unitIDs.map { .bind($0) }))
    }
}

extension Request {
    /// A database connection on another event loop than this request's, where there is one, so
    /// two independent reads of one request can run side by side (SQLite has one connection per loop).
    var secondDB: any Database {
        let other = application.eventLoopGroup.makeIterator().first { $0 !== eventLoop } ?? eventLoop
        return application.databases.database(logger: logger, on: other) ?? db
    }
}
