import Foundation
import Testing
import UnionHallCore

@Suite struct UnitRulesTests {
    @Test(arguments: [
        (UnitKind.city, UnitKind.county, true), (.city, .industry, true), (.county, .industry, true), (.county, .enterprise, true),
        (.industry, .enterprise, true), (.enterprise, .team, true), (.city, .team, true),
        (.county, .county, false), (.enterprise, .county, false), (.team, .team, false), (.county, .city, false),
        (.industry, .county, false),
    ])
    func whichKindsNest(_ parent: UnitKind, _ child: UnitKind, _ allowed: Bool) {
        #expect(parent.mayContain(child) == allowed)
    }

    @Test func placementRules() {
        #expect(UnitRules.checkPlacement(kind: .city, parentKind: nil, unitID: nil, parentAncestry: []) == nil)
        #expect(
            UnitRules.checkPlacement(kind: .county, parentKind: nil, unitID: nil, parentAncestry: [])?.key == "error.unit.parentRequired")
        #expect(
            UnitRules.checkPlacement(kind: .team, parentKind: .enterprise, unitID: "A", parentAncestry: ["C", "A", "root"])?.key
                == "error.unit.cycle")
        #expect(UnitRules.checkPlacement(kind: .county, parentKind: .enterprise, unitID: nil, parentAncestry: ["E"])?.field == "kind")
    }
}

@Suite struct MemberDraftTests {
    let id = "620102199001011233"

    func draft(
        name: String = "孙学祥", gender: Gender? = nil, idNumber: String? = nil, mobile: String? = nil, trade: String? = nil,
        level: Int? = nil
    ) -> MemberDraft {
        MemberDraft(name: name, gender: gender, idNumber: idNumber ?? id, mobile: mobile, trade: trade, skillLevel: level)
    }

    @Test func validDraftTakesGenderFromID() throws {
        let valid = try draft(mobile: "13812345678", trade: "焊工", level: 2).validate().get()
        #expect(valid.gender == .male)
        #expect(valid.skillLevel == .technician)
    }

    @Test(arguments: [
        (MemberDraftCase.emptyName, "name", "error.required"),
        (.longName, "name", "error.tooLong"),
        (.missingID, "idNumber", "error.required"),
        (.badChecksum, "idNumber", "error.idNumber.checksum"),
        (.genderMismatch, "gender", "error.gender.mismatch"),
        (.badMobile, "mobile", "error.mobile.invalid"),
        (.unknownTrade, "trade", "error.trade.unknown"),
        (.badLevel, "skillLevel", "error.skillLevel.invalid"),
    ])
    func namesTheFailingField(_ testCase: MemberDraftCase, _ field: String, _ key: String) {
        let result: Result<MemberDraft.Valid, FieldIssue>
        switch testCase {
        case .emptyName: result = draft(name: "  ").validate()
        case .longName: result = draft(name: String(repeating: "张", count: 31)).validate()
        case .missingID: result = draft(idNumber: "").validate()
        case .badChecksum: result = draft(idNumber: "620102199001011234").validate()
        case .genderMismatch: result = draft(gender: .female).validate()
        case .badMobile: result = draft(mobile: "12345").validate()
        case .unknownTrade: result = draft(trade: "宇航员").validate()
        case .badLevel: result = draft(level: 6).validate()
        }
        guard case .failure(let issue) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(issue.field == field)
        #expect(issue.key == key)
    }

    @Test func organizationNeedsAValidCodeWhenEmployer() {
        #expect((try? OrganizationDraft(name: "某公司", kind: .employer, creditCode: nil).validate().get()) == nil)
        #expect((try? OrganizationDraft(name: "陇东学院", kind: .college, creditCode: "").validate().get()) != nil)
        guard
            case .failure(let issue) = OrganizationDraft(
                name: "某公司", kind: .employer,
                creditCode: "91350100M000100Y44"
            ).validate()
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(issue.field == "creditCode")
        #expect(issue.key == "error.creditCode.checksum")
    }
}

enum MemberDraftCase: Sendable, CaseIterable {
    case emptyName, longName, missingID, badChecksum, genderMismatch, badMobile, unknownTrade, badLevel
}

