import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct UnitsTests {
    /// An unfiltered list is a page of the request's union tree; a dated one is a query: the same units
    /// (ordered by code point from the tree; a PostgreSQL database's collation may order names otherwise).
    @Test func theTreeAndTheQueryListTheSameUnits() async throws {
        try await TestWorld.run { world in
            for (user, query) in [
                ("admin", ""), ("officerA", ""), ("city", "&kind=county"), ("admin", "&sort=-name"), ("city", "&unitId=\(world.countyA)"),
            ] {
                let fromTree = try await world.api(.GET, "api/v1/units?per=200\(query)", as: user).decode(ListPage<UnitOutput>.self)
                let fromQuery = try await world.api(.GET, "api/v1/units?per=200&from=2000-01-01\(query)", as: user).decode(
                    ListPage<UnitOutput>.self)
                #expect(Set(fromTree.items.map(\.id)) == Set(fromQuery.items.map(\.id)), "\(user) \(query)")
                #expect(Set(fromTree.items.map(\.path)) == Set(fromQuery.items.map(\.path)))
                let names = fromTree.items.map(\.name)
                #expect(names == (query.contains("-name") ? names.sorted(by: >) : query.contains("kind") ? names : names.sorted()))
                #expect(fromTree.metadata.total == fromQuery.metadata.total && fromTree.metadata.total > 0)
            }
            let paged = try await world.api(.GET, "api/v1/units?per=2&page=2", as: "admin").decode(ListPage<UnitOutput>.self)
            #expect(paged.items.count == 2 && paged.metadata.total == 5 && paged.metadata.pageCount == 3)
            #expect(try await world.api(.GET, "api/v1/units?unitId=\(world.countyB)", as: "officerA").status == .notFound)
        }
    }

    @Test func officerCreatesUnderTheirSubtreeOnly() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(
                .POST, "api/v1/units", as: "officerA",
                body: UnitInput(
                    name: "庆阳石化公司工会", kind: .enterprise,
                    parentId: world.countyA))
            #expect(created.status == .created)
            #expect(try created.decode(UnitOutput.self).path == "庆阳市总工会 › 西峰区总工会 › 庆阳石化公司工会")
            let outside = try await world.api(
                .POST, "api/v1/units", as: "officerA", body: UnitInput(name: "某工会", kind: .enterprise, parentId: world.countyB))
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.errorField == "parentId")
            let topLevel = try await world.api(.POST, "api/v1/units", as: "officerA", body: UnitInput(name: "金昌市总工会", kind: .city))
            #expect(topLevel.errorField == "parentId")
            #expect(
                try await world.api(
                    .POST, "api/v1/units", as: "admin",
                    body: UnitInput(
                        name: "金昌市总工会",
                        kind: .city)
                ).status == .created)
        }
    }

    @Test func kindMustFitUnderTheParent() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(
                .POST, "api/v1/units", as: "city", body: UnitInput(name: "某县总工会", kind: .county, parentId: world.enterpriseA))
            #expect(response.status == .unprocessableEntity)
            #expect(response.errorField == "kind")
        }
    }

    @Test func aUnitCannotMoveUnderItsOwnDescendant() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(
                .PATCH, "api/v1/units/\(world.countyA)", as: "city", body: UnitInput(parentId: world.teamA, version: 1))
            #expect(response.status == .unprocessableEntity)
            #expect(try await UnionUnit.find(world.countyA, on: world.app.db)?.parentID == world.city)
        }
    }

    @Test func officersCannotMoveOrDeleteTheirOwnUnit() async throws {
        try await TestWorld.run { world in
            let move = try await world.api(
                .PATCH, "api/v1/units/\(world.countyA)", as: "officerA", body: UnitInput(parentId: world.countyB, version: 1))
            #expect(move.status == .unprocessableEntity)
            #expect(try await world.api(.DELETE, "api/v1/units/\(world.countyA)", as: "officerA").status == .conflict)
        }
    }

    @Test func unitsWithContentsCannotBeDeleted() async throws {
        try await TestWorld.run { world in
            #expect(try await world.api(.DELETE, "api/v1/units/\(world.teamA)", as: "officerA").status == .conflict)
            let empty = try await world.api(
                .POST, "api/v1/units", as: "officerA", body: UnitInput(name: "空班组", kind: .team, parentId: world.enterpriseA)
            ).decode(UnitOutput.self)
            #expect(try await world.api(.DELETE, "api/v1/units/\(empty.id)", as: "officerA").status == .noContent)
            #expect(try await world.api(.GET, "api/v1/units/\(empty.id)", as: "officerA").status == .notFound)
            #expect(try await world.api(.POST, "api/v1/units/\(empty.id)/restore", as: "officerA").status == .ok)
        }
    }

    @Test func listsAreScoped() async throws {
        try await TestWorld.run { world in
            let a = try await world.api(.GET, "api/v1/units", as: "officerA").decode(Page<UnitOutput>.self)
            #expect(Set(a.items.map(\.name)) == ["西峰区总工会", "国网庆阳供电公司工会", "电缆班组"])
            #expect(try await world.api(.GET, "api/v1/units/\(world.countyB)", as: "officerA").status == .notFound)
            #expect(
                try await world.api(.PATCH, "api/v1/units/\(world.countyB)", as: "officerA", body: UnitInput(name: "x", version: 1)).status
                    == .notFound)
            let all = try await world.api(.GET, "api/v1/units?kind=county", as: "admin").decode(Page<UnitOutput>.self)
            #expect(all.items.count == 2)
        }
    }
}

