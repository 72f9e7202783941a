import Fluent
import UnionHallCore
import Vapor

/// The parameters every list takes: `?q=&page=&per=&sort=&from=&to=&unitId=`, and on lists that
/// page by key `?after=` / `?before=` (a `PageCursor` from the previous page's metadata).
package struct ListQuery: Content {
    package var q: String?
    package var page: Int?
    package var after: PageCursor?
    package var before: PageCursor?
    package var per: Int?
    package var sort: String?
    package var from: String?
    package var to: String?
    package var unitId: UUID?
    package var deleted: Bool?

    package enum CodingKeys: String, CodingKey { case q, page, after, before, per, sort, from, to, unitId, deleted }

    package static let defaultPer = 20
    package static let maxPer = 200

    package init(
        q: String? = nil, page: Int? = nil, per: Int? = nil, sort: String? = nil, from: String? = nil, to: String? = nil,
        unitId: UUID? = nil, deleted: Bool? = nil
    ) {
        (self.q, self.page, self.per, self.sort, self.from, self.to, self.unitId, self.deleted) = (
            q, page, per, sort, from, to, unitId, deleted
        )
    }

    /// Pages 1…`Limits.page` and 1…200 rows a page; anything else is a 422 naming the parameter,
    /// so the row range below is computed from bounded numbers only.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        q = try container.decodeIfPresent(String.self, forKey: .q)
        page = try Self.bounded(container, .page, 1...Limits.page)
        after = try Self.cursor(container, .after)
        before = try Self.cursor(container, .before)
        per = try Self.bounded(container, .per, 1...Self.maxPer)
        sort = try container.decodeIfPresent(String.self, forKey: .sort)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        to = try container.decodeIfPresent(String.self, forKey: .to)
        unitId = try container.decodeIfPresent(UUID.self, forKey: .unitId)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted)
    }

    private static func cursor(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> PageCursor? {
        guard let text = try? container.decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let cursor = PageCursor(token: text) else { throw AppError.invalid(key.stringValue, "error.cursor") }
        return cursor
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(q, forKey: .q)
        try container.encodeIfPresent(page, forKey: .page)
        try container.encodeIfPresent(after?.token, forKey: .after)
        try container.encodeIfPresent(before?.token, forKey: .before)
        try container.encodeIfPresent(per, forKey: .per)
        try container.encodeIfPresent(sort, forKey: .sort)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encodeIfPresent(to, forKey: .to)
        try container.encodeIfPresent(unitId, forKey: .unitId)
        try container.encodeIfPresent(deleted, forKey: .deleted)
    }

    private static func bounded(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ range: ClosedRange<Int>) throws
        -> Int?
    {
        guard container.contains(key), let text = try? container.decodeIfPresent(String.self, forKey: key), !text.isEmpty else {
            return nil
        }
        guard let value = Int(text), range.contains(value) else {
            throw AppError.invalid(key.stringValue, "error.range", [String(range.lowerBound), String(range.upperBound)])
        }
        return value
    }

    package var pageNumber: Int { min(max(after?.page ?? before?.page ?? page ?? 1, 1), Limits.page) }
    package var perPage: Int { min(max(per ?? Self.defaultPer, 1), Self.maxPer) }
    package var rowRange: Range<Int> { ((pageNumber - 1) * perPage)..<(pageNumber * perPage) }

    /// `sort=name` or `sort=-name`; nil when the key is not one the list allows.
    package func sortKey(allowed: [String]) -> (key: String, descending: Bool)? {
        guard let sort, !sort.isEmpty else { return nil }
        let descending = sort.hasPrefix("-")
        let key = descending ? String(sort.dropFirst()) : sort
        return allowed.contains(key) ? (key, descending) : nil
    }

    /// The period as UTC instants: from the start of `from` to the end of `to`, in Asia/Shanghai.
    package func period() throws -> (start: Date?, end: Date?) {
        func parse(_ text: String?, field: String) throws -> CivilDate? {
            guard let text, !text.isEmpty else { return nil }
            guard let date = CivilDate(text) else { throw AppError.invalid(field, "error.date.invalid") }
            return date
        }
        let from = try parse(from, field: "from")
        let to = try parse(to, field: "to")
        if let from, let to, to < from { throw AppError.invalid("to", "error.date.order") }
        return (from?.startOfDay, to?.adding(days: 1).startOfDay)
    }
}