@Suite struct SessionPolicyTests {
    let policy = SessionPolicy(idleTimeout: 1800, absoluteTimeout: 43_200)
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func idleAndAbsoluteTimeouts() {
        #expect(!policy.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(1799)))
        #expect(policy.isExpired(createdAt: start, lastSeenAt: start, now: start.addingTimeInterval(1801)))
        let busy = start.addingTimeInterval(43_000)
        #expect(policy.isExpired(createdAt: start, lastSeenAt: busy, now: busy.addingTimeInterval(300)))
        #expect(policy.expiry(createdAt: start, lastSeenAt: start) == start.addingTimeInterval(1800))
    }

    @Test func failedSignInsWaitLongerEachTimeButNeverForGood() {
        let rule = LoginThrottle.accountFromClient
        #expect(rule.delay(afterFailures: 4) == 0)
        #expect(rule.delay(afterFailures: 5) == 1)
        #expect(rule.delay(afterFailures: 7) == 4)
        #expect(rule.delay(afterFailures: 40) == 15 * 60)
        #expect(rule.delay(afterFailures: Int.max) == 15 * 60)
        // The owner of an account under attack from elsewhere waits a minute at most.
        #expect(LoginThrottle.account.delay(afterFailures: 10_000) == 60)
        // Joining is a quota: the eleventh application within the hour waits the hour, not a second.
        #expect(LoginThrottle.joining.delay(afterFailures: 9) == 0)
        #expect(LoginThrottle.joining.delay(afterFailures: 10) == 60 * 60)
    }

    @Test func passwordsAreLongAndNotCommon() {
        #expect(PasswordPolicy.check("Union@2024", username: "qingyang")?.key == "error.password.short")
        #expect(PasswordPolicy.check("password1234", username: "qingyang")?.key == "error.password.common")
        #expect(PasswordPolicy.check("123456789012", username: "qingyang")?.key == "error.password.common")
        #expect(PasswordPolicy.check("aaaaaaaaaaaaaa", username: "qingyang")?.key == "error.password.common")
        #expect(PasswordPolicy.check("qingyang-2024!", username: "qingyang")?.key == "error.password.common")
        #expect(PasswordPolicy.check(String(repeating: "ab1", count: 50), username: "x")?.key == "error.password.long")
        #expect(PasswordPolicy.check("庆阳职工 brave kite 7", username: "qingyang") == nil)
    }

    @Test func numbersFromOutsideStayInBounds() {
        #expect(Fen.parse(yuan: "92233720368547758.99") == nil)
        #expect(Fen.parse(yuan: "10000000000.00") == Fen(Limits.fen))
        #expect(Fen.parse(yuan: "10000000000.01") == nil)
        #expect(CompetitionScoring.parseMarks("99999999999999999999") == nil)
        #expect(CompetitionScoring.parseMarks("1000.01") == nil)
        #expect(CompetitionScoring.parseMarks("٣٥") == nil)
        #expect(CivilDate(year: Int.max, month: 1, day: 1) == nil)
        #expect([Int64.max, 1].checkedSum() == nil)
        #expect([Int64(5), 7].checkedSum() == 12)
        #expect(AccidentRates.perThousand(casualties: Int.max, headcount: 1) == nil)
        #expect(Fen(.max) + Fen(1) == Fen(.max))
    }
}

@Suite struct CivilDateTests {
    @Test func parsesAndRejects() {
        #expect(CivilDate("2024-06-03") == CivilDate(year: 2024, month: 6, day: 3))
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate("2024-6-3") == nil)
        #expect(CivilDate("2024-02-29")?.adding(days: 15).description == "2024-03-15")
    }

    @Test func todayIsTakenInShanghai() {
        // 2024-06-02 17:30 UTC is already 2024-06-03 in Asia/Shanghai.
        #expect(CivilDate(Date(timeIntervalSince1970: 1_717_349_400)).description == "2024-06-03")
    }
}

@Suite struct HonorDraftTests {
    @Test func titlesWithAFixedLevelTakeIt() throws {
        let valid = try HonorDraft(
            title: .longyuanCraftsman, level: nil, year: 2023,
            awardingBody: "甘肃省总工会"
        ).validate(currentYear: 2024)
            .get()
        #expect(valid.level == .provincial)
    }