@Suite struct OrganizationsTests {
    @Test func employersNeedAValidCreditCode() async throws {
        try await TestWorld.run { world in
            let missing = try await world.api(
                .POST, "api/v1/organizations", as: "officerA",
                body: OrganizationInput(name: "庆阳石化", kind: .employer, unitId: world.enterpriseA))
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.errorField == "creditCode")
            let wrong = try await world.api(
                .POST, "api/v1/organizations", as: "officerA",
                body: OrganizationInput(name: "庆阳石化", kind: .employer, creditCode: "91350100M000100Y44", unitId: world.enterpriseA))
            #expect(wrong.errorField == "creditCode")
            let good = try await world.api(
                .POST, "api/v1/organizations", as: "officerA",
                body: OrganizationInput(name: "庆阳石化", kind: .employer, creditCode: "91350100M000100Y43", unitId: world.enterpriseA))
            #expect(good.status == .created)
            let again = try await world.api(
                .POST, "api/v1/organizations", as: "officerA",
                body: OrganizationInput(name: "另一家", kind: .employer, creditCode: "91350100m000100y43", unitId: world.enterpriseA))
            #expect(again.status == .conflict)
            #expect(again.errorField == "creditCode")
            let college = try await world.api(
                .POST, "api/v1/organizations", as: "officerA",
                body: OrganizationInput(
                    name: "陇东学院", kind: .college,
                    unitId: world.countyA))
            #expect(college.status == .created)
        }
    }

    @Test func scopedLikeMembers() async throws {
        try await TestWorld.run { world in
            #expect(try await world.api(.GET, "api/v1/organizations/\(world.employerB)", as: "officerA").status == .notFound)
            #expect(try await world.api(.DELETE, "api/v1/organizations/\(world.employerB)", as: "officerA").status == .notFound)
            let list = try await world.api(.GET, "api/v1/organizations", as: "officerA").decode(Page<OrganizationOutput>.self)
            #expect(list.items.map(\.name) == ["国网庆阳供电公司"])
            let elsewhere = try await world.api(
                .POST, "api/v1/organizations", as: "officerA",
                body: OrganizationInput(
                    name: "陇东学院", kind: .college,
                    unitId: world.countyB))
            #expect(elsewhere.errorField == "unitId")
        }
    }

    @Test func anEmployerWithMembersStays() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(.DELETE, "api/v1/organizations/\(world.employerA)", as: "officerA")
            #expect(response.status == .conflict)
        }
    }

    @Test func auditLogIsScoped() async throws {
        try await TestWorld.run { world in
            _ = try await world.api(
                .PATCH, "api/v1/organizations/\(world.employerA)", as: "officerA",
                body: OrganizationInput(name: "国网甘肃省电力公司庆阳供电公司", version: 1))
            _ = try await world.api(
                .PATCH, "api/v1/organizations/\(world.employerB)", as: "officerB",
                body: OrganizationInput(
                    name: "甜水镇托育中心",
                    version: 1))
            let a = try await world.api(.GET, "api/v1/audit-entries", as: "officerA").decode(Page<AuditEntryOutput>.self)
            #expect(a.items.count == 1)
            #expect(a.items.first?.after?["name"] == "国网甘肃省电力公司庆阳供电公司")
            #expect(a.items.first?.before?["name"] == "国网庆阳供电公司")
            let city = try await world.api(.GET, "api/v1/audit-entries", as: "city").decode(Page<AuditEntryOutput>.self)
            #expect(city.items.count == 2)
        }
    }
}
