import Foundation
import Testing
import UnionHallCore

@Suite struct InnovationRulesTests {
    /// Every step from every status: exactly the table's transitions are allowed.
    @Test func theWorkflowTable() {
        let allowed: [InnovationStep: [InnovationStatus: InnovationStatus]] = [
            .review: [.submitted: .underReview],
            .adopt: [.underReview: .adopted],
            .reject: [.submitted: .rejected, .underReview: .rejected],
            .implement: [.adopted: .implemented],
            .assess: [.implemented: .assessed],
            .award: [.adopted: .awarded, .implemented: .awarded, .assessed: .awarded, .awarded: .awarded],
        ]
        for step in InnovationStep.allCases {
            for status in InnovationStatus.allCases {
                switch step.apply(to: status) {
                case .success(let next): #expect(allowed[step]?[status] == next, "\(step) from \(status)")
                case .failure(let issue):
                    #expect(allowed[step]?[status] == nil, "\(step) from \(status)")
                    #expect(issue.key == (step == .award ? "error.innovation.awardBeforeAdoption" : "error.workflow.step"))
                }
            }
        }
    }

    @Test func draftsNameTheFieldTheyFailOn() {
        let today = CivilDate(year: 2024, month: 6, day: 3)!
        func field(_ draft: InnovationDraft) -> String? {
            if case .failure(let issue) = draft.validate(today: today) { return issue.field }
            return nil
        }
        #expect(field(InnovationDraft(kind: "合理化建议", title: "t", problem: "p", proposal: "p")) == nil)
        #expect(field(InnovationDraft(kind: "五小", subKind: "小设计", title: "t", problem: "p", proposal: "p")) == nil)
        #expect(field(InnovationDraft(kind: "", title: "t", problem: "p", proposal: "p")) == "kind")
        #expect(field(InnovationDraft(kind: "合理建议", title: "t", problem: "p", proposal: "p")) == "kind")
        #expect(field(InnovationDraft(kind: "五小", title: "t", problem: "p", proposal: "p")) == "subKind")
        #expect(
            field(
                InnovationDraft(
                    kind: "technicalInnovation", subKind: "小设计", title: "t", problem: "p",
                    proposal: "p")) == "subKind")
        #expect(
            field(InnovationDraft(kind: "invention", title: String(repeating: "长", count: 101), problem: "p", proposal: "p")) == "title")
        #expect(field(InnovationDraft(kind: "invention", title: "t", problem: " ", proposal: "p")) == "problem")
        #expect(
            field(InnovationDraft(kind: "invention", title: "t", problem: "p", proposal: "p", expectedBenefit: "-1"))
                == "expectedBenefitFen")
        #expect(
            field(InnovationDraft(kind: "invention", title: "t", problem: "p", proposal: "p", expectedBenefit: "1.234"))
                == "expectedBenefitFen")
        #expect(
            field(InnovationDraft(kind: "invention", title: "t", problem: "p", proposal: "p", submittedDate: "2024-06-04"))
                == "submittedDate")
        let valid = try? InnovationDraft(
            kind: "先进操作法", title: " t ", problem: "p", proposal: "p",
            expectedBenefit: "5,600,000"
        ).validate(
            today: today
        ).get()
        #expect(valid?.kind == .advancedMethod)
        #expect(valid?.expectedBenefitFen == 560_000_000)
        #expect(valid?.submittedDate == today)
    }

    @Test func scoresAndWeights() {
        #expect(ScoreWeights(innovation: 30, feasibility: 40, benefit: 30).check() == nil)
        #expect(ScoreWeights(innovation: 30, feasibility: 40, benefit: 31).check()?.field == "benefit")
        #expect(ScoreWeights(innovation: -10, feasibility: 60, benefit: 50).check()?.field == "innovation")
        for kind in InnovationKind.allCases { #expect(ScoreWeights.standard(for: kind).check() == nil) }
        let scores = try? ReviewScores.check(innovation: 80, feasibility: 90, benefit: 70).get()
        #expect(scores?.weighted(by: ScoreWeights(innovation: 30, feasibility: 40, benefit: 30)) == 8_100)
        #expect(
            ReviewScores.check(innovation: 101, feasibility: 0, benefit: 0)
                == .failure(FieldIssue(field: "innovation", key: "error.range", arguments: ["0", "100"])))
        #expect(
            ReviewScores.check(innovation: 0, feasibility: -1, benefit: 0)
                == .failure(FieldIssue(field: "feasibility", key: "error.range", arguments: ["0", "100"])))
        #expect(
            ReviewScores.check(innovation: 0, feasibility: 0, benefit: nil) == .failure(FieldIssue(field: "benefit", key: "error.required"))
        )
    }

    @Test func conflictsOfInterest() {
        let author = UUID()
        let coAuthor = UUID()
        let team = UUID()
        let stranger = UUID()
        #expect(ReviewConflict.check(reviewerMember: nil, reviewerTeam: nil, authors: [author], authorTeams: [team], itemTeam: team) == nil)
        #expect(
            ReviewConflict.check(reviewerMember: coAuthor, reviewerTeam: nil, authors: [author, coAuthor], authorTeams: [], itemTeam: nil)?
                .key == "error.innovation.reviewerIsAuthor")
        #expect(
            ReviewConflict.check(reviewerMember: stranger, reviewerTeam: team, authors: [author], authorTeams: [team], itemTeam: nil)?.key
                == "error.innovation.reviewerSameTeam")
        #expect(
            ReviewConflict.check(reviewerMember: stranger, reviewerTeam: team, authors: [author], authorTeams: [], itemTeam: team)?.key
                == "error.innovation.reviewerSameTeam")
        #expect(
            ReviewConflict.check(reviewerMember: stranger, reviewerTeam: UUID(), authors: [author], authorTeams: [team], itemTeam: team)
                == nil)
    }

    @Test func subsidiesWithinTheBudget() {
        #expect(SubsidyRules.check(amountFen: 100, spentFen: 0, budgetFen: 100, status: .adopted) == nil)
        #expect(SubsidyRules.check(amountFen: 100, spentFen: 0, budgetFen: 100, status: .underReview)?.field == "status")
        #expect(
            SubsidyRules.check(amountFen: 101, spentFen: 0, budgetFen: 100, status: .awarded)
                == FieldIssue(field: "amountFen", key: "error.innovation.overBudget", arguments: ["¥1.00"]))
        #expect(SubsidyRules.check(amountFen: 0, spentFen: 0, budgetFen: 100, status: .assessed)?.key == "error.amount.positive")
        #expect(SubsidyRules.check(amountFen: 50, spentFen: 60, budgetFen: 100, status: .implemented)?.key == "error.innovation.overBudget")
    }

    @Test func awardsMatchTheirLevel() {
        #expect(InnovationAwardRules.check(level: .international, grade: .gold, year: 2024, currentYear: 2024) == nil)
        #expect(InnovationAwardRules.check(level: .international, grade: .first, year: 2024, currentYear: 2024)?.field == "grade")
        #expect(InnovationAwardRules.check(level: .provincial, grade: .silver, year: 2024, currentYear: 2024)?.field == "grade")
        #expect(InnovationAwardRules.check(level: .city, grade: .third, year: 2025, currentYear: 2024)?.field == "year")
        #expect(InnovationAwardRules.check(level: nil, grade: .third, year: 2024, currentYear: 2024)?.field == "level")
    }

    @Test func filesAreJudgedByTheirBytes() {
        #expect(FileKind.sniff([0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(FileKind.sniff(Array("%PDF-1.7".utf8)) == .pdf)
        #expect(FileKind.sniff(Array("GIF89a".utf8)) == nil)
        #expect(
            FileKind.checkAttachment([0x50, 0x4B, 0x03, 0x04], maxBytes: 10) == .failure(FieldIssue(field: "file", key: "error.file.type")))
        #expect(
            FileKind.checkAttachment([0xFF, 0xD8, 0xFF] + Array(repeating: 0, count: 20), maxBytes: 10).map { _ in true }
                == .failure(FieldIssue(field: "file", key: "error.file.tooLarge", arguments: ["0"])))
    }

    @Test func spreadsheetCellsNeverRunAsFormulas() {
        for text in ["=1+1", "+86", "-2", "@SUM(A1)", "\tx", "\rx"] { #expect(SpreadsheetText.safe(text) == "'" + text) }
        #expect(SpreadsheetText.safe("梁东平") == "梁东平")
        #expect(SpreadsheetText.safe("") == "")
    }

    @Test func textIsReadAsUTF8OrGBK() {
        let gbk: [UInt8] = [0xBA, 0xCF, 0xC0, 0xED, 0xBB, 0xAF, 0xBD, 0xA8, 0xD2, 0xE9]  // 合理化建议
        #expect(TextEncoding.decode(gbk)?.text == "合理化建议")
        #expect(TextEncoding.decode(gbk)?.encoding == .gb18030)
        #expect(TextEncoding.decode([0xEF, 0xBB, 0xBF] + Array("类别".utf8))?.text == "类别")
        #expect(TextEncoding.decode([0xFF, 0xFF, 0xFF]) == nil)
    }
}