    @Test(arguments: [
        (HonorDraft(title: nil, level: .city, year: 2024, awardingBody: "庆阳市总工会"), "title", "error.required"),
        (HonorDraft(title: .modelWorker, level: nil, year: 2024, awardingBody: "庆阳市人民政府"), "level", "error.required"),
        (
            HonorDraft(title: .greatCraftsman, level: .city, year: 2024, awardingBody: "中华全国总工会"), "level",
            "error.honor.levelForTitle"
        ),
        (HonorDraft(title: .modelWorker, level: .city, year: 1949, awardingBody: "庆阳市人民政府"), "year", "error.honor.year"),
        (HonorDraft(title: .modelWorker, level: .city, year: 2025, awardingBody: "庆阳市人民政府"), "year", "error.honor.year"),
        (HonorDraft(title: .modelWorker, level: .city, year: nil, awardingBody: "庆阳市人民政府"), "year", "error.required"),
        (HonorDraft(title: .modelWorker, level: .city, year: 2024, awardingBody: " "), "awardingBody", "error.required"),
    ])
    func namesTheFailingField(_ draft: HonorDraft, _ field: String, _ key: String) {
        guard case .failure(let issue) = draft.validate(currentYear: 2024) else {
            Issue.record("expected a failure")
            return
        }
        #expect(issue.field == field)
        #expect(issue.key == key)
    }

    @Test func rosterTitles() {
        #expect(HonorTitle.modelWorker.isModelWorkerOrCraftsman)
        #expect(HonorTitle.longyuanCraftsman.isModelWorkerOrCraftsman)
        #expect(!HonorTitle.technicalPacesetter.isModelWorkerOrCraftsman)
    }
}

@Suite struct MentorshipWorkflowTests {
    /// Every step from every status: legal ones lead where the table says, the rest are refused.
    @Test(arguments: MentorshipStep.allCases)
    func stepsFromEveryStatus(_ step: MentorshipStep) {
        let legal: [MentorshipStep: [MentorshipStatus: MentorshipStatus]] = [
            .sign: [.draft: .signed],
            .start: [.signed: .inProgress],
            .complete: [.inProgress: .completed],
            .terminate: [.draft: .terminated, .signed: .terminated, .inProgress: .terminated],
        ]
        for status in MentorshipStatus.allCases {
            switch step.apply(to: status) {
            case .success(let next): #expect(legal[step]?[status] == next, "\(step) from \(status)")
            case .failure(let issue):
                #expect(legal[step]?[status] == nil, "\(step) from \(status) should be allowed")
                #expect(issue.key == "error.mentorship.step")
            }
        }
    }

    @Test func mentorEligibility() {
        #expect(MentorshipRules.checkMentor(skillLevel: .technician, holdsRecognisedTitle: false) == nil)
        #expect(MentorshipRules.checkMentor(skillLevel: .junior, holdsRecognisedTitle: true) == nil)
        #expect(MentorshipRules.checkMentor(skillLevel: .senior, holdsRecognisedTitle: false)?.field == "mentorId")
        #expect(MentorshipRules.checkMentor(skillLevel: nil, holdsRecognisedTitle: false)?.key == "error.mentorship.mentorNotEligible")
    }

    @Test func apprenticeTermAndOutcome() {
        #expect(MentorshipRules.checkApprentice("a", mentor: "a", activeAgreements: 0)?.key == "error.mentorship.self")
        #expect(MentorshipRules.checkApprentice("a", mentor: "b", activeAgreements: 1)?.key == "error.mentorship.apprenticeBusy")
        #expect(MentorshipRules.checkApprentice("a", mentor: "b", activeAgreements: 0) == nil)
        #expect(MentorshipRules.checkTerm(start: CivilDate("2024-03-01"), end: CivilDate("2024-03-01"))?.field == "endDate")
        #expect(MentorshipRules.checkTerm(start: CivilDate("2024-03-01"), end: CivilDate("2025-02-28")) == nil)
        #expect(MentorshipRules.checkOutcome(before: .senior, after: .intermediate)?.key == "error.mentorship.levelDown")
        #expect(MentorshipRules.checkOutcome(before: .intermediate, after: .senior) == nil)
        #expect(MentorshipRules.checkOutcome(before: nil, after: nil)?.field == "levelAfter")
    }
}

