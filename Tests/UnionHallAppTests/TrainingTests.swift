import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct TrainingTests {
    static func college(_ world: TestWorld) async throws -> UUID {
        let college = Organization(unitID: world.countyA, name: "庆阳职业技术学院", kind: .college, creditCode: nil)
        try await college.create(on: world.app.db)
        return try college.requireID()
    }

    /// A member of county A for the tests to enrol.
    static func member(_ world: TestWorld, day: Int, unit: UUID? = nil, organization: UUID? = nil) async throws -> UUID {
        let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 2001, month: 4, day: day)!, sequence: 300 + day)
        let body = MemberInput(
            name: "学员\(day)", idNumber: id.value, unitId: unit ?? world.teamA, organizationId: LinkChange(organization), trade: "钻井工",
            skillLevel: 5)
        return try await world.api(.POST, "api/v1/members", as: "officerA", body: body).decode(MemberOutput.self).id
    }

    static func orderClass(_ world: TestWorld, places: Int = 2) async throws -> TrainingProgramOutput {
        let body = TrainingProgramInput(
            kind: .orderClass, title: "长钻班", trade: "钻井工", collegeId: .set(try await college(world)),
            employerId: .set(world.employerA),
            places: places, startDate: "2024-03-01", endDate: "2024-07-01", offerSalaryFen: 800_000, offerNote: "毕业即签约")
        let response = try await world.api(.POST, "api/v1/training-programs", as: "officerA", body: body)
        #expect(response.status == .created)
        return try response.decode(TrainingProgramOutput.self)
    }

    @Test func anOrderClassNeedsItsCollegeAndEmployerAndSensibleDates() async throws {
        try await TestWorld.run { world in
            let college = try await Self.college(world)
            func create(_ body: TrainingProgramInput) async throws -> LiveResponse {
                try await world.api(.POST, "api/v1/training-programs", as: "officerA", body: body)
            }
            let noEmployer = try await create(
                TrainingProgramInput(
                    kind: .orderClass, title: "长钻班", collegeId: .set(college), places: 30, startDate: "2024-03-01",
                    endDate: "2024-07-01"))
            #expect(noEmployer.status == .unprocessableEntity)
            #expect(noEmployer.errorField == "employerId")
            let notCollege = try await create(
                TrainingProgramInput(
                    kind: .orderClass, title: "长钻班", collegeId: .set(world.employerA), employerId: .set(world.employerA), places: 30,
                    startDate: "2024-03-01", endDate: "2024-07-01"))
            #expect(notCollege.errorField == "collegeId")
            let backwards = try await create(
                TrainingProgramInput(kind: .lectureHall, title: "大讲堂", places: 30, startDate: "2024-03-01", endDate: "2024-02-01"))
            #expect(backwards.errorField == "endDate")
            let noPlaces = try await create(
                TrainingProgramInput(kind: .lectureHall, title: "大讲堂", places: 0, startDate: "2024-03-01", endDate: "2024-03-01"))
            #expect(noPlaces.errorField == "places")
            let negative = try await create(
                TrainingProgramInput(
                    kind: .orderClass, title: "长钻班", collegeId: .set(college), employerId: .set(world.employerA), places: 30,
                    startDate: "2024-03-01", endDate: "2024-07-01", offerSalaryFen: -1))
            #expect(negative.errorField == "offerSalaryFen")
            // Another county's employer is not the officer's to name.
            let foreign = try await create(
                TrainingProgramInput(
                    kind: .onSiteOrder, title: "上门培训", employerId: .set(world.employerB), places: 30, startDate: "2024-03-01",
                    endDate: "2024-03-02"))
            #expect(foreign.errorField == "employerId")
            #expect(try await TrainingProgram.query(on: world.app.db).count() == 0)
        }
    }

    @Test func placesFillThenTheWaitingListMovesUpWhenSomeoneWithdraws() async throws {
        try await TestWorld.run { world in
            let program = try await Self.orderClass(world, places: 2)
            #expect(program.offerSalaryFen == 800_000)
            var people: [UUID] = []
            for day in 1...4 { people.append(try await Self.member(world, day: day)) }
            var statuses: [EnrolmentStatus] = []
            for person in people {
                let response = try await world.api(
                    .POST, "api/v1/training-programs/\(program.id)/enrolments", as: "officerA", body: EnrolmentInput(memberId: person))
                #expect(response.status == .created)
                statuses.append(try response.decode(EnrolmentOutput.self).status)
            }
            #expect(statuses == [.enrolled, .enrolled, .waiting, .waiting])
            let twice = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/enrolments", as: "officerA", body: EnrolmentInput(memberId: people[0]))
            #expect(twice.status == .conflict)
            #expect(twice.errorField == "memberId")

            var list = try await world.api(.GET, "api/v1/training-programs/\(program.id)/enrolments", as: "officerA").decode(
                [EnrolmentOutput].self)
            #expect(list.filter { $0.status == .waiting }.map(\.position) == [1, 2])
            let first = try #require(list.first { $0.memberId == people[0] })
            list = try await world.api(.POST, "api/v1/training-programs/\(program.id)/enrolments/\(first.id)/withdraw", as: "officerA")
                .decode([EnrolmentOutput].self)
            #expect(list.first { $0.memberId == people[2] }?.status == .enrolled)
            #expect(list.first { $0.memberId == people[3] }?.status == .waiting)
            #expect(list.first { $0.memberId == people[3] }?.position == 1)
            #expect(list.first { $0.memberId == people[0] }?.status == .withdrawn)
            let again = try await world.api(.POST, "api/v1/training-programs/\(program.id)/enrolments/\(first.id)/withdraw", as: "officerA")
            #expect(again.status == .conflict)
            // Someone waiting who withdraws frees no place.
            let waiting = try #require(list.first { $0.memberId == people[3] })
            list = try await world.api(.POST, "api/v1/training-programs/\(program.id)/enrolments/\(waiting.id)/withdraw", as: "officerA")
                .decode([EnrolmentOutput].self)
            #expect(list.filter { $0.status == .enrolled }.count == 2)
            let shown = try await world.api(.GET, "api/v1/training-programs/\(program.id)", as: "officerA").decode(
                TrainingProgramOutput.self)
            #expect(shown.enrolled == 2)
            #expect(shown.waiting == 0)
            // Places cannot drop below those holding one.
            let shrink = try await world.api(
                .PATCH, "api/v1/training-programs/\(program.id)", as: "officerA",
                body: TrainingProgramInput(places: 1, version: shown.version))
            #expect(shrink.errorField == "places")
        }
    }

    /// Two officers enrolling for the last place at once: one gets it, the other waits.
    @Test func theLastPlaceGoesToOneOfTwoAtOnce() async throws {
        try await TestWorld.run { world in
            let program = try await Self.orderClass(world, places: 1)
            let first = try await Self.member(world, day: 5)
            let second = try await Self.member(world, day: 6)
            async let a = world.api(
                .POST, "api/v1/training-programs/\(program.id)/enrolments", as: "officerA", body: EnrolmentInput(memberId: first))
            async let b = world.api(
                .POST, "api/v1/training-programs/\(program.id)/enrolments", as: "city", body: EnrolmentInput(memberId: second))
            let statuses = try await [a.decode(EnrolmentOutput.self).status, b.decode(EnrolmentOutput.self).status]
            #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.enrolled, .waiting])
            let shown = try await world.api(.GET, "api/v1/training-programs/\(program.id)", as: "officerA").decode(
                TrainingProgramOutput.self)
            #expect(shown.enrolled == 1)
            // A session keeps the programme's dates from moving past it.
            _ = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions", as: "officerA",
                body: TrainingSessionInput(date: "2024-06-20", place: "实训楼"))
            let shrink = try await world.api(
                .PATCH, "api/v1/training-programs/\(program.id)", as: "officerA",
                body: TrainingProgramInput(endDate: "2024-06-01", version: shown.version))
            #expect(shrink.status == .unprocessableEntity)
            #expect(shrink.errorField == "endDate")
        }
    }

    @Test func personTimesComeFromAttendanceAndHeadCounts() async throws {
        try await TestWorld.run { world in
            let program = try await Self.orderClass(world)
            let outside = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions", as: "officerA",
                body: TrainingSessionInput(date: "2024-08-01", place: "实训楼"))
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.errorField == "date")
            let session = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions", as: "officerA",
                body: TrainingSessionInput(date: "2024-03-05", place: "实训楼", trainers: "梁东平", headCount: 12)
            ).decode(TrainingSessionOutput.self)
            let people = [try await Self.member(world, day: 1), try await Self.member(world, day: 2)]
            var taken = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions/\(session.id)/attendance", as: "officerA",
                body: AttendanceInput(memberIds: people + [people[0]])
            ).decode(TrainingSessionOutput.self)
            #expect(taken.personTimes == 14)
            // Taking it again adds nobody twice.
            taken = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions/\(session.id)/attendance", as: "officerA",
                body: AttendanceInput(memberIds: people, headCount: 20)
            ).decode(TrainingSessionOutput.self)
            #expect(taken.personTimes == 22)
            let foreign = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions/\(session.id)/attendance", as: "officerA",
                body: AttendanceInput(memberIds: [world.memberB]))
            #expect(foreign.errorField == "memberIds")
            let counts = try await world.api(.GET, "api/v1/training-programs/statistics?from=2024-01-01&to=2024-12-31", as: "officerA")
                .decode(TrainingCounts.self)
            #expect(counts.personTimesTotal == 22)
            #expect(counts.personTimes.first { $0.key == "orderClass" }?.count == 22)
            #expect(counts.programs.first { $0.key == "orderClass" }?.count == 1)
            let later = try await world.api(.GET, "api/v1/training-programs/statistics?from=2025-01-01&to=2025-12-31", as: "officerA")
                .decode(TrainingCounts.self)
            #expect(later.personTimesTotal == 0)
            // Another county sees none of it.
            let other = try await world.api(.GET, "api/v1/training-programs/statistics", as: "officerB").decode(TrainingCounts.self)
            #expect(other.personTimesTotal == 0)
            #expect(try await world.api(.GET, "api/v1/training-programs/\(program.id)", as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/training-programs/\(program.id)/sessions", as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/training-programs", as: "worker").status == .forbidden)
            // The list exports with the officer's scope, headers in the reader's language.
            let export = try await world.api(.GET, "api/v1/training-programs/export?format=csv", as: "officerA")
            #expect(export.status == .ok)
            #expect(export.body.string.contains("长钻班"))
            #expect(export.body.string.contains("订单班"))
            #expect(
                !(try await world.api(
                    .GET, "api/v1/training-programs/export?format=csv",
                    as: "officerB"
                ).body.string.contains("长钻班")))
        }
    }

    static func sheet(_ rows: [[String]]) -> [UInt8] {
        Array((["日期,身份证号,姓名"] + rows.map { $0.joined(separator: ",") }).joined(separator: "\r\n").utf8)
    }

    @Test func aSignInSheetImportsWholeOrNotAtAll() async throws {
        try await TestWorld.run { world in
            let program = try await Self.orderClass(world)
            for date in ["2024-03-05", "2024-03-12"] {
                _ = try await world.api(
                    .POST, "api/v1/training-programs/\(program.id)/sessions", as: "officerA",
                    body: TrainingSessionInput(date: date, place: "实训楼"))
            }
            let person = IDNumber.make(region: 621_002, birth: CivilDate(year: 2001, month: 4, day: 1)!, sequence: 301).value
            _ = try await Self.member(world, day: 1)
            let path = "api/v1/training-programs/\(program.id)/attendance/import"
            let bad = try await world.upload(
                path, as: "officerA", fileName: "sign.csv",
                bytes: Self.sheet([
                    ["2024-03-05", person, "学员1"],
                    ["2024-08-01", person, "学员1"],
                    ["2024-03-06", person, ""],
                    ["2024-03-12", TestWorld.idB, ""],
                    ["2024-03-12", person, "别人"],
                    ["2024-03-05", person, ""],
                ]))
            #expect(bad.status == .unprocessableEntity)
            let report = try bad.decode(ImportFailureBody.self)
            #expect(report.field == "file")
            #expect(report.rows.map(\.row) == [3, 4, 5, 6, 7])
            #expect(report.rows.map(\.column) == ["日期", "日期", "身份证号", "姓名", "身份证号"])
            #expect(try await TrainingAttendance.query(on: world.app.db).count() == 0)

            let good = try await world.upload(
                path, as: "officerA", fileName: "sign.csv",
                bytes: Self.sheet([
                    ["2024/3/5", person, "学员1"], ["2024年3月12日", person, ""],
                ]))
            #expect(good.status == .created)
            #expect(try good.decode(ImportReport.self).imported == 2)
            let again = try await world.upload(path, as: "officerA", fileName: "sign.csv", bytes: Self.sheet([["2024-03-05", person, ""]]))
            #expect(try again.decode(ImportReport.self).imported == 0)
            let sessions = try await world.api(.GET, "api/v1/training-programs/\(program.id)/sessions", as: "officerA").decode(
                [TrainingSessionOutput].self)
            #expect(sessions.map(\.namedCount) == [1, 1])
            let header = try await world.upload(path, as: "officerA", fileName: "sign.csv", bytes: Array("日期,姓名\r\n2024-03-05,x".utf8))
            #expect(try header.decode(ImportFailureBody.self).rows.first?.column == "身份证号")
            let notSheet = try await world.upload(path, as: "officerA", fileName: "sign.csv", bytes: Upload.png)
            #expect(notSheet.status == .unprocessableEntity)
        }
    }

    @Test func partnershipsLinkACollegeAnEmployerAndStudios() async throws {
        try await TestWorld.run { world in
            let college = try await Self.college(world)
            let missing = try await world.api(
                .POST, "api/v1/partnerships", as: "officerA",
                body: PartnershipInput(kind: .schoolEnterprise, name: "校企合作", collegeId: college, signedDate: "2024-01-01"))
            #expect(missing.errorField == "employerId")
            let created = try await world.api(
                .POST, "api/v1/partnerships", as: "officerA",
                body: PartnershipInput(kind: .craftsmanAcademy, name: "甘肃省工匠学院", collegeId: college, signedDate: "2024-04-28"))
            #expect(created.status == .created)
            let academy = try created.decode(PartnershipOutput.self)
            #expect(academy.collegeName == "庆阳职业技术学院")
            let program = try await world.api(
                .POST, "api/v1/training-programs", as: "officerA",
                body: TrainingProgramInput(
                    kind: .skillUpgrade, title: "高技能人才研修", partnershipId: .set(academy.id), places: 40, startDate: "2024-05-01",
                    endDate: "2024-05-30"))
            #expect(program.status == .created)
            let shown = try await world.api(.GET, "api/v1/partnerships/\(academy.id)", as: "officerA").decode(PartnershipOutput.self)
            #expect(shown.programs == 1)
            let hidden = try await world.api(.GET, "api/v1/partnerships/\(academy.id)", as: "officerB")
            #expect(hidden.status == .notFound)
        }
    }

    @Test func aPartnershipStandsPlannedBuildingOrRunningAndOnlyARunningOneTakesProgrammes() async throws {
        try await TestWorld.run { world in
            let college = try await Self.college(world)
            let noEmployer = try await world.api(
                .POST, "api/v1/partnerships", as: "officerA",
                body: PartnershipInput(kind: .trainingBase, name: "实训基地", collegeId: college, signedDate: "2024-01-01"))
            #expect(noEmployer.errorField == "employerId")
            let base = try await world.api(
                .POST, "api/v1/partnerships", as: "officerA",
                body: PartnershipInput(
                    kind: .trainingBase, name: "长庆油田实训基地", collegeId: college, employerId: .set(world.employerA),
                    signedDate: "2023-09-01"))
            #expect(try base.decode(PartnershipOutput.self).status == .running)
            let building = try await world.api(
                .POST, "api/v1/partnerships", as: "officerA",
                body: PartnershipInput(
                    kind: .industryCollege, name: "全球鹰产业学院", collegeId: college, employerId: .set(world.employerA),
                    signedDate: "2024-09-10", status: .building)
            ).decode(PartnershipOutput.self)
            #expect(building.status == .building)
            func program(_ partnership: UUID) -> TrainingProgramInput {
                TrainingProgramInput(
                    kind: .skillUpgrade, title: "无人机装调", partnershipId: .set(partnership), places: 20, startDate: "2024-10-01",
                    endDate: "2024-10-30")
            }
            let early = try await world.api(.POST, "api/v1/training-programs", as: "officerA", body: program(building.id))
            #expect(early.status == .unprocessableEntity)
            #expect(early.errorField == "partnershipId")
            let running = try await world.api(
                .PATCH, "api/v1/partnerships/\(building.id)", as: "officerA", body: PartnershipInput(status: .running, version: 1)
            ).decode(PartnershipOutput.self)
            #expect(running.status == .running)
            #expect(try await world.api(.POST, "api/v1/training-programs", as: "officerA", body: program(building.id)).status == .created)
            let back = try await world.api(
                .PATCH, "api/v1/partnerships/\(building.id)", as: "officerA", body: PartnershipInput(status: .building, version: 2))
            #expect(back.status == .conflict)
            #expect(back.errorField == "status")

            let listed = try await world.api(.GET, "api/v1/partnerships?kind=trainingBase", as: "officerA")
                .decode(ListPage<PartnershipOutput>.self)
            #expect(listed.items.map(\.name) == ["长庆油田实训基地"])
            #expect(
                try await world.api(.GET, "api/v1/partnerships?status=building", as: "officerA").decode(ListPage<PartnershipOutput>.self)
                    .items.isEmpty)
            let counts = try await world.api(.GET, "api/v1/training-programs/statistics?from=2023-01-01&to=2024-12-31", as: "officerA")
                .decode(TrainingCounts.self)
            #expect(counts.partnerships.first { $0.key == "trainingBase" }?.count == 1)
            #expect(counts.partnerships.first { $0.key == "industryCollege" }?.count == 1)
            #expect(counts.partnershipsByStatus.first { $0.key == "running" }?.count == 2)
            let elsewhere = try await world.api(
                .GET, "api/v1/training-programs/statistics?from=2023-01-01&to=2024-12-31", as: "officerB"
            ).decode(TrainingCounts.self)
            #expect(elsewhere.partnerships.allSatisfy { $0.count == 0 })
        }
    }
}
