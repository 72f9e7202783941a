import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

@Suite struct OperationsTests {
    func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-\(UUID().uuidString)-\(name)").path
    }

    @Test func concurrentWritersDoNotFail() async throws {
        try await TestWorld.run(sqliteFile: temporaryFile("busy.sqlite")) { world in
            let token = try await world.token("city")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let id = IDNumber.make(
                            region: 621_002, birth: CivilDate(year: 1990, month: 1, day: 1)!.adding(days: index), sequence: 301)
                        let body = MemberInput(name: "并发\(index)", idNumber: id.value, unitId: world.countyA)
                        var headers = HTTPHeaders()
                        headers.bearerAuthorization = BearerAuthorization(token: token)
                        headers.contentType = .json
                        return try await world.http.sendRequest(
                            .POST, "api/v1/members", headers: headers, body: ByteBuffer(data: JSONEncoder().encode(body))
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created })
            #expect(try await Member.query(on: world.app.db).count() == 26)
        }
    }

    @Test func ofConcurrentEditsFromOneVersionExactlyOneWins() async throws {
        try await TestWorld.run(sqliteFile: temporaryFile("race.sqlite")) { world in
            let token = try await world.token("city")
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        var headers = HTTPHeaders()
                        headers.bearerAuthorization = BearerAuthorization(token: token)
                        headers.contentType = .json
                        let body = MemberInput(name: "梁东平\(index)", version: 1)
                        return try await world.http.sendRequest(
                            .PATCH, "api/v1/members/\(world.memberA)", headers: headers, body: ByteBuffer(data: JSONEncoder().encode(body))
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 7)
            #expect(try await Member.find(world.memberA, on: world.app.db)?.version == 2)
        }
    }

    @Test func demoPlanReachesQingyangsSkilledTotal() {
        let plan = DemoData.Plan(total: DemoData.defaultMemberCount)
        let named = DemoCatalog.people.filter { $0.level != nil && DemoData.isQingyang($0.unit) }.count
        #expect(plan.qingyangSkilled + named == 152_400)
        #expect(plan.qingyangSkilled + plan.qingyangOther + plan.jinchang == DemoData.defaultMemberCount)
    }

    /// A large subtree is listed by walking the pinyin index; the page must be the same as sorting all.
    @Test func largeScopedListsPageInTheSameOrder() async throws {
        try await TestWorld.runEmpty { app in
            _ = try await DemoData.load(on: app, members: 6_000)
            let qingyang = try #require(try await UnionUnit.query(on: app.db).filter(\.$name == "庆阳市总工会").first())
            let tree = try await UnitTree.load(on: app.db)
            let scope = UnitScope(unitIDs: tree.subtree(of: try qingyang.requireID()), tree: tree)
            let all = try await Member.query(on: app.db).filter(\.$unitID ~~ Array(scope.unitIDs ?? []))
                .filter(\.$membershipStatus == .active).all()
            let expected = all.sorted { ($0.pinyin, $0.id?.uuidString ?? "") < ($1.pinyin, $1.id?.uuidString ?? "") }
            #expect(expected.count >= MemberQueries.orderedScanThreshold)
            for page in [1, 7] {
                let list = ListQuery(page: page, per: 20)
                let result = try await MemberQueries.search(list, filter: MemberFilter(), scope: scope, on: app.db)
                #expect(result.metadata.total == expected.count)
                #expect(result.items.map(\.id) == expected[list.rowRange].compactMap(\.id))
            }
        }
    }

    @Test func demoLoadsValidRecordsOnce() async throws {
        try await TestWorld.runEmpty { app in
            let report = try await DemoData.load(on: app, members: 2_000)
            #expect(report.contains("Demo data loaded"))
            #expect(try await UnionUnit.query(on: app.db).count() == DemoCatalog.units.count)
            #expect(try await Organization.query(on: app.db).count() == DemoCatalog.organizations.count)
            let members = try await Member.query(on: app.db).all()
            #expect(members.count == 2_000 + DemoCatalog.people.count + DemoMembership.membersAdded)
            #expect(members.allSatisfy { (try? IDNumber.parse($0.idNumber).get()) != nil })
            #expect(Set(members.map(\.idNumber)).count == members.count)
            #expect(members.allSatisfy { $0.mobile.flatMap(MobileNumber.parse) != nil })
            let sun = try #require(members.first { $0.name == "孙学祥" })
            #expect(sun.initials == "sxx")
            let again = try await DemoData.load(on: app, members: 2_000)
            #expect(again.contains("already loaded"))
            #expect(try await Member.query(on: app.db).count() == members.count)
            let officer = try await User.query(on: app.db).filter(\.$username == "qingyang").first()
            #expect(try app.password.verify(DemoData.password, created: officer?.passwordHash ?? ""))
        }
    }
}

