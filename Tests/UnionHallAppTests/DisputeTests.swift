import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct DisputeTests {
    static let migrantID = IDNumber.make(region: 511_321, birth: CivilDate(year: 1978, month: 7, day: 22)!, sequence: 417).value

    static func court(_ world: TestWorld) async throws -> UUID {
        let court = Organization(unitID: world.city, name: "庆阳市西峰区人民法院", kind: .court, creditCode: nil)
        try await court.create(on: world.app.db)
        return try court.requireID()
    }

    static func referral(_ world: TestWorld, court: UUID, accepted: String = "2024-03-20") -> DisputeInput {
        DisputeInput(
            channel: .courtReferral, type: .wageArrears, employerName: "西峰区某建筑劳务公司", summary: "拖欠三个月工资",
            claimedFen: 545_000,
            acceptedDate: accepted, courtId: court, courtCaseNumber: "(2024)甘1002民初1234号",
            claimants: [ClaimantInput(name: "陈帮贵", idNumber: migrantID, mobile: "13912345678", migrant: true)])
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, _ input: DisputeStepInput) async throws -> LiveResponse {
        try await world.api(.POST, "api/v1/dispute-cases/\(id)/\(step)", as: "officerA", body: input)
    }

    @Test func aCourtReferralFromIntakeToRecoveredWages() async throws {
        try await TestWorld.run { world in
            let clock = TestClock()
            clock.set(CivilDate(year: 2024, month: 3, day: 25)!)
            world.app.current.now = { clock.now }
            let court = try await Self.court(world)
            var missing = Self.referral(world, court: court)
            missing.courtCaseNumber = nil
            #expect(try await world.api(.POST, "api/v1/dispute-cases", as: "officerA", body: missing).errorField == "courtCaseNumber")
            var negative = Self.referral(world, court: court)
            negative.claimedFen = -1
            #expect(try await world.api(.POST, "api/v1/dispute-cases", as: "officerA", body: negative).errorField == "claimedFen")
            var badID = Self.referral(world, court: court)
            badID.claimants = [
                ClaimantInput(name: "陈帮贵", idNumber: String(Self.migrantID.dropLast()) + (Self.migrantID.hasSuffix("1") ? "2" : "1"))
            ]
            #expect(try await world.api(.POST, "api/v1/dispute-cases", as: "officerA", body: badID).errorField == "claimants")
            #expect(try await DisputeCase.query(on: world.app.db).count() == 0)

            let created = try await world.api(.POST, "api/v1/dispute-cases", as: "officerA", body: Self.referral(world, court: court))
            #expect(created.status == .created)
            var dispute = try created.decode(DisputeOutput.self)
            #expect(dispute.deadline == "2024-04-04")
            #expect(dispute.claimants.first?.idNumber == Masking.idNumber(Self.migrantID))
            #expect(dispute.claimants.first?.mobile == "139****5678")
            #expect(!created.body.string.contains(Self.migrantID))

            // Out of order, then the deadline and its one extension.
            #expect(try await step(world, dispute.id, "settle", DisputeStepInput(version: 1, agreedFen: 545_000)).status == .conflict)
            dispute = try await step(world, dispute.id, "mediate", DisputeStepInput(version: 1)).decode(DisputeOutput.self)
            let path = "api/v1/dispute-cases/\(dispute.id)"
            let noConsent = try await world.api(
                .POST, "\(path)/extend", as: "officerA",
                body: DisputeExtensionInput(version: 2, newDeadline: "2024-04-10", bothConsent: false))
            #expect(noConsent.errorField == "bothConsent")
            let tooLong = try await world.api(
                .POST, "\(path)/extend", as: "officerA",
                body: DisputeExtensionInput(version: 2, newDeadline: "2024-04-20", bothConsent: true))
            #expect(tooLong.errorField == "newDeadline")
            let before = try await world.api(
                .POST, "\(path)/extend", as: "officerA",
                body: DisputeExtensionInput(version: 2, newDeadline: "2024-03-01", bothConsent: true))
            #expect(before.errorField == "newDeadline")
            dispute = try await world.api(
                .POST, "\(path)/extend", as: "officerA",
                body: DisputeExtensionInput(version: 2, newDeadline: "2024-04-19", bothConsent: true)
            ).decode(DisputeOutput.self)
            #expect(dispute.deadline == "2024-04-19")
            let twice = try await world.api(
                .POST, "\(path)/extend", as: "officerA",
                body: DisputeExtensionInput(version: 3, newDeadline: "2024-04-25", bothConsent: true))
            #expect(twice.status == .conflict)
            clock.set(CivilDate(year: 2024, month: 4, day: 20)!)
            #expect(try await world.api(.GET, path, as: "officerA").decode(DisputeOutput.self).overdue)
            let late = try await world.api(.GET, "api/v1/dispute-cases?overdue=true", as: "officerA").decode(Page<DisputeOutput>.self)
            #expect(late.items.map(\.id) == [dispute.id])
            #expect(
                try await world.api(
                    .POST, "\(path)/sessions", as: "officerA",
                    body: DisputeSessionInput(
                        date: "2024-04-01",
                        notes: "双方到场，企业同意分两次支付")
                ).status == .created)

            // Settled at ¥5,450.00 and paid in two parts, never above the agreement.
            #expect(
                try await world.api(
                    .POST, "\(path)/payments", as: "officerA", body: DisputePaymentInput(date: "2024-04-20", amountFen: 100)
                ).status == .conflict)
            #expect(try await step(world, dispute.id, "settle", DisputeStepInput(version: 3, date: "2024-04-20")).errorField == "agreedFen")
            dispute = try await step(world, dispute.id, "settle", DisputeStepInput(version: 3, date: "2024-04-20", agreedFen: 545_000))
                .decode(DisputeOutput.self)
            #expect(dispute.status == .settled)
            #expect(
                try await world.api(
                    .POST, "\(path)/payments", as: "officerA", body: DisputePaymentInput(date: "2024-04-20", amountFen: 300_000)
                ).status == .created)
            let above = try await world.api(
                .POST, "\(path)/payments", as: "officerA", body: DisputePaymentInput(date: "2024-04-25", amountFen: 300_000))
            #expect(above.status == .unprocessableEntity)
            #expect(above.errorField == "amountFen")
            #expect(
                try await world.api(
                    .POST, "\(path)/payments", as: "officerA", body: DisputePaymentInput(date: "2024-04-25", amountFen: 245_000)
                ).status == .created)
            #expect(
                try await world.api(.POST, "\(path)/payments", as: "officerA", body: DisputePaymentInput(date: "2024-04-25", amountFen: -5))
                    .errorField == "amountFen")
            dispute = try await world.api(.GET, path, as: "officerA").decode(DisputeOutput.self)
            #expect(dispute.recoveredFen == 545_000)
            #expect(!dispute.overdue)
            #expect(
                try await world.api(
                    .POST, "\(path)/confirm", as: "officerA",
                    body: DisputeConfirmationInput(
                        date: "2024-04-28",
                        number: "(2024)甘1002民特56号")
                ).status == .ok)
            #expect(
                try await world.api(
                    .POST, "\(path)/confirm", as: "officerA", body: DisputeConfirmationInput(date: "2024-04-28", number: "x")
                ).status == .conflict)
            let counts = try await world.api(.GET, "api/v1/dispute-cases/statistics?from=2024-01-01&to=2024-12-31", as: "officerA").decode(
                DisputeStatistics.self)
            #expect(counts.cases == 1)
            #expect(counts.recoveredFen == 545_000)
            #expect(counts.byChannel.first { $0.key == "courtReferral" }?.count == 1)
            let events = try await world.api(.GET, "\(path)/events", as: "officerA").decode([DisputeEventOutput].self)
            #expect(events.map(\.what) == ["accepted", "inMediation", "extended", "settled", "paid", "paid", "confirmed"])

            // Another county sees nothing of it; a worker cannot list cases.
            #expect(try await world.api(.GET, path, as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/dispute-cases/statistics", as: "officerB").decode(DisputeStatistics.self).cases == 0)
            #expect(try await world.api(.GET, "api/v1/dispute-cases", as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, path, as: "worker").status == .notFound)
        }
    }

    @Test func aFailedReferralGoesBackToTheCourtWithTheReason() async throws {
        try await TestWorld.run { world in
            let court = try await Self.court(world)
            let dispute = try await world.api(
                .POST, "api/v1/dispute-cases", as: "officerA", body: Self.referral(world, court: court, accepted: "2024-05-01")
            ).decode(DisputeOutput.self)
            #expect(try await step(world, dispute.id, "fail", DisputeStepInput(version: 1)).errorField == "reason")
            let failed = try await step(world, dispute.id, "fail", DisputeStepInput(version: 1, date: "2024-05-10", reason: "企业拒不到场"))
                .decode(DisputeOutput.self)
            #expect(failed.status == .failed)
            #expect(failed.returnedToCourt == true)
            #expect(failed.outcomeNote == "企业拒不到场")
            #expect(try await step(world, dispute.id, "withdraw", DisputeStepInput(version: 2)).status == .conflict)
            #expect(
                try await world.api(
                    .POST, "api/v1/dispute-cases/\(dispute.id)/sessions", as: "officerA",
                    body: DisputeSessionInput(date: "2024-05-11", notes: "x")
                ).status == .conflict)
        }
    }

    @Test func aWorkerFilesAndFollowsTheirOwnRequest() async throws {
        try await TestWorld.run { world in
            let filed = try await world.api(
                .POST, "api/v1/dispute-cases/request", as: "worker",
                body: DisputeRequestInput(
                    type: .socialInsurance, employerName: "国网庆阳供电公司", claimedFen: 120_000,
                    summary: "未足额缴纳社保"))
            #expect(filed.status == .created)
            let mine = try filed.decode(DisputeOutput.self)
            #expect(mine.channel == .memberRequest)
            #expect(mine.claimants.map(\.name) == ["梁东平"])
            #expect(
                try await world.api(
                    .POST, "api/v1/dispute-cases/request", as: "worker",
                    body: DisputeRequestInput(type: .other, employerName: "x", claimedFen: -1, summary: "x")
                ).errorField == "claimedFen")
            #expect(
                try await world.api(
                    .POST, "api/v1/dispute-cases/request", as: "officerA",
                    body: DisputeRequestInput(type: .other, employerName: "x", claimedFen: 1, summary: "x")
                ).status == .forbidden)
            let list = try await world.api(.GET, "api/v1/dispute-cases/mine", as: "worker").decode([DisputeOutput].self)
            #expect(list.map(\.id) == [mine.id])
            #expect(
                try await world.api(.GET, "api/v1/dispute-cases/\(mine.id)/events", as: "worker").decode([DisputeEventOutput].self).map(
                    \.what) == ["accepted"])
            // The county officer sees it with the others; the member follows each change.
            _ = try await step(world, mine.id, "mediate", DisputeStepInput(version: 1))
            #expect(
                try await world.api(.GET, "api/v1/dispute-cases/\(mine.id)", as: "worker").decode(DisputeOutput.self).status == .inMediation
            )
            let other = try await world.api(
                .POST, "api/v1/dispute-cases", as: "officerB",
                body: DisputeInput(
                    channel: .hotline, type: .contract, employerName: "环县某企业", summary: "合同纠纷", claimedFen: 10_000,
                    claimants: [ClaimantInput(memberId: world.memberB)])
            ).decode(DisputeOutput.self)
            #expect(try await world.api(.GET, "api/v1/dispute-cases/\(other.id)", as: "worker").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/dispute-cases/\(other.id)/events", as: "worker").status == .notFound)
        }
    }
}
