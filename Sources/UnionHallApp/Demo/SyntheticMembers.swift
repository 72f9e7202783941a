import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Deterministic synthetic workers with valid ID numbers (GB 11643) and phones: the same serial
/// always gives the same person, so a demo database is reproducible.
struct SyntheticMembers {
    private let unitsByCity: [String: [(id: UUID, region: Int, organization: UUID?)]]
    private let keys: [Character: SearchKey]

    static let epoch = CivilDate(year: 1965, month: 1, day: 1)!
    static let birthDays = 14_600
    static let mobilePrefixes = ["138", "139", "150", "151", "177", "186", "189", "133", "135", "187"]

    init(units: [String: UnionUnit], organizations: [String: Organization]) {
        var byCity: [String: [(UUID, Int, UUID?)]] = [:]
        for spec in DemoCatalog.units where spec.kind != .city {
            guard let id = units[spec.key]?.id else { continue }
            let city = DemoData.isQingyang(spec.key) ? "qingyang" : "jinchang"
            let organization = DemoCatalog.organizations.first { $0.unit == spec.key && $0.employs }.flatMap { organizations[$0.key]?.id }
            byCity[city, default: []].append((id, spec.region, organization))
        }
        unitsByCity = byCity
        var keys: [Character: SearchKey] = [:]
        for character in DemoCatalog.surnames + DemoCatalog.givenCharacters where keys[character] == nil {
            keys[character] = SearchKey(name: String(character))
        }
        self.keys = keys
    }

    func row(serial: Int, city: String, skilled: Bool, now: Date) -> [any SQLExpression] {
        let units = unitsByCity[city] ?? []
        let unit = units[serial % max(units.count, 1)]
        let sequence = 100 + serial % 900
        let birth = Self.epoch.adding(days: (serial / 900) % Self.birthDays)
        let id = IDNumber.make(region: unit.region, birth: birth, sequence: sequence)
        // A multiplicative hash spreads neighbouring serials over the name pool.
        let hash = UInt64(serial + 1) &* 0x9E37_79B9_7F4A_7C15
        let given = DemoCatalog.givenCharacters
        var characters = [
            DemoCatalog.surnames[Int((hash >> 40) % UInt64(DemoCatalog.surnames.count))], given[Int((hash >> 20) % UInt64(given.count))],
        ]
        if hash % 3 != 0 { characters.append(given[Int((hash >> 4) % UInt64(given.count))]) }
        let name = String(characters)
        let pinyin = characters.map { keys[$0]?.pinyin ?? "" }.joined()
        let initials = String(characters.compactMap { keys[$0]?.initials.first })
        let mobile =
            Self.mobilePrefixes[serial % Self.mobilePrefixes.count] + String(format: "%08d", (serial &* 2_654_435_761) % 100_000_000)
        let level: Int? = skilled ? [5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 2, 2, 1][serial % 20] : nil
        let trade: String? = skilled || serial % 2 == 0 ? Trades.all[(serial / 7) % Trades.all.count] : nil
        return [
            SQLBind(UUID()), SQLBind(unit.id), SQLBind(unit.organization), SQLBind(name), SQLBind(id.gender.rawValue),
            SQLBind(id.value), SQLBind(mobile), SQLBind(trade), SQLBind(level), SQLBind(serial % 7 == 0),
            SQLBind(serial % 50 == 0), SQLBind(name), SQLBind(pinyin), SQLBind(initials), SQLBind(id.lastFour),
            SQLBind(String(mobile.suffix(4))), SQLBind(1), SQLBind(now), SQLBind(now),
        ]
    }
}
