import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct ServiceTests {
    @Test func stationsEventsAndTheirFigures() async throws {
        try await TestWorld.run { world in
            let station = try await world.api(
                .POST, "api/v1/service-stations", as: "officerA",
                body: StationInput(
                    unitId: world.countyA, name: "西峰区物流园司机之家", kind: .driversHome, district: "西峰区", address: "物流园区8号",
                    facilities: [.showers, .restRooms, .legalDesk], hours: "全天"))
            #expect(station.status == .created)
            let home = try station.decode(StationOutput.self)
            #expect(home.facilities == [.showers, .restRooms, .legalDesk])
            #expect(
                try await world.api(
                    .POST, "api/v1/service-stations", as: "officerA", body: StationInput(name: "x", kind: .driversHome, address: "y")
                ).errorField == "district")
            func event(_ served: Int?, _ goods: Int64?, station: UUID? = nil, as user: String = "officerA", date: String = "2024-07-10")
                async throws -> LiveResponse
            {
                try await world.api(
                    .POST, "api/v1/service-events", as: user,
                    body: ServiceEventInput(
                        stationId: .set(station ?? home.id), kind: .summerCooling, title: "夏送清凉进驿站", date: date,
                        peopleServed: served,
                        goodsFen: goods))
            }
            #expect(try await event(-1, 100).errorField == "peopleServed")
            #expect(try await event(10, -1).errorField == "goodsFen")
            #expect(try await event(10, 100, as: "officerB").errorField == "stationId")
            #expect(try await event(300, 4_500_000).status == .created)
            #expect(try await event(200, 500_000, date: "2024-12-20").status == .created)
            let year = try await world.api(.GET, "api/v1/service-events/statistics?from=2024-01-01&to=2024-12-31", as: "officerA").decode(
                ServiceStatistics.self)
            #expect(year.peopleServed == 500)
            #expect(year.goodsFen == 5_000_000)
            #expect(year.byStation.first?.name == "西峰区物流园司机之家")
            let cooling = try #require(year.byKind.first { $0.key == "summerCooling" })
            #expect(cooling.peopleServed == 500 && cooling.goodsFen == 5_000_000)
            let summer = try await world.api(.GET, "api/v1/service-events/statistics?from=2024-06-01&to=2024-08-31", as: "officerA").decode(
                ServiceStatistics.self)
            #expect(summer.peopleServed == 300)
            #expect(
                try await world.api(.GET, "api/v1/service-events/statistics", as: "officerB").decode(ServiceStatistics.self).peopleServed
                    == 0)
            #expect(try await world.api(.GET, "api/v1/service-stations/\(home.id)", as: "officerB").status == .notFound)
            // A worker finds the stations of a district from the phone.
            let near = try await world.api(.GET, "api/v1/service-stations/near?district=西峰", as: "worker").decode([StationOutput].self)
            #expect(near.map(\.name) == ["西峰区物流园司机之家"])
            #expect(near.first?.peopleServed == 500)
            #expect(
                try await world.api(.GET, "api/v1/service-stations/near?district=环县", as: "worker").decode([StationOutput].self).isEmpty)
            #expect(try await world.api(.GET, "api/v1/service-events", as: "worker").status == .forbidden)

            var officer = try await Browser.signedIn(world, as: "officerA")
            let page = try await officer.get("/service-events?from=2024-01-01&to=2024-12-31")
            #expect(page.body.string.contains("¥50,000.00"))
            #expect(try await officer.get("/service-stations/\(home.id)").body.string.contains("法律咨询台"))
            #expect(try await officer.get("/service-events/new").status == .ok)
            var worker = try await Browser.signedIn(world, as: "worker")
            #expect(try await worker.get("/me/stations?district=西峰区").body.string.contains("物流园区8号"))
        }
    }
}
