import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A trade (工种) of the vocabulary the admin keeps: added, renamed or retired without a release.
/// A retired trade stays on the records that hold it but is offered for no new one.
final class Trade: Model, @unchecked Sendable {
    static let schema = "trades"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int
    @Field(key: "retired") var retired: Bool

    init() {}

    init(name: String, position: Int) {
        self.name = name
        self.position = position
        self.retired = false
    }
}

extension Trade: Audited {
    static let auditEntity = "trade"
    var auditUnitID: UUID? { nil }
    func auditSnapshot() -> [String: String] { ["name": name, "retired": String(retired)] }
}

/// The trades as the forms offer them and the checks accept them, read from the database.
struct TradeBook: Sendable {
    /// Offered for new records, in order.
    var current: [String]
    /// Every trade kept, retired ones too, in order: what existing records may hold and lists filter by.
    var all: [String]

    func isOffered(_ trade: String) -> Bool { current.contains(trade) }

    static func load(on db: any Database) async throws -> TradeBook {
        let rows = try await Trade.query(on: db).sort(\.$position).sort(\.$name).all()
        return TradeBook(current: rows.filter { !$0.retired }.map(\.name), all: rows.map(\.name))
    }

    /// Today's list, the first time.
    static func seed(on db: any Database) async throws {
        guard try await Trade.query(on: db).count() == 0 else { return }
        for (index, name) in Trades.all.enumerated() { try await Trade(name: name, position: index + 1).create(on: db) }
    }
}

extension TradeBook {
    /// A trade may be recorded if it is offered, or if the record already holds it (retired since).
    func accepts(_ trade: String, holding: String?) -> Bool { isOffered(trade) || trade == holding }

    /// A form's choices: the current trades, and the record's own if it has been retired since.
    func options(selected: String?) -> [SelectOption] {
        let names = current + (selected.map { current.contains($0) || $0.isEmpty ? [] : [$0] } ?? [])
        return names.map { SelectOption(value: $0, label: $0, selected: $0 == selected) }
    }

    /// A list filter's choices: every trade a record may hold.
    func filterOptions(selected: String?) -> [SelectOption] {
        all.map { SelectOption(value: $0, label: $0, selected: $0 == selected) }
    }
}
