import Testing
import UnionHallCore

@Suite struct DisputeRulesTests {
    let accepted = CivilDate(year: 2024, month: 3, day: 20)!

    @Test func theWorkflowAsATable() {
        let legal: [(DisputeStep, DisputeStatus, DisputeStatus)] = [
            (.mediate, .accepted, .inMediation), (.settle, .inMediation, .settled), (.fail, .accepted, .failed),
            (.fail, .inMediation, .failed),
            (.withdraw, .accepted, .withdrawn), (.withdraw, .inMediation, .withdrawn),
        ]
        for step in DisputeStep.allCases {
            for status in DisputeStatus.allCases {
                let expected = legal.first { $0.0 == step && $0.1 == status }?.2
                switch step.apply(to: status) {
                case .success(let next): #expect(next == expected, "\(step) from \(status)")
                case .failure(let issue):
                    #expect(expected == nil, "\(step) from \(status)")
                    #expect(issue.field == "status")
                }
            }
        }
    }

    /// Fifteen calendar days from acceptance, across a month end, in Shanghai dates.
    @Test func theDeadlineCountsCalendarDays() {
        #expect(MediationDeadline.deadline(accepted: accepted).description == "2024-04-04")
        #expect(MediationDeadline.deadline(accepted: CivilDate(year: 2024, month: 2, day: 20)!).description == "2024-03-06")
        let deadline = MediationDeadline.deadline(accepted: accepted)
        #expect(!MediationDeadline.isOverdue(deadline: deadline, today: deadline, status: .inMediation))
        #expect(MediationDeadline.isOverdue(deadline: deadline, today: deadline.adding(days: 1), status: .inMediation))
        #expect(!MediationDeadline.isOverdue(deadline: deadline, today: deadline.adding(days: 1), status: .settled))
    }

    @Test func oneExtensionWithConsentOfUpToFifteenDays() {
        let current = MediationDeadline.deadline(accepted: accepted)
        func check(_ days: Int, extended: Bool = false, consent: Bool = true) -> String? {
            MediationDeadline.checkExtension(
                accepted: accepted, current: current, newDeadline: current.adding(days: days), alreadyExtended: extended,
                bothConsent: consent)?.key
        }
        #expect(check(15) == nil)
        #expect(check(16) == "error.dispute.extensionTooLong")
        #expect(check(0) == "error.dispute.extensionNotLater")
        #expect(check(-20) == "error.dispute.deadlineBeforeAcceptance")
        #expect(check(5, extended: true) == "error.dispute.extendedOnce")
        #expect(check(5, consent: false) == "error.dispute.consent")
    }

    @Test func paymentsNeverExceedTheAgreedAmount() {
        #expect(SettlementRules.checkPayment(545_000, recovered: 0, agreed: 545_000) == nil)
        #expect(SettlementRules.checkPayment(1, recovered: 545_000, agreed: 545_000)?.key == "error.dispute.aboveAgreed")
        #expect(SettlementRules.checkPayment(0, recovered: 0, agreed: 100)?.key == "error.amount.positive")
        #expect(SettlementRules.checkPayment(-5, recovered: 0, agreed: 100)?.field == "amountFen")
        #expect(SettlementRules.checkAgreed(-1, claimed: 10)?.key == "error.amount.positive")
    }
}
