import Fluent
import UnionHallCore
import Vapor

/// The parameters every list takes: `?q=&page=&per=&sort=&from=&to=&unitId=`.
struct ListQuery: Content {
    var q: String?
    var page: Int?
    var per: Int?
    var sort: String?
    var from: String?
    var to: String?
    var unitId: UUID?
    var deleted: Bool?

    enum CodingKeys: String, CodingKey { case q, page, per, sort, from, to, unitId, deleted }

    static let defaultPer = 20
    static let maxPer = 200

    init(
        q: String? = nil, page: Int? = nil, per: Int? = nil, sort: String? = nil, from: String? = nil, to: String? = nil,
        unitId: UUID? = nil, deleted: Bool? = nil
    ) {
        (self.q, self.page, self.per, self.sort, self.from, self.to, self.unitId, self.deleted) = (
            q, page, per, sort, from, to, unitId, deleted
        )
    }

    /// Pages 1…`Limits.page` and 1…200 rows a page; anything else is a 422 naming the parameter,
    /// so the row range below is computed from bounded numbers only.
    init(from decoder: any Decoder) throws {
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

    var pageNumber: Int { min(max(page ?? 1, 1), Limits.page) }
    var perPage: Int { min(max(per ?? Self.defaultPer, 1), Self.maxPer) }
    var rowRange: Range<Int> { ((pageNumber - 1) * perPage)..<(pageNumber * perPage) }

    /// `sort=name` or `sort=-name`; nil when the key is not one the list allows.
    func sortKey(allowed: [String]) -> (key: String, descending: Bool)? {
        guard let sort, !sort.isEmpty else { return nil }
        let descending = sort.hasPrefix("-")
        let key = descending ? String(sort.dropFirst()) : sort
        return allowed.contains(key) ? (key, descending) : nil
    }

    /// The period as UTC instants: from the start of `from` to the end of `to`, in Asia/Shanghai.
    func period() throws -> (start: Date?, end: Date?) {
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
struct ListPage<Item: Content>: Content {
    struct Metadata: Content {
        var page: Int
        var per: Int
        var total: Int
        var pageCount: Int
    }

    var items: [Item]
    var metadata: Metadata
}

extension ListPage {
    init(items: [Item], list: ListQuery, total: Int) {
        self.items = items
        self.metadata = .init(page: list.pageNumber, per: list.perPage, total: total, pageCount: (total + list.perPage - 1) / list.perPage)
    }
}

extension QueryBuilder {
    /// One page of the query and the total it pages through.
    func page<Item: Content>(_ list: ListQuery, map: ([Model]) throws -> [Item]) async throws -> ListPage<Item> {
        let total = try await copy().count()
        let rows = try await copy().range(list.rowRange).all()
        return ListPage(items: try map(rows), list: list, total: total)
    }

    /// Restricts to records created in the list's period.
    @discardableResult
    func created(in list: ListQuery, key: KeyPath<Model, TimestampProperty<Model, DefaultTimestampFormat>>) throws -> Self {
        let (start, end) = try list.period()
        if let start { filter(key >= start) }
        if let end { filter(key < end) }
        return self
    }
}

extension ListQuery {
    /// `from`/`to` as `YYYY-MM-DD` strings, validated; stored dates compare as text.
    func datePeriod() throws -> (String?, String?) {
        _ = try period()
        return (from.flatMap { $0.isEmpty ? nil : $0 }, to.flatMap { $0.isEmpty ? nil : $0 })
    }
}