@Suite struct DemoFiguresTests {
    /// The mentorship figures the articles give, computed from the demo's records.
    @Test func mentorshipFiguresFromRecords() async throws {
        try await TestWorld.runEmpty { app in
            _ = try await DemoData.load(on: app, members: 40_000)
            let tree = try await UnitTree.load(on: app.db)
            func scope(_ name: String) throws -> UnitScope {
                let root = try #require(tree.nodes.values.first { $0.name == name })
                return UnitScope(unitIDs: tree.subtree(of: root.id), tree: tree)
            }
            let jinchang = try await MentorshipService.counts(
                scope: scope("金昌市总工会"), list: ListQuery(from: "2023-01-01", to: "2024-06-03"), on: app.db)
            #expect(jinchang.apprenticesTrained == 3_100)
            let grid = try await MentorshipService.counts(
                scope: scope("国网庆阳供电公司工会"), list: ListQuery(from: "2024-01-01", to: "2024-12-31"), on: app.db)
            #expect(grid.signed == 40)
            let huanengMentorship = try await MentorshipService.counts(
                scope: scope("华能庆阳煤电有限责任公司工会"), list: ListQuery(from: "2024-01-01", to: "2024-12-31"),
                on: app.db)
            #expect(huanengMentorship.signed == 20)
            let medals = try await Honor.query(on: app.db).filter(\.$title == .mayDayMedal).filter(\.$level == .provincial).all()
            #expect(try medals.map { try #require(tree.nodes[$0.unitID]).name } == ["梁东平劳模创新工作室班组"])
            // Every demo mentor is qualified and no apprentice has two active agreements.
            let agreements = try await MentorshipAgreement.query(on: app.db).all()
            let mentors = try await Member.query(on: app.db).filter(\.$id ~~ Set(agreements.map(\.mentorID))).all()
            #expect(mentors.allSatisfy { ($0.skillLevel ?? 5) <= SkillLevel.technician.rawValue })
            #expect(Set(agreements.map(\.apprenticeID)).count == agreements.count)

            let named2024 = try await StudioService.counts(scope: scope("庆阳市总工会"), years: 2024...2024, on: app.db)
            #expect(named2024.byKind["modelWorkerStudio"] == 11)
            #expect(named2024.byKind["innovativeTeam"] == 19)
            let huaneng = try #require(
                try await Studio.query(on: app.db).filter(\.$name == "华能庆阳煤电制造有限公司科技创新工作室").first())
            let figures = try #require(try await StudioService.outputs([huaneng], on: app.db).first?.figures)
            #expect(
                figures == [
                    "nationalProject": 2, "provincialAchievement": 31, "inventionPatent": 5, "utilityModelPatent": 15, "paper": 12,
                    "softwareCopyright": 13, "funding": 20_000_000, "benefit": 560_000_000, "nationalBenchmarkCase": 2,
                    "enterpriseListing": 1, "registeredAchievement": 1, "nominationPending": 1,
                ])
            let huanengOutput = try #require(try await StudioService.outputs([huaneng], on: app.db).first)
            #expect(huanengOutput.designations.map(\.kind) == [.skillMasterStudio, .techInnovationClassroom])
            let liangStudio = try #require(try await Studio.query(on: app.db).filter(\.$name == "梁东平劳模创新工作室").first())
            let liangOutput = try #require(try await StudioService.outputs([liangStudio], on: app.db).first)
            #expect(liangOutput.headName == "张远东")
            // "带动59名成员晋升高级职称": counted from the team's title changes, not typed.
            #expect(liangOutput.figures["membersPromoted"] == Int64(DemoStudios.liangTeamPromoted))
            #expect(try await StudioResult.query(on: app.db).filter(\.$kind == .membersPromoted).count() == 0)
            let promoted = try await MemberStatistics.compute(
                FigureQuery(
                    scope: scope("国网庆阳供电公司工会"), from: CivilDate(year: 2024, month: 1, day: 1)!,
                    to: CivilDate(year: 2024, month: 12, day: 31)!, unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!,
                    db: app.db))
            #expect(promoted.promotedToSenior == DemoStudios.liangTeamPromoted)
            #expect(try await Member.demoPerson("郭一帆", on: app.db)?.post == "安全监督员")
            // 每个班组都有安全检查: Qingyang's team inspected every month of 2024 but the cancelled December.
            let inspections = try await Inspections.statistics(
                FigureQuery(
                    scope: scope("庆阳市总工会"), from: CivilDate(year: 2024, month: 1, day: 1)!,
                    to: CivilDate(year: 2024, month: 12, day: 31)!,
                    unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!, db: app.db))
            #expect(inspections.held == 12 && inspections.cancelled == 1 && inspections.findings == 1)
            #expect(inspections.teams == inspections.teamsInspected)
            let robot = try #require(
                try await Studio.query(on: app.db).filter(\.$name == "智慧能源校企协同创新工作室").first())
            let robotOutput = try #require(try await StudioService.outputs([robot], on: app.db).first)
            let partnerNames = try await Organization.query(on: app.db).filter(\.$id ~~ robotOutput.partnerIds).all(\.$name)
            #expect(Set(partnerNames) == ["国网甘肃省电力公司庆阳供电公司", "西北工业大学"])
            let robotResults = try await StudioService.results(of: robot, on: app.db).filter { $0.kind == .measuredBenefit }
            #expect(Set(robotResults.map { "\($0.quantity)\($0.unit ?? "")" }) == ["8家供电企业", "67%", "30%"])
            let gong = try #require(try await Studio.query(on: app.db).filter(\.$name == "巩怀华劳模创新工作室").first())
            #expect(try await StudioService.outputs([gong], on: app.db).first?.figures["innovationProject"] == 46)

            let outreach = try await OutreachService.counts(
                scope: scope("金昌市总工会"), list: ListQuery(from: "2024-01-01", to: "2024-12-31"), on: app.db)
            #expect(outreach.heldByKind["schools"] == 26)
            #expect(outreach.heldByKind["workshops"] == DemoOutreach.jinchangWorkshopExchanges2024)
            #expect(outreach.heldByKind["frontLine"] == DemoOutreach.jinchangFrontLineDemonstrations2024)
            #expect(outreach.endorsers == 10)
            let zhou = try #require(try await Studio.query(on: app.db).filter(\.$name == "周勇劳模创新工作室").first())
            let trained = try await OutreachActivity.query(on: app.db).filter(\.$studioID == zhou.id).filter(\.$status == .held).all(
                \.$personTimes
            ).reduce(0, +)
            #expect(trained >= 5_000)

            let problems = try await TechProblemService.counts(
                scope: scope("金昌市总工会"), list: ListQuery(from: "2023-01-01", to: "2024-06-03"), on: app.db)
            #expect(problems.solved >= 200)
            // The same work grouped as the article tells it: 助企行 (workshops, the line, problems) and 助农行.
            let drives = try await OutreachCampaign.query(on: app.db).sort(\.$startDate).all()
            #expect(drives.map(\.kind) == [.supportEnterprises, .supportFarmers])
            let driveFigures = try await Campaigns.figures(of: drives.compactMap(\.id), on: app.db)
            let enterprises = try #require(driveFigures[try drives[0].requireID()])
            #expect(
                enterprises.activitiesHeld == DemoOutreach.jinchangWorkshopExchanges2024 + DemoOutreach.jinchangFrontLineDemonstrations2024)
            #expect(enterprises.problemsSolved >= 200)
            #expect(try #require(driveFigures[try drives[1].requireID()]).personTimes >= 5_000)
            // 劳模工匠创新联盟 with the city's honoured model workers and craftsmen; Qingyang's 创新成果展.
            let alliance = try #require(try await InnovationAlliance.query(on: app.db).first())
            #expect(try await Alliances.figures(of: [alliance], on: app.db)[try alliance.requireID()]?.members ?? 0 >= 10)
            let shows = try await Alliances.statistics(
                FigureQuery(
                    scope: scope("庆阳市总工会"), from: CivilDate(year: 2024, month: 1, day: 1)!,
                    to: CivilDate(year: 2024, month: 12, day: 31)!, unitId: nil, today: CivilDate(year: 2024, month: 12, day: 31)!,
                    db: app.db))
            #expect(shows.exhibitions == 1 && shows.itemsShown == DemoAlliances.exhibitedItems)
            #expect(shows.visitors == DemoAlliances.exhibitionVisitors)

            // Innovation: Jinchang since 2023, Qingyang in 2024, 巩怀华's and 华能's studios.
            let jinchangItems = try await InnovationStatistics.compute(
                scope: scope("金昌市总工会"), list: ListQuery(from: "2023-01-01", to: "2024-06-03"), on: app.db)
            let kinds = Dictionary(uniqueKeysWithValues: jinchangItems.byKind.map { ($0.key, $0.count) })
            #expect(
                kinds == [
                    "proposal": 6_430, "technicalInnovation": 133, "invention": 45, "fiveSmall": 195, "advancedMethod": 280,
                    "achievement": 0,
                ])
            #expect(jinchangItems.bySubKind.reduce(0) { $0 + $1.count } == 195)
            let qingyangItems = try await InnovationStatistics.compute(
                scope: scope("庆阳市总工会"), list: ListQuery(from: "2024-01-01", to: "2024-12-31"), on: app.db)
            #expect(qingyangItems.byKind.first { $0.key == "achievement" }?.count == 88)
            let awards = Dictionary(
                uniqueKeysWithValues: qingyangItems.awards.map { ("\($0.level.rawValue).\($0.grade.rawValue)", $0.count) })
            #expect(
                awards == [
                    "provincial.first": 1, "provincial.second": 1, "provincial.third": 1, "international.gold": 2,
                    "international.silver": 1, "international.bronze": 1,
                ])
            let drillTitle = "钻杆动态作业密封装置"
            let drill = try #require(try await InnovationItem.query(on: app.db).filter(\.$title == drillTitle).first())
            let drillAward = try await InnovationAward.query(on: app.db).filter(\.$itemID == drill.requireID()).first()
            #expect(drillAward?.level == .provincial && drillAward?.grade == .first)
            let gongItems = try await InnovationItem.query(on: app.db).filter(\.$studioID == gong.id).all()
            #expect(gongItems.count == 46)
            #expect(gongItems.reduce(0) { $0 + $1.benefitFen } == 80_500_000 * 100)
            #expect(try await InnovationItem.query(on: app.db).filter(\.$studioID == huaneng.id).first()?.benefitFen == 5_600_000 * 100)
            #expect(qingyangItems.subsidiesPaidFen <= qingyangItems.budgetFen)
            let huanengPatents = try await Patent.query(on: app.db).filter(\.$studioID == huaneng.id).all()
            #expect(
                Dictionary(grouping: huanengPatents, by: \.kind).mapValues(\.count) == [
                    .invention: 5, .utilityModel: 15, .paper: 12, .softwareCopyright: 13,
                ])

            // Skills: Qingyang 2024 talents, participation and the contest; the academies; Jinchang's training.
            let year = ListQuery(from: "2024-01-01", to: "2024-12-31")
            let talents = try await TalentRegister.compute(scope: scope("庆阳市总工会"), list: year, on: app.db)
            #expect(talents.newSkilledTotal == 21_000)
            #expect(talents.delegatesAndDeputies == 142)
            #expect(talents.joinedParty == 225)
            #expect(talents.activists == 258)
            let contest = try await CompetitionStatisticsService.compute(scope: scope("庆阳市总工会"), list: year, on: app.db)
            #expect(contest.trades == 90)
            #expect(contest.awards.map(\.count) == [80, 120, 172])
            #expect(contest.teamPrizesTotal == 112)
            let liu = try #require(try await Member.demoPerson("刘倩", on: app.db))
            let liuHonors = try await Honor.query(on: app.db).filter(\.$memberID == liu.requireID()).all()
            #expect(liuHonors.map(\.title) == [.technicalPacesetter])
            #expect(liuHonors.first?.source?.hasPrefix("competition-entry:") == true)
            #expect(try await ExternalResult.query(on: app.db).filter(\.$memberID == liu.requireID()).first()?.placing == 3)
            let college = try #require(try await Organization.query(on: app.db).filter(\.$name == "庆阳职业技术学院").first())
            let academies = try await Partnership.query(on: app.db).filter(\.$collegeID == college.requireID()).all()
            #expect(academies.filter { $0.kind == .craftsmanAcademy }.map(\.name) == ["甘肃省工匠学院"])
            #expect(academies.filter { $0.kind == .industryCollege }.count == 3)
            #expect(academies.filter { $0.status == .building }.map(\.name) == ["全球鹰产业学院"])
            #expect(academies.filter { $0.kind == .trainingBase }.map(\.name) == ["长庆油田实训基地"])
            let hall = try #require(try await TrainingProgram.query(on: app.db).filter(\.$kind == .lectureHall).first())
            #expect(hall.collegeID == college.id)
            let hallTrainers = try await TrainingSession.query(on: app.db).filter(\.$programID == hall.requireID()).all(\.$trainers)
            #expect(hallTrainers.allSatisfy { $0.hasPrefix("张小春") })
            let drilling = try #require(try await TrainingProgram.query(on: app.db).filter(\.$kind == .orderClass).first())
            #expect(drilling.offerSalaryFen == 800_000)
            let li = try #require(try await Member.demoPerson("李阳", on: app.db))
            #expect(
                try await TrainingEnrolment.query(on: app.db).filter(\.$programID == drilling.requireID()).filter(
                    \.$memberID == li.requireID()
                ).first()?.status == .enrolled)
            let jinchangTraining = try await TrainingService.counts(
                scope: scope("金昌市总工会"), list: ListQuery(from: "2023-01-01", to: "2024-06-03"), on: app.db)
            #expect(jinchangTraining.personTimesTotal >= 10_000)

            // Disputes: Qingyang 2024, 82 cases and ¥393,600.00 recovered, 陈帮贵's ¥5,450.00 among them.
            let disputes = try await DisputeService.counts(
                scope: scope("庆阳市总工会"), list: year, today: CivilDate(year: 2024, month: 12, day: 31)!, on: app.db)
            #expect(disputes.cases == 82)
            #expect(disputes.recoveredFen == 39_360_000)
            let chen = try #require(try await Member.demoPerson("陈帮贵", on: app.db))
            let chenCase = try #require(try await DisputeClaimant.query(on: app.db).filter(\.$memberID == chen.requireID()).first())
            let paid = try await DisputePayment.query(on: app.db).filter(\.$caseID == chenCase.caseID).all().map(\.amountFen).reduce(0, +)
            #expect(paid == 545_000)
            #expect(try await DisputeCase.find(chenCase.caseID, on: app.db)?.channel == .courtReferral)
            let services = try await ServiceRecords.statistics(scope: scope("庆阳市总工会"), list: year, on: app.db)
            #expect(services.peopleServed == 14_000)
            #expect(services.goodsFen == 150_000_000)
            #expect(services.byStation.map(\.name) == ["西峰区快递物流园区司机之家"])
            let campaign = try #require(try await SafetyCampaign.query(on: app.db).filter(\.$year == 2024).first())
            let rates = try await SafetyRecords.rates(of: campaign, scope: scope("庆阳市总工会"), on: app.db)
            #expect(rates.participants.change == -270)
            #expect(campaign.rewardCapFen == 500_000)
            let guo = try #require(try await Member.demoPerson("郭一帆", on: app.db))
            let guoHazard = try #require(try await HazardReport.query(on: app.db).filter(\.$reporterID == guo.requireID()).first())
            #expect(guoHazard.status == .rewarded)
            #expect(guoHazard.rewardFen == campaign.rewardCapFen)
            // 金秋助学: 1,515 children and ¥4,545,000.00, paid within the programme's budget.
            let aid = try await AidApplications.statistics(
                scope: scope("庆阳市总工会"), list: year, today: CivilDate(year: 2024, month: 12, day: 31)!, on: app.db)
            #expect(aid.children == 1_515)
            #expect(aid.paidFen == 454_500_000)
            #expect(aid.paidFen <= aid.budgetFen)
            #expect(aid.byStatus.first { $0.key == "paid" }?.count == 1_515)
            let program = try #require(try await AidProgram.query(on: app.db).filter(\.$year == 2024).first())
            #expect(program.paidFen == 454_500_000)
            #expect(
                try await AidPaymentBatch.query(on: app.db).filter(\.$programID == program.requireID()).all().map(\.totalFen)
                    .reduce(0, +) == 454_500_000)
            let applications = try await AidApplication.query(on: app.db).all()
            let standing = try await HardshipFile.query(on: app.db).all()
            let verifiedHolders = Set(standing.filter { $0.status == .verified }.map(\.memberID))
            #expect(applications.allSatisfy { $0.priorityGroup || verifiedHolders.contains($0.memberID) })
            let scholarships = applications.filter { $0.kind == .scholarship }
            #expect(Set(scholarships.map(\.childIDNumber)).count == scholarships.count)
            // Relief in 2025: 送温暖, living aid and medical aid, each household once per programme, within each budget.
            let relief = try await AidApplications.statistics(
                scope: scope("庆阳市总工会"), list: ListQuery(from: "2025-01-01", to: "2025-12-31"),
                today: CivilDate(year: 2025, month: 12, day: 31)!, on: app.db)
            let reliefByKind = Dictionary(uniqueKeysWithValues: relief.byKind.map { ($0.key, $0) })
            #expect(DemoRelief.plans.map { reliefByKind[$0.kind.rawValue]?.applications } == DemoRelief.plans.map(\.households))
            #expect(DemoRelief.plans.map { reliefByKind[$0.kind.rawValue]?.funded } == [300, 100, 30])
            #expect(relief.byKind.allSatisfy { $0.paidFen <= $0.approvedFen && $0.approvedFen <= $0.budgetFen })
            for plan in DemoRelief.plans {
                let rows = applications.filter { $0.kind == plan.kind }
                #expect(Set(rows.map(\.hardshipFileID)).count == rows.count)
                let reliefProgram = try #require(
                    try await AidProgram.query(on: app.db).filter(\.$kind == plan.kind).filter(\.$year == 2025).first())
                #expect(reliefProgram.paidFen == rows.filter { $0.status == .paid }.map(\.amountFen).reduce(0, +))
            }

            // The one statistics document holds the same figures, as 庆阳's and 金昌's officers read it.
            let http = try await LiveServer.start(app)
            func document(_ username: String, _ unit: String) async throws -> StatisticsDocument {
                let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
                let (token, _) = try await Sessions.start(userID: user.id, kind: .api, on: app.db, environment: app.current)
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: token)
                let root = try #require(tree.nodes.values.first { $0.name == unit })
                let response = try await http.sendRequest(
                    .GET, "api/v1/statistics?from=2024-01-01&to=2024-12-31&unitId=\(root.id)", headers: headers)
                #expect(response.status == .ok)
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                return try decoder.decode(StatisticsDocument.self, from: Data(response.body.readableBytesView))
            }
            let qingyang: StatisticsDocument
            let jinchangDocument: StatisticsDocument
            do {
                qingyang = try await document("qingyang", "庆阳市总工会")
                jinchangDocument = try await document("jinchang", "金昌市总工会")
                await http.stop()
            } catch {
                await http.stop()
                throw error
            }
            #expect(qingyang.modules["innovation"]?.current == (try FigureValue.of(qingyangItems)))
            #expect(qingyang.modules["certifications"]?.current == (try FigureValue.of(talents)))
            #expect(qingyang.modules["competitions"]?.current == (try FigureValue.of(contest)))
            #expect(qingyang.modules["services"]?.current == (try FigureValue.of(services)))
            // Overdue cases and lapsing files are counted on the day asked, so these are compared by their totals.
            func figure(_ module: String, _ key: String) -> FigureValue? {
                guard case .object(let fields)? = qingyang.modules[module]?.current else { return nil }
                return fields[key]
            }
            #expect(figure("disputes", "cases") == .integer(82) && figure("disputes", "recoveredFen") == .integer(39_360_000))
            #expect(figure("aid", "children") == .integer(1_515) && figure("aid", "paidFen") == .integer(454_500_000))
            // The demo's members joined before 2024: the year's register counts them, none registered during it.
            #expect((figure("members", "members")?.integer ?? 0) > 30_000)
            #expect(figure("members", "registered") == .integer(0))
            let studios = try FigureValue.of(named2024)
            #expect(qingyang.modules["studios"]?.current == studios)
            guard case .object(let safety)? = qingyang.modules["safety"]?.current, case .list(let campaigns)? = safety["campaigns"] else {
                Issue.record("no safety figures")
                return
            }
            #expect(campaigns.first == (try FigureValue.of(rates)))
            #expect(jinchangDocument.modules["outreach"]?.current == (try FigureValue.of(outreach)))
        }
    }
}
