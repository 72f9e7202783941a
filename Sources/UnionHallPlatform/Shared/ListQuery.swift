import Fluent
import UnionHallCore
import Vapor

/// The parameters every list takes: `?q=&page=&per=&sort=&from=&to=&unitId=`.
package struct ListQuery: Content {
    package var q: String?
    package var page: Int?
    package var per: Int?
    package var sort: String?
    package var from: String?
    package var to: String?
    package var unitId: UUID?
    package var deleted: Bool?

    package enum CodingKeys: String, CodingKey { case q, page, per, sort, from, to, unitId, deleted }

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
        per = try Self.bounded(container, .per, 1...Self.maxPer)
        sort = try container.decodeIfPresent(String.self, forKey: .sort)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        to = try container.decodeIfPresent(String.self, forKey: .to)
        unitId = try container.decodeIfPresent(UUID.self, forKey: .unitId)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted)
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

    package var pageNumber: Int { min(max(page ?? 1, 1), Limits.page) }
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

/// A page of a list: `{"items": [...], "metadata": {"page", "per", "total"}}`.
package struct ListPage<Item: Content>: Content {
    package struct Metadata: Content {
        package var page: Int
        package var per: Int
        package var total: Int
        package var pageCount: Int

        package init(page: Int, per: Int, total: Int, pageCount: Int) {
            self.page = page
            self.per = per
            self.total = total
            self.pageCount = pageCount
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
    package init(items: [Item], list: ListQuery, total: Int) {
        self.items = items
        self.metadata = .init(page: list.pageNumber, per: list.perPage, total: total, pageCount: (total + list.perPage - 1) / list.perPage)
    }
}

extension QueryBuilder {
    /// One page of the query and the total it pages through.
    package func page<Item: Content>(_ list: ListQuery, map: ([Model]) throws -> [Item]) async throws -> ListPage<Item> {
        let total = try await copy().count()
        let rows = try await copy().range(list.rowRange).all()
        return ListPage(items: try map(rows), list: list, total: total)
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
