import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// An optional link is kept, set or cleared the same way by an API PATCH and by a form's edit.
@Suite struct LinkChangeTests {
    struct Body: Decodable { var studioId: LinkChange }

    @Test func jsonAbsentKeepsNullClearsAnIdSets() throws {
        let decoder = JSONDecoder()
        let id = UUID()
        #expect(try decoder.decode(Body.self, from: Data("{}".utf8)).studioId == .keep)
        #expect(try decoder.decode(Body.self, from: Data(#"{"studioId":null}"#.utf8)).studioId == .clear)
        #expect(try decoder.decode(Body.self, from: Data(#"{"studioId":"\#(id)"}"#.utf8)).studioId == .set(id))
        #expect(throws: (any Error).self) { try decoder.decode(Body.self, from: Data(#"{"studioId":"studio"}"#.utf8)) }
        let encoded = String(decoding: try JSONEncoder().encode(OutreachInput(partnerId: .clear, version: 1)), as: UTF8.self)
        #expect(encoded.contains(#""partnerId":null"#))
        #expect(!encoded.contains("studioId"))
        #expect(try LinkChange.form("", field: "studioId") == .clear)
        #expect(try LinkChange.form(id.uuidString, field: "studioId") == .set(id))
        #expect(throws: AppError.self) { try LinkChange.form("x", field: "studioId") }
    }

    func studio(_ world: TestWorld) async throws -> UUID {
        let input = StudioInput(
            name: "梁东平劳模创新工作室", kind: .modelWorkerStudio, level: .provincial, yearNamed: 2020, namedBy: "甘肃省总工会",
            leadId: world.memberA)
        return try await world.api(.POST, "api/v1/studios", as: "officerA", body: input).decode(StudioOutput.self).id
    }

    func activity(_ world: TestWorld, studio: UUID) async throws -> OutreachOutput {
        let input = OutreachInput(
            unitId: world.countyA, title: "劳模进校园", kind: .schools, plannedDate: "2024-04-01", place: "庆阳第一中学",
            partnerId: .set(world.employerA), studioId: .set(studio), audience: "学生", leaderIds: [world.memberA])
        let activity = try await world.api(.POST, "api/v1/outreach-activities", as: "officerA", body: input).decode(OutreachOutput.self)
        #expect(activity.studioId == studio)
        #expect(activity.partnerId == world.employerA)
        return activity
    }

    @Test func anOutreachFormChoosingNoneClearsTheStudioAndPartner() async throws {
        try await TestWorld.run { world in
            let activity = try await activity(world, studio: try await studio(world))
            var browser = try await Browser.signedIn(world, as: "officerA")
            let form = try await browser.get("/outreach-activities/\(activity.id)/edit")
            let saved = try await browser.post(
                "/outreach-activities/\(activity.id)",
                form: [
                    "_csrf": Browser.csrf(in: form), "title": "劳模进校园", "kind": "schools", "plannedDate": "2024-04-01",
                    "place": "庆阳第一中学", "audience": "学生", "unitId": world.countyA.uuidString, "studioId": "", "partnerId": "",
                    "leaderIdNumbers": "", "version": "1",
                ])
            #expect(saved.status == .seeOther)
            let after = try await world.api(.GET, "api/v1/outreach-activities/\(activity.id)", as: "officerA").decode(OutreachOutput.self)
            #expect(after.studioId == nil)
            #expect(after.partnerId == nil)
            #expect(after.leaderIds == [world.memberA])
        }
    }

    @Test func aPatchKeepsWhatItDoesNotNameAndClearsWhatItNullifies() async throws {
        try await TestWorld.run { world in
            let studio = try await studio(world)
            let activity = try await activity(world, studio: studio)
            let path = "api/v1/outreach-activities/\(activity.id)"
            let renamed = try await world.api(.PATCH, path, as: "officerA", body: OutreachInput(title: "劳模进校园（二）", version: 1))
                .decode(OutreachOutput.self)
            #expect(renamed.studioId == studio)
            #expect(renamed.partnerId == world.employerA)
            let cleared = try await world.api(.PATCH, path, as: "officerA", body: OutreachInput(studioId: .clear, version: 2))
                .decode(OutreachOutput.self)
            #expect(cleared.studioId == nil)
            #expect(cleared.partnerId == world.employerA)
        }
    }

    @Test func membersDisputesAndStudiosClearTheirLinksByPatch() async throws {
        try await TestWorld.run { world in
            let member = try await world.api(
                .PATCH, "api/v1/members/\(world.memberA)", as: "officerA",
                body: MemberInput(organizationId: .clear, version: 1)
            ).decode(MemberOutput.self)
            #expect(member.organizationId == nil)

            let dispute = try await world.api(
                .POST, "api/v1/dispute-cases", as: "officerA",
                body: DisputeInput(
                    channel: .walkIn, type: .wageArrears, employerId: .set(world.employerA), summary: "拖欠工资", claimedFen: 100_000,
                    claimants: [ClaimantInput(memberId: world.memberA)])
            ).decode(DisputeOutput.self)
            #expect(dispute.employerId == world.employerA)
            let unlinked = try await world.api(
                .PATCH, "api/v1/dispute-cases/\(dispute.id)", as: "officerA",
                body: DisputeInput(employerId: .clear, version: 1)
            ).decode(DisputeOutput.self)
            #expect(unlinked.employerId == nil)
            #expect(unlinked.employerName == dispute.employerName)
            let renamed = try await world.api(
                .PATCH, "api/v1/dispute-cases/\(dispute.id)", as: "officerA",
                body: DisputeInput(employerName: "某劳务公司", version: 2)
            ).decode(DisputeOutput.self)
            #expect(renamed.employerId == nil)
            #expect(renamed.employerName == "某劳务公司")

            let created = try await world.api(
                .POST, "api/v1/studios", as: "officerA",
                body: StudioInput(
                    name: "电缆班", kind: .innovativeTeam, level: .city, yearNamed: 2024, namedBy: "庆阳市总工会", leadId: world.memberA,
                    organizationId: .set(world.employerA)))
            #expect(created.status == .created, "\(created.body.string)")
            let studio = try created.decode(StudioOutput.self)
            let unowned = try await world.api(
                .PATCH, "api/v1/studios/\(studio.id)", as: "officerA",
                body: StudioInput(organizationId: .clear, version: 1)
            ).decode(StudioOutput.self)
            #expect(unowned.organizationId == nil)
        }
    }
}
