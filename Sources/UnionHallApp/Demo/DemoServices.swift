import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// The 司机之家 at 西峰区's logistics park: Qingyang's 2024 service events there served 14,000
/// workers with goods worth ¥1,500,000.00, one event at a time.
enum DemoServices {
    static let served = 14_000
    static let goodsFen: Int64 = 150_000_000

    static func load(units: [String: UnionUnit], on db: any Database) async throws -> Int {
        guard let logistics = units["logistics"]?.id else { return 0 }
        let station = ServiceStation()
        station.unitID = logistics
        station.name = "西峰区快递物流园区司机之家"
        station.kind = .driversHome
        station.district = "西峰区"
        station.address = "西峰区快递物流园区综合服务楼一层"
        station.facilities = [Facility.showers, .restRooms, .legalDesk, .meals, .laundry, .charging].map(\.rawValue).joined(separator: ",")
        station.hours = "全天24小时"
        station.version = 1
        try await station.create(on: db)
        try await Audit.record(.create, station, by: .system, on: db)
        let kinds: [ServiceEventKind] = [.healthCheck, .summerCooling, .summerCooling, .winterWarmth, .legalAdvice, .other]
        let titles: [ServiceEventKind: String] = [
            .healthCheck: "货车司机免费体检", .summerCooling: "夏送清凉进司机之家", .winterWarmth: "冬送温暖慰问货车司机",
            .legalAdvice: "法律咨询进物流园", .other: "司机之家常态服务",
        ]
        // 48 events, twice a month; the last one carries what makes the totals exact.
        var people = 0
        var goods: Int64 = 0
        for index in 0..<48 {
            let kind = kinds[index % kinds.count]
            let event = ServiceEvent()
            event.unitID = logistics
            event.stationID = station.id
            event.kind = kind
            event.title = titles[kind] ?? "服务活动"
            event.date = CivilDate(year: 2024, month: 1 + index / 4, day: 5 + (index % 4) * 6)?.description ?? "2024-12-28"
            let last = index == 47
            event.peopleServed = last ? served - people : 250 + (index % 5) * 15
            event.goodsFen = last ? goodsFen - goods : Int64(2_800_000 + (index % 4) * 250_000)
            event.version = 1
            people += event.peopleServed
            goods += event.goodsFen
            try await event.create(on: db)
        }
        return 48
    }
}