@Suite struct StudioRulesTests {
    @Test func studioDraft() throws {
        let valid = try StudioDraft(
            name: "巩怀华劳模创新工作室", kind: .modelWorkerStudio, level: .city, yearNamed: 2019,
            namedBy: "庆阳市总工会"
        )
        .validate(currentYear: 2024).get()
        #expect(valid.kind == .modelWorkerStudio)
        guard
            case .failure(let issue) = StudioDraft(name: "x", kind: .innovativeTeam, level: .city, yearNamed: 2030, namedBy: "y").validate(
                currentYear: 2024)
        else {
            Issue.record("expected a failure")
            return
        }
        #expect(issue.field == "yearNamed")
    }

    @Test func resultLines() {
        #expect(StudioResultRules.check(kind: .inventionPatent, quantity: 5, amountFen: nil, year: 2024, currentYear: 2024) == nil)
        #expect(
            StudioResultRules.check(kind: .inventionPatent, quantity: 0, amountFen: nil, year: 2024, currentYear: 2024)?.field == "quantity"
        )
        #expect(StudioResultRules.check(kind: .funding, quantity: nil, amountFen: 20_000_000, year: 2024, currentYear: 2024) == nil)
        #expect(StudioResultRules.check(kind: .benefit, quantity: 3, amountFen: nil, year: 2024, currentYear: 2024)?.field == "amountFen")
        #expect(
            StudioResultRules.check(kind: .benefit, quantity: nil, amountFen: -5, year: 2024, currentYear: 2024)?.key
                == "error.amount.positive")
        #expect(StudioResultRules.check(kind: nil, quantity: 1, amountFen: nil, year: 2024, currentYear: 2024)?.field == "kind")
        // A measured benefit: a quantity in its unit, against a baseline if one is given.
        func measured(_ quantity: Int?, _ unit: String?, _ baseline: String? = nil) -> String? {
            StudioResultRules.check(
                kind: .measuredBenefit, quantity: quantity, amountFen: nil, unit: unit, baseline: baseline, year: 2024, currentYear: 2024
            )?.field
        }
        #expect(measured(12, "%", "改造前装置能耗") == nil)
        #expect(measured(12_000, "吨标准煤/年") == nil)
        #expect(measured(12, nil) == "unit")
        #expect(measured(12, "  ") == "unit")
        #expect(measured(12, String(repeating: "吨", count: 21)) == "unit")
        #expect(measured(nil, "%") == "quantity")
        #expect(measured(12, "%", String(repeating: "基", count: 101)) == "baseline")
        #expect(StudioResultKind.measuredBenefit.isMeasured && !StudioResultKind.measuredBenefit.isMoney)
    }
}

@Suite struct OutreachRulesTests {
    @Test(arguments: OutreachStatus.allCases)
    func onlyPlannedActivitiesMove(_ status: OutreachStatus) {
        for step in OutreachStep.allCases {
            switch step.apply(to: status) {
            case .success(let next):
                #expect(status == .planned)
                #expect(next == (step == .hold ? .held : .cancelled))
            case .failure(let issue):
                #expect(status != .planned)
                #expect(issue.key == "error.workflow.step")
            }
        }
    }

    @Test func heldNeedsDatePeopleAndLeaders() {
        let day = CivilDate("2024-05-01")
        #expect(OutreachRules.checkHeld(personTimes: 120, leaders: 1, heldDate: day) == nil)
        #expect(OutreachRules.checkHeld(personTimes: nil, leaders: 1, heldDate: day)?.field == "personTimes")
        #expect(OutreachRules.checkHeld(personTimes: 200_000, leaders: 1, heldDate: day)?.key == "error.outreach.personTimes")
        #expect(OutreachRules.checkHeld(personTimes: 10, leaders: 0, heldDate: day)?.field == "leaderIds")
        #expect(OutreachRules.checkHeld(personTimes: 10, leaders: 1, heldDate: nil)?.field == "date")
    }
}

@Suite struct TechProblemWorkflowTests {
    @Test(arguments: TechProblemStep.allCases)
    func stepsFromEveryStatus(_ step: TechProblemStep) {
        let legal: [TechProblemStep: [TechProblemStatus: TechProblemStatus]] = [
            .match: [.raised: .matched, .matched: .matched],
            .solve: [.matched: .solved],
            .close: [.raised: .closed, .matched: .closed],
        ]
        for status in TechProblemStatus.allCases {
            switch step.apply(to: status) {
            case .success(let next): #expect(legal[step]?[status] == next, "\(step) from \(status)")
            case .failure: #expect(legal[step]?[status] == nil, "\(step) from \(status) should be allowed")
            }
        }
    }
}
