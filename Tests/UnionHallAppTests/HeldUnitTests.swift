import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// A new record lands in the unit named, or the user's own; never in a tree chosen by chance.
@Suite struct HeldUnitTests {
    @Test func anAdminWithoutAUnitNamesOneOnceThereAreTwoCities() async throws {
        try await TestWorld.run { world in
            let station = StationInput(
                name: "司机之家", kind: .driversHome, district: "西峰区", address: "长庆大道", facilities: [],
                hours: "全天")
            let single = try await world.api(.POST, "api/v1/service-stations", as: "admin", body: station)
            #expect(single.status == .created, "one tree: its root is the default")
            #expect(try single.decode(StationOutput.self).unitId == world.city)

            let second = try await world.api(.POST, "api/v1/units", as: "admin", body: UnitInput(name: "金昌市总工会", kind: .city))
            #expect(second.status == .created)
            let unnamed = try await world.api(.POST, "api/v1/service-stations", as: "admin", body: station)
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.errorField == "unitId")
            let budget = try await world.api(
                .POST, "api/v1/innovation-budgets", as: "admin", body: BudgetInput(year: CivilDate(Date()).year, amountFen: 100))
            #expect(budget.errorField == "unitId")

            var named = station
            named.unitId = world.countyA
            let placed = try await world.api(.POST, "api/v1/service-stations", as: "admin", body: named).decode(StationOutput.self)
            #expect(placed.unitId == world.countyA)
            let officer = try await world.api(.POST, "api/v1/service-stations", as: "officerA", body: station).decode(StationOutput.self)
            #expect(officer.unitId == world.countyA, "an officer's own unit is the default")
        }
    }
}