/// A page of a list: `{"items": [...], "metadata": {"page", "per", "total", "pageCount"}}`, with
/// `next` and `previous` cursors on a list that pages by key, and `totalCapped` when the total is
/// only known to be at least `CappedCount.cap`.
package struct ListPage<Item: Content>: Content {
    package struct Metadata: Content {
        package var page: Int
        package var per: Int
        package var total: Int
        package var pageCount: Int
        package var totalCapped: Bool?
        package var next: String?
        package var previous: String?

        package init(
            page: Int, per: Int, total: Int, pageCount: Int, totalCapped: Bool? = nil, next: String? = nil, previous: String? = nil
        ) {
            self.page = page
            self.per = per
            self.total = total
            self.pageCount = pageCount
            self.totalCapped = totalCapped
            self.next = next
            self.previous = previous
        }
    }

    package var items: [Item]
    package var metadata: Metadata

    package init(items: [Item], metadata: Metadata) {
        self.items = items
        self.metadata = metadata
    }
}

extension ListPage {
    package init(items: [Item], list: ListQuery, total: Int, capped: Bool = false, next: PageCursor? = nil, previous: PageCursor? = nil) {
        self.items = items
        // A capped total is a floor: there is at least one page past the pages it fills, and one read by
        // cursor past those is a page that exists.
        let filled = (total + list.perPage - 1) / list.perPage
        let pages = capped ? max(filled + 1, list.pageNumber) : filled
        self.metadata = .init(
            page: list.pageNumber, per: list.perPage, total: total, pageCount: pages,
            totalCapped: capped ? true : nil,
            next: next?.token, previous: previous?.token)
    }
}

extension QueryBuilder {
    /// One page of the query and the total it pages through.
    package func page<Item: Content>(_ list: ListQuery, map: ([Model]) throws -> [Item]) async throws -> ListPage<Item> {
        let (total, capped) = try await CappedCount.count(query, on: database)
        let rows = try await copy().range(list.rowRange).all()
        return ListPage(items: try map(rows), list: list, total: total, capped: capped)
    }

    /// The same, with the page's rows decoded straight from SQL (`rows(_:range:)`) rather than as models.
    package func page<Row: ColumnDecodable, Item: Content>(_ list: ListQuery, as row: Row.Type, map: (Row) throws -> Item) async throws
        -> ListPage<Item>
    {
        let (total, capped) = try await CappedCount.count(query, on: database)
        let rows = try await rows(Row.self, range: list.rowRange)
        return ListPage(items: try rows.map(map), list: list, total: total, capped: capped)
    }

    /// Restricts to records created in the list's period.
    @discardableResult
    package func created(in list: ListQuery, key: KeyPath<Model, TimestampProperty<Model, DefaultTimestampFormat>>) throws -> Self {
        let (start, end) = try list.period()
        if let start { filter(key >= start) }
        if let end { filter(key < end) }
        return self
    }
}

extension ListQuery {
    /// `from`/`to` as `YYYY-MM-DD` strings, validated; stored dates compare as text.
    package func datePeriod() throws -> (String?, String?) {
        _ = try period()
        return (from.flatMap { $0.isEmpty ? nil : $0 }, to.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// `?year=`: a calendar year, when a route takes one alone.
package struct YearQuery: Content {
    package var year: Int?

    package init(year: Int? = nil) {
        self.year = year
    }
}

/// `?from=&to=&unitId=`: the period and subtree a statistics route reports on.
package struct PeriodQuery: Content {
    package var from: String?
    package var to: String?
    package var unitId: UUID?

    package init(from: String? = nil, to: String? = nil, unitId: UUID? = nil) {
        self.from = from
        self.to = to
        self.unitId = unitId
    }

    /// As the list parameters the figures are computed with.
    package var list: ListQuery { ListQuery(from: from, to: to, unitId: unitId) }
}
