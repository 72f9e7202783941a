import Testing
import UnionHallCore

@Suite struct SafetyRulesTests {
    @Test(arguments: [(25, 2_000, 12_500), (0, 500, 0), (1, 3, 333_333), (2, 3, 666_667)])
    func ratePerThousand(_ casualties: Int, _ headcount: Int, _ expected: Int) {
        #expect(AccidentRates.perThousand(casualties: casualties, headcount: headcount) == expected)
    }

    @Test func noRateWithoutWorkers() {
        #expect(AccidentRates.perThousand(casualties: 1, headcount: 0) == nil)
    }

    /// 12.5‰ to 9.125‰ is a 27.0 % fall; rises are positive; no base, no change.
    @Test func changeYearOnYear() {
        #expect(AccidentRates.change(from: 12_500, to: 9_125) == -270)
        #expect(AccidentRates.change(from: 10_000, to: 11_000) == 100)
        #expect(AccidentRates.change(from: 0, to: 5) == nil)
        #expect(AccidentRates.change(from: nil, to: 5) == nil)
    }

    @Test func recordsNeedCountsThatAreNotNegative() {
        #expect(AccidentRates.checkRecord(injured: 1, deaths: 0, lostDays: 10) == nil)
        #expect(AccidentRates.checkRecord(injured: -1, deaths: 0, lostDays: 0)?.field == "injured")
        #expect(AccidentRates.checkRecord(injured: 0, deaths: nil, lostDays: 0)?.field == "deaths")
    }
}

@Suite struct HazardRulesTests {
    @Test func theWorkflowAsATable() {
        let legal: [(HazardStep, HazardStatus, HazardStatus)] = [
            (.verify, .reported, .verified), (.order, .verified, .rectificationOrdered), (.rectify, .rectificationOrdered, .rectified),
            (.reward, .rectified, .rewarded), (.reject, .reported, .rejected), (.reject, .verified, .rejected),
        ]
        for step in HazardStep.allCases {
            for status in HazardStatus.allCases {
                let expected = legal.first { $0.0 == step && $0.1 == status }?.2
                switch step.apply(to: status) {
                case .success(let next): #expect(next == expected, "\(step) from \(status)")
                case .failure: #expect(expected == nil, "\(step) from \(status)")
                }
            }
        }
    }

    @Test func rewardsFollowTheScheduleUnderTheCap() throws {
        #expect(try HazardRewards.amount(asked: nil, severity: .major, cap: 500_000).get() == 500_000)
        #expect(try HazardRewards.amount(asked: nil, severity: .major, cap: 300_000).get() == 300_000)
        #expect(try HazardRewards.amount(asked: nil, severity: .minor, cap: 500_000).get() == 20_000)
        #expect(try HazardRewards.amount(asked: 500_000, severity: .minor, cap: 500_000).get() == 500_000)
        if case .failure(let issue) = HazardRewards.amount(asked: 500_001, severity: .major, cap: 500_000) {
            #expect(issue.key == "error.hazard.aboveCap")
        } else {
            Issue.record("above the cap")
        }
        if case .failure(let issue) = HazardRewards.amount(asked: 0, severity: .major, cap: 500_000) {
            #expect(issue.field == "amountFen")
        } else {
            Issue.record("zero")
        }
    }
}
