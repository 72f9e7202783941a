import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct CertificationTests {
    func certify(_ world: TestWorld, _ member: UUID, level: Int, date: String, number: String, as user: String = "officerA") async throws
        -> LiveResponse
    {
        try await world.api(
            .POST, "api/v1/certifications", as: user,
            body: CertificationInput(
                memberId: member, trade: "钻井工", level: level, date: date, certificateNumber: number,
                issuingBody: "庆阳市职业技能鉴定中心"))
    }

    /// Figures cut by key industry: new skilled talents by their employer's sector.
    @Test func newSkilledTalentsCountByTheirEmployersIndustry() async throws {
        try await TestWorld.run { world in
            let employer = try await world.api(.GET, "api/v1/organizations/\(world.employerA)", as: "officerA").decode(
                OrganizationOutput.self)
            #expect(employer.sector == nil)
            let set = try await world.api(
                .PATCH, "api/v1/organizations/\(world.employerA)", as: "officerA",
                body: OrganizationInput(sector: .energyChemicals, version: employer.version))
            #expect(try set.decode(OrganizationOutput.self).sector == .energyChemicals)
            let listed = try await world.api(.GET, "api/v1/organizations?sector=energyChemicals", as: "officerA")
                .decode(Page<OrganizationOutput>.self)
            #expect(listed.items.map(\.id) == [world.employerA])
            let worker = try await TrainingTests.member(world, day: 11, organization: world.employerA)
            let loose = try await TrainingTests.member(world, day: 12)
            #expect(try await certify(world, worker, level: 4, date: "2024-05-10", number: "QY2024-0101").status == .created)
            #expect(try await certify(world, loose, level: 4, date: "2024-05-11", number: "QY2024-0102").status == .created)
            let year = try await world.api(.GET, "api/v1/certifications/statistics?from=2024-01-01&to=2024-12-31", as: "officerA").decode(
                TalentStatistics.self)
            #expect(year.newSkilledTotal == 2)
            #expect(year.newSkilledBySector.first { $0.key == "energyChemicals" }?.count == 1)
            #expect(year.newSkilledBySector.map(\.count).reduce(0, +) == 1)
            let elsewhere = try await world.api(.GET, "api/v1/certifications/statistics?from=2024-01-01&to=2024-12-31", as: "officerB")
                .decode(TalentStatistics.self)
            #expect(elsewhere.newSkilledBySector.allSatisfy { $0.count == 0 })
        }
    }

    @Test func aPassRaisesTheLevelAndALowerOneIsRecordedWithoutLoweringIt() async throws {
        try await TestWorld.run { world in
            let trainee = try await TrainingTests.member(world, day: 9)
            let first = try await certify(world, trainee, level: 4, date: "2024-05-10", number: "QY2024-0001")
            #expect(first.status == .created)
            #expect(try first.decode(CertificationOutput.self).raised)
            var member = try await world.api(.GET, "api/v1/members/\(trainee)", as: "officerA").decode(MemberOutput.self)
            #expect(member.skillLevel == 4)
            let lower = try await certify(world, trainee, level: 5, date: "2024-06-10", number: "QY2024-0002")
            #expect(lower.status == .created)
            #expect(try lower.decode(CertificationOutput.self).raised == false)
            member = try await world.api(.GET, "api/v1/members/\(trainee)", as: "officerA").decode(MemberOutput.self)
            #expect(member.skillLevel == 4)
            _ = try await certify(world, trainee, level: 3, date: "2024-09-10", number: "QY2024-0003")
            member = try await world.api(.GET, "api/v1/members/\(trainee)", as: "officerA").decode(MemberOutput.self)
            #expect(member.skillLevel == 3)
            let entries = try await AuditEntry.query(on: world.app.db).filter(\.$entity == "member").filter(\.$entityID == trainee).filter(
                \.$action == .update
            ).count()
            #expect(entries == 2)

            let taken = try await certify(world, trainee, level: 3, date: "2024-09-10", number: "QY2024-0003")
            #expect(taken.status == .conflict)
            #expect(taken.errorField == "certificateNumber")
            #expect(try await certify(world, trainee, level: 0, date: "2024-09-10", number: "X1").errorField == "level")
            #expect(try await certify(world, trainee, level: 3, date: "2024-13-10", number: "X1").errorField == "date")
            #expect(try await certify(world, world.memberB, level: 3, date: "2024-09-10", number: "X1").errorField == "memberId")

            // New skilled talents: members whose first certification falls in the period.
            _ = try await certify(world, world.memberA, level: 2, date: "2023-12-01", number: "QY2023-0001")
            _ = try await certify(world, world.memberA, level: 1, date: "2024-02-01", number: "QY2024-0009")
            let year = try await world.api(.GET, "api/v1/certifications/statistics?from=2024-01-01&to=2024-12-31", as: "officerA").decode(
                TalentStatistics.self)
            #expect(year.certificationsTotal == 4)
            #expect(year.newSkilledTotal == 1)
            #expect(year.newSkilled.first { $0.key == "4" }?.count == 1)
            let firsts = try await world.api(.GET, "api/v1/certifications?first=true&from=2024-01-01&to=2024-12-31", as: "officerA").decode(
                Page<CertificationOutput>.self)
            #expect(firsts.items.map(\.certificateNumber) == ["QY2024-0001"])
            // The register: every member with a level, by level; 三级 and above are high-skilled.
            #expect(year.registerTotal == 2)
            #expect(year.highSkilled == 2)
            #expect(year.register.first { $0.key == "1" }?.count == 1)
            #expect(Set(year.byTrade.map(\.name)) == ["钻井工", "电力电缆工"])
            let city = try await world.api(.GET, "api/v1/certifications/statistics", as: "city").decode(TalentStatistics.self)
            #expect(city.registerTotal == 3)
            let other = try await world.api(.GET, "api/v1/certifications/statistics", as: "officerB").decode(TalentStatistics.self)
            #expect(other.certificationsTotal == 0)
            #expect(other.registerTotal == 1)
        }
    }

    @Test func participationAndOutsideResultsAreForOfficersOfTheMember() async throws {
        try await TestWorld.run { world in
            let path = "api/v1/members/\(world.memberB)"
            let role = try await world.api(
                .POST, "\(path)/participation", as: "officerB", body: ParticipationInput(kind: .peoplesCongressDeputy, date: "2022-01-01"))
            #expect(role.errorField == "level")
            #expect(
                try await world.api(
                    .POST, "\(path)/participation", as: "officerB",
                    body: ParticipationInput(kind: .peoplesCongressDeputy, level: .county, date: "2022-01-01")
                ).status == .created)
            #expect(
                try await world.api(
                    .POST, "\(path)/participation", as: "officerB", body: ParticipationInput(kind: .partyActivist, date: "2023-05-01")
                ).status == .created)
            #expect(
                try await world.api(
                    .POST, "\(path)/participation", as: "officerB", body: ParticipationInput(kind: .joinedParty, date: "2024-07-01")
                ).status == .created)
            let twice = try await world.api(
                .POST, "\(path)/participation", as: "officerB", body: ParticipationInput(kind: .joinedParty, date: "2024-08-01"))
            #expect(twice.status == .conflict)
            #expect(try await world.api(.GET, "\(path)/participation", as: "officerA").status == .notFound)
            #expect(try await world.api(.GET, "\(path)/participation", as: "worker").status == .forbidden)
            let counts = try await world.api(.GET, "api/v1/certifications/statistics?from=2024-01-01&to=2024-12-31", as: "officerB").decode(
                TalentStatistics.self)
            #expect(counts.delegatesAndDeputies == 1)
            #expect(counts.joinedParty == 1)
            #expect(counts.activists == 0)
            // The counts' records: the members behind them.
            let deputies = try await world.api(.GET, "api/v1/members?participation=roles", as: "officerB").decode(Page<MemberOutput>.self)
            #expect(deputies.items.map(\.id) == [world.memberB])
            let joined = try await world.api(.GET, "api/v1/members?participation=joinedParty&participationFrom=2025-01-01", as: "officerB")
                .decode(Page<MemberOutput>.self)
            #expect(joined.items.isEmpty)

            let result = try await world.api(
                .POST, "\(path)/external-results", as: "officerB",
                body: ExternalResultInput(contest: "全国育婴员职业技能竞赛", level: .national, year: 2024, placing: 3, award: "三等奖"))
            #expect(result.status == .created)
            #expect(
                try await world.api(
                    .POST, "\(path)/external-results", as: "officerB",
                    body: ExternalResultInput(contest: "x", level: .national, year: 2024, placing: 0)
                ).errorField == "placing")
            let list = try await world.api(.GET, "\(path)/external-results", as: "city").decode([ExternalResultOutput].self)
            #expect(list.map(\.placing) == [3])
        }
    }
}
