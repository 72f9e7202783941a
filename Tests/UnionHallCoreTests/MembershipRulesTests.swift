import Testing

@testable import UnionHallCore

@Suite struct MembershipRulesTests {
    @Test func leavingAndRejoiningFollowTheStatus() {
        for status in MembershipStatus.allCases {
            let leave = (try? MembershipStep.leave.allowed(from: status).get()) != nil
            let rejoin = (try? MembershipStep.rejoin.allowed(from: status).get()) != nil
            #expect(leave == (status == .active), "\(status)")
            #expect(rejoin == (status != .active && status != .deceased), "\(status)")
        }
        if case .failure(let issue) = MembershipStep.rejoin.allowed(from: .deceased) { #expect(issue.key == "error.membership.deceased") }
        #expect(LeaveKind.allCases.map(\.status) == [.left, .retired, .deceased, .transferredOut])
    }

    @Test func applicationsAndTransfersAreAnsweredOnce() {
        for step in ApplicationStep.allCases {
            #expect((try? step.apply(to: .submitted).get()) == (step == .approve ? .approved : .rejected))
            for decided in [ApplicationStatus.approved, .rejected] {
                if case .failure(let issue) = step.apply(to: decided) {
                    #expect(issue.key == "error.application.decided")
                } else {
                    Issue.record("\(step) from \(decided)")
                }
            }
        }
        for step in TransferStep.allCases {
            #expect((try? step.apply(to: .requested).get()) == (step == .accept ? .accepted : .rejected))
            for decided in [TransferStatus.accepted, .rejected] { #expect((try? step.apply(to: decided).get()) == nil) }
        }
    }

    @Test func applicationDrafts() {
        let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1990, month: 1, day: 1)!, sequence: 321).value
        func draft(
            _ name: String = "马师傅", id: String = id, mobile: String = "13900001111", platform: String? = nil, dispatched: Bool = false
        )
            -> Result<ApplicationDraft.Valid, FieldIssue>
        {
            ApplicationDraft(name: name, idNumber: id, mobile: mobile, platform: platform, dispatched: dispatched).validate()
        }
        #expect((try? draft().get())?.form == .regular)
        #expect((try? draft(dispatched: true).get())?.form == .dispatched)
        #expect((try? draft(platform: " 货拉拉 ").get())?.platform == "货拉拉")
        #expect((try? draft(platform: "货拉拉").get())?.form == .platform)
        for (bad, field) in [
            (draft(" "), "name"), (draft(id: ""), "idNumber"), (draft(mobile: ""), "mobile"), (draft(mobile: "123"), "mobile"),
            (draft(platform: String(repeating: "台", count: 51)), "platform"),
        ] {
            if case .failure(let issue) = bad { #expect(issue.field == field) } else { Issue.record("\(field) passed") }
        }
    }
}

@Suite struct ProfessionalTitleTests {
    @Test func aPromotionToSeniorReachesASeniorTitleFromBelow() {
        #expect(ProfessionalTitle.promotesToSenior(from: .intermediate, to: .associateSenior))
        #expect(ProfessionalTitle.promotesToSenior(from: nil, to: .senior))
        #expect(!ProfessionalTitle.promotesToSenior(from: .associateSenior, to: .senior))
        #expect(!ProfessionalTitle.promotesToSenior(from: .junior, to: .intermediate))
        #expect(!ProfessionalTitle.promotesToSenior(from: .senior, to: nil))
    }

    @Test func aPostIsTrimmedAndBounded() throws {
        #expect(try MemberPost.check("  安全监督员 ").get() == "安全监督员")
        #expect(try MemberPost.check(" ").get() == nil)
        guard case .failure(let issue) = MemberPost.check(String(repeating: "岗", count: 31)) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(issue.field == "post")
    }
}
