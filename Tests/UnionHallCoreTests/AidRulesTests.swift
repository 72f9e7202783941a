import Testing
import UnionHallCore

@Suite struct AidRulesTests {
    func date(_ text: String) -> CivilDate { CivilDate(text)! }

    @Test(arguments: [
        // verified, today, standing
        ("2024-03-01", "2025-02-28", HardshipStatus.verified),
        ("2024-03-01", "2025-03-01", .lapsed),
        ("2024-02-29", "2025-02-27", .verified),
        ("2024-02-29", "2025-02-28", .lapsed),
        ("2023-12-31", "2024-12-30", .verified),
        ("2023-12-31", "2024-12-31", .lapsed),
        ("2024-02-28", "2025-02-28", .lapsed),
        ("2024-03-01", "2025-02-28", .verified),
        ("2027-02-28", "2028-02-29", .lapsed),
        ("2027-03-01", "2028-02-29", .verified),
    ])
    func aVerificationHoldsForAYear(verified: String, today: String, standing: HardshipStatus) {
        #expect(HardshipFiles.standing(stored: .verified, verified: date(verified), today: date(today)) == standing)
        // The SQL filter's cutoff agrees with the reading of one file.
        #expect((date(verified) <= HardshipFiles.lapsedCutoff(today: date(today))) == (standing == .lapsed))
        #expect(HardshipFiles.standing(stored: .pending, verified: nil, today: date(today)) == .pending)
        #expect(HardshipFiles.standing(stored: .closed, verified: date(verified), today: date(today)) == .closed)
    }

    @Test func lapseDatesInShanghaiCalendarTerms() {
        #expect(HardshipFiles.lapsesOn(verified: date("2024-03-01")) == date("2025-03-01"))
        #expect(HardshipFiles.lapsesOn(verified: date("2024-02-29")) == date("2025-02-28"))
    }

    @Test func hardshipStepsFromEveryStanding() {
        let table: [(HardshipStep, HardshipStatus, HardshipStatus?)] = [
            (.verify, .pending, .verified), (.verify, .verified, nil), (.verify, .lapsed, nil), (.verify, .closed, nil),
            (.reverify, .pending, nil), (.reverify, .verified, .verified), (.reverify, .lapsed, .verified), (.reverify, .closed, nil),
            (.close, .pending, .closed), (.close, .verified, .closed), (.close, .lapsed, .closed), (.close, .closed, nil),
        ]
        for (step, from, to) in table {
            #expect((try? step.apply(to: from).get()) == to, "\(step) from \(from)")
        }
        #expect(HardshipStep.verify.minimumDepth == 1)
        #expect(HardshipStep.close.minimumDepth == nil)
    }

    @Test func householdFigures() {
        #expect(HardshipFiles.check(householdSize: nil, incomePerHeadFen: 0)?.field == "householdSize")
        #expect(HardshipFiles.check(householdSize: 0, incomePerHeadFen: 0)?.key == "error.hardship.household")
        #expect(HardshipFiles.check(householdSize: 4, incomePerHeadFen: -1)?.key == "error.amount.positive")
        #expect(HardshipFiles.check(householdSize: 4, incomePerHeadFen: nil)?.field == "incomePerHeadFen")
        #expect(HardshipFiles.check(householdSize: 4, incomePerHeadFen: 60_000) == nil)
    }

