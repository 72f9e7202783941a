import Fluent
import NIOConcurrencyHelpers
import UnionHallCore
import Vapor

/// The subtree and period a feature's figures are computed for, and what they are computed with.
package struct FigureQuery: Sendable {
    package let scope: UnitScope
    /// `from`, `to` (inclusive) and `unitId`, as every list takes them.
    package let list: ListQuery
    package let from: CivilDate
    package let to: CivilDate
    package let today: CivilDate
    package let db: any Database
    /// Shared by the periods of one document: figures read as of today are counted once.
    package let memo: FigureMemo

    package init(
        scope: UnitScope, from: CivilDate, to: CivilDate, unitId: UUID?, today: CivilDate, db: any Database, memo: FigureMemo = FigureMemo()
    ) {
        self.memo = memo
        self.scope = scope
        self.list = ListQuery(from: from.description, to: to.description, unitId: unitId)
        self.from = from
        self.to = to
        self.today = today
        self.db = db
    }

    /// The calendar years the period touches: figures kept by year (honours, studios named, accident records).
    package var years: ClosedRange<Int> { from.year...to.year }
}

/// Figures computed once and read again within one statistics document.
package final class FigureMemo: @unchecked Sendable {
    private let lock = NIOLock()
    private var values: [String: any Sendable] = [:]

    package init() {}

    package func value<T: Sendable>(_ key: String, _ make: () async throws -> T) async throws -> T {
        if let kept = lock.withLock({ values[key] }) as? T { return kept }
        let made = try await make()
        lock.withLock { values[key] = made }
        return made
    }
}

/// A feature's part of the statistics document: its figures for a subtree and period, under a
/// stable key (`disputes`), in a type the API document names; and which of them the officer's
/// dashboard shows, and how.
package struct StatisticsPart: Sendable {
    package let key: String
    package let type: any Decodable.Type
    /// Hardship and aid figures: for `UnitScope.seesAid` alone.
    package let aidData: Bool
    package let headlines: [Headline]
    package let charts: [ChartSpec]
    /// What the annual report names beside the figures (studios named, the largest claim
    /// recovered), as sentences in the reader's language.
    package let highlights: (@Sendable (FigureQuery, Request) async throws -> [String])?
    package let compute: @Sendable (FigureQuery) async throws -> any Encodable & Sendable

    package init<Figures: Codable & Sendable>(
        _ key: String, _ type: Figures.Type, aidData: Bool = false, headlines: [Headline] = [], charts: [ChartSpec] = [],
        highlights: (@Sendable (FigureQuery, Request) async throws -> [String])? = nil,
        compute: @escaping @Sendable (FigureQuery) async throws -> Figures
    ) {
        self.key = key
        self.type = type
        self.aidData = aidData
        self.headlines = headlines
        self.charts = charts
        self.highlights = highlights
        self.compute = { try await compute($0) }
    }
}

/// A figure the dashboard shows beside last period's: its label, where it lies in the module's
/// figures (`recoveredFen`, `hazards.reports`), how it reads, and the list of the records it counts.
package struct Headline: Sendable {
    package enum Format: Sendable {
        case count
        /// Fen, shown in yuan.
        case money
        /// Tenths of a percent (−270: −27.0 %), a change that is itself the figure.
        case tenthsOfPercent
    }

    package let label: String
    package let path: String
    package let href: String
    package let format: Format

    package init(_ label: String, _ path: String, href: String, format: Format = .count) {
        self.label = label
        self.path = path
        self.href = href
        self.format = format
    }
}

/// A breakdown the dashboard draws as bars: a list of `{key, count}` in the module's figures, its
/// codes named through a catalogue, each bar a link to the list filtered by `filter`.
package struct ChartSpec: Sendable {
    package let title: String
    package let path: String
    package let catalogue: String
    package let href: String
    package let filter: String

    package init(_ title: String, _ path: String, catalogue: String, href: String, filter: String) {
        self.title = title
        self.path = path
        self.catalogue = catalogue
        self.href = href
        self.filter = filter
    }
}

/// Any JSON value: a module's figures carried inside the one statistics document.
package indirect enum FigureValue: Codable, Sendable, Equatable {
    case number(Double)
    case integer(Int64)
    case text(String)
    case flag(Bool)
    case list([FigureValue])
    case object([String: FigureValue])
    case null

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let list = try? container.decode([FigureValue].self) {
            self = .list(list)
        } else {
            self = .object(try container.decode([String: FigureValue].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .flag(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The value at a dotted path (`hazards.reports`, `campaigns.0.participants.change`).
    package func value(at path: String) -> FigureValue? {
        var current: FigureValue? = self
        for step in path.split(separator: ".") {
            switch current {
            case .object(let fields)?: current = fields[String(step)]
            case .list(let items)?: current = Int(step).flatMap { items.indices.contains($0) ? items[$0] : nil }
            default: return nil
            }
        }
        return current
    }

    /// A whole number, when the value is one.
    package var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// A value as the API writes it, read back as JSON.
    package static func of(_ value: any Encodable) throws -> FigureValue {
        try JSONDecoder().decode(FigureValue.self, from: try JSONEncoder().encode(value))
    }

    /// Every leaf under its dotted path (`byKind.schools`, `byStatus.0.count`), for a flat export.
    package func leaves(prefix: String = "") -> [(path: String, value: String)] {
        func join(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }
        switch self {
        case .object(let fields): return fields.keys.sorted().flatMap { fields[$0]!.leaves(prefix: join($0)) }
        case .list(let items):
            return items.enumerated().flatMap { index, item in
                // A breakdown row (`{key, count}`) is named by its key; a bare count is the row's value.
                if case .object(let fields) = item, case .text(let key)? = fields["key"] {
                    if fields.count == 2, let count = fields["count"] { return count.leaves(prefix: join(key)) }
                    return item.leaves(prefix: join(key)).filter { !$0.path.hasSuffix(".key") }
                }
                return item.leaves(prefix: join(String(index)))
            }
        case .number(let value): return [(prefix, String(value))]
        case .integer(let value): return [(prefix, String(value))]
        case .text(let value): return [(prefix, value)]
        case .flag(let value): return [(prefix, value ? "true" : "false")]
        case .null: return [(prefix, "")]
        }
    }
}

extension StatisticsPart {
    /// How many names a highlight lists before "and others".
    package static let highlighted = 12

    /// The first `highlighted` of `names` joined, and "等" when there are more (with `total`, "等 N 个").
    package static func listed(_ names: [String], separator: String = "、", total: Int? = nil, on request: Request) -> String {
        guard names.count > highlighted || (total ?? 0) > highlighted else { return names.joined(separator: separator) }
        let more = total.map { request.t("report.andMore", [String($0)]) } ?? request.t("report.andOthers")
        return names.prefix(highlighted).joined(separator: separator) + more
    }
}