    @Test func aidStepsFromEveryStatus() {
        let approve: [AidStatus: AidStatus?] = [
            .submitted: .enterpriseApproved, .enterpriseApproved: .countyApproved, .countyApproved: .approved,
            .approved: nil, .paid: nil, .rejected: nil,
        ]
        for (from, to) in approve { #expect((try? AidStep.approve.apply(to: from).get()) == to, "approve from \(from)") }
        let reject: [AidStatus: AidStatus?] = [
            .submitted: .rejected, .enterpriseApproved: .rejected, .countyApproved: .rejected,
            .approved: nil, .paid: nil, .rejected: nil,
        ]
        for (from, to) in reject { #expect((try? AidStep.reject.apply(to: from).get()) == to, "reject from \(from)") }
    }

    @Test func eachLevelApprovesItsOwnStep() {
        let full = [3, 2, 1, 0]  // a team under an enterprise union under a county under the city
        let noEnterprise = [1, 0]  // a worker filed straight under the county
        #expect(AidApproval.check(status: .submitted, officerDepth: 2, applicantDepths: full) == nil)
        #expect(AidApproval.check(status: .submitted, officerDepth: 1, applicantDepths: full)?.key == "error.aid.level2")
        #expect(AidApproval.check(status: .submitted, officerDepth: 1, applicantDepths: noEnterprise) == nil)
        #expect(AidApproval.check(status: .enterpriseApproved, officerDepth: 2, applicantDepths: full)?.key == "error.aid.level1")
        #expect(AidApproval.check(status: .enterpriseApproved, officerDepth: 1, applicantDepths: full) == nil)
        #expect(AidApproval.check(status: .enterpriseApproved, officerDepth: 0, applicantDepths: full)?.key == "error.aid.level1")
        #expect(AidApproval.check(status: .countyApproved, officerDepth: 1, applicantDepths: full)?.key == "error.aid.level0")
        #expect(AidApproval.check(status: .countyApproved, officerDepth: 0, applicantDepths: full) == nil)
        #expect(AidApproval.check(status: .countyApproved, officerDepth: nil, applicantDepths: full) == nil)
    }

    @Test func eligibility() {
        #expect(
            AidEligibility.check(hasVerifiedFile: true, claimsPriority: false, programmeHasPriority: false, isIndustrialWorker: false)
                == nil)
        #expect(
            AidEligibility.check(hasVerifiedFile: false, claimsPriority: false, programmeHasPriority: true, isIndustrialWorker: true)?.field
                == "hardshipFileId")
        #expect(
            AidEligibility.check(hasVerifiedFile: false, claimsPriority: true, programmeHasPriority: false, isIndustrialWorker: true)?.key
                == "error.aid.noPriorityGroup")
        #expect(
            AidEligibility.check(hasVerifiedFile: false, claimsPriority: true, programmeHasPriority: true, isIndustrialWorker: false)?.key
                == "error.aid.notIndustrialWorker")
        #expect(
            AidEligibility.check(hasVerifiedFile: false, claimsPriority: true, programmeHasPriority: true, isIndustrialWorker: true) == nil)
        #expect(AidEligibility.check(admissionYear: nil, programmeYear: 2024)?.key == "error.required")
        #expect(AidEligibility.check(admissionYear: 2025, programmeYear: 2024)?.key == "error.aid.admissionYear")
        #expect(AidEligibility.check(admissionYear: 2015, programmeYear: 2024)?.key == "error.aid.admissionYear")
        #expect(AidEligibility.check(admissionYear: 2021, programmeYear: 2024) == nil)
    }

    @Test func accountsShowOnlyTheirLastDigits() {
        #expect(Masking.account("6222021234567890123") == "***************0123")
        #expect(Masking.account("123") == "***")
    }

    @Test func reliefPaysTheLevelsAmountAndMedicalAidNoMoreThanTheCostsBorne() throws {
        #expect(try ReliefAmount.amount(kind: .springFestival, levelAmountFen: 100_000, medicalExpensesFen: nil).get() == 100_000)
        #expect(try ReliefAmount.amount(kind: .livingAid, levelAmountFen: 200_000, medicalExpensesFen: 5).get() == 200_000)
        #expect(try ReliefAmount.amount(kind: .medicalAid, levelAmountFen: 500_000, medicalExpensesFen: 320_000).get() == 320_000)
        #expect(try ReliefAmount.amount(kind: .medicalAid, levelAmountFen: 500_000, medicalExpensesFen: 900_000).get() == 500_000)
        func issue(_ result: Result<Int64, FieldIssue>) -> String? {
            if case .failure(let issue) = result { return "\(issue.field):\(issue.key)" }
            return nil
        }
        #expect(
            issue(ReliefAmount.amount(kind: .livingAid, levelAmountFen: 0, medicalExpensesFen: nil))
                == "hardshipFileId:error.aid.levelNotCovered")
        #expect(
            issue(ReliefAmount.amount(kind: .medicalAid, levelAmountFen: 500_000, medicalExpensesFen: nil))
                == "medicalExpensesFen:error.required")
        #expect(
            issue(ReliefAmount.amount(kind: .medicalAid, levelAmountFen: 500_000, medicalExpensesFen: 0))
                == "medicalExpensesFen:error.aid.medicalExpenses")
        #expect(
            issue(
                ReliefAmount.amount(kind: .medicalAid, levelAmountFen: 500_000, medicalExpensesFen: ReliefAmount.maxMedicalExpensesFen + 1))
                == "medicalExpensesFen:error.aid.medicalExpenses")
        #expect(AidKind.allCases.filter(\.isRelief) == [.springFestival, .livingAid, .medicalAid])
    }
}
