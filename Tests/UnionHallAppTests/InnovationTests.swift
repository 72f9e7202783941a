import Fluent
import Foundation
import SQLKit
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct InnovationTests {
    static func proposal(kind: String = "proposal", subKind: String? = nil, author: UUID? = nil, coAuthors: [UUID]? = nil)
        -> InnovationItemInput
    {
        InnovationItemInput(
            kind: kind, subKind: subKind, title: "皮带机托辊快换工装", problem: "更换托辊需停机两小时",
            proposal: "制作快换工装，不停机更换",
            expectedBenefitFen: 1_200_000, authorId: author, coAuthorIds: coAuthors, submittedDate: "2024-03-01")
    }

    func submitAsWorker(_ world: TestWorld, _ input: InnovationItemInput = proposal()) async throws -> InnovationItemOutput {
        let response = try await world.api(.POST, "api/v1/innovation-items/submit", as: "worker", body: input)
        #expect(response.status == .created)
        return try response.decode(InnovationItemOutput.self)
    }

    func step(_ world: TestWorld, _ id: UUID, _ step: String, _ input: InnovationStepInput, as user: String = "officerA") async throws
        -> LiveResponse
    {
        try await world.api(.POST, "api/v1/innovation-items/\(id)/\(step)", as: user, body: input)
    }

    /// Assigns the expert and has them score, so the item can be decided.
    func reviewAndScore(_ world: TestWorld, _ id: UUID, scores: (Int, Int, Int) = (80, 90, 70)) async throws {
        let assigned = try await world.api(
            .POST, "api/v1/innovation-items/\(id)/reviewers", as: "officerA",
            body: ReviewerAssignmentInput(reviewerIds: [try await userID(world, "expert")]))
        #expect(assigned.status == .ok)
        let mine = try await world.api(.GET, "api/v1/innovation-reviews", as: "expert").decode([InnovationReviewOutput].self)
        let review = try #require(mine.first { $0.itemId == id })
        let scored = try await world.api(
            .POST, "api/v1/innovation-reviews/\(review.id)/score", as: "expert",
            body: ReviewScoreInput(innovation: scores.0, feasibility: scores.1, benefit: scores.2, notes: "可行"))
        #expect(scored.status == .ok)
    }

    func userID(_ world: TestWorld, _ name: String) async throws -> UUID {
        try #require(try await User.query(on: world.app.db).filter(\.$username == name.lowercased()).first()?.requireID())
    }

    @Test func aWorkerSubmitsAndTheItemGoesAllTheWayToAnAward() async throws {
        try await TestWorld.run { world in
            let item = try await submitAsWorker(world)
            #expect(item.status == .submitted)
            #expect(item.authorId == world.memberA)
            #expect(item.unitId == world.teamA)
            // Out of order: nothing to adopt before review, no award before adoption.
            #expect(try await step(world, item.id, "adopt", InnovationStepInput(version: 1)).status == .conflict)
            let early = try await step(
                world, item.id, "award",
                InnovationStepInput(
                    version: 1, level: .provincial, grade: .first, year: 2024, awardedBy: "甘肃省总工会",
                    name: "职工技术创新成果奖"))
            #expect(early.status == .conflict)
            #expect(try early.decode(ErrorResponse.self).error.contains("采纳"))
            #expect(try await step(world, item.id, "implement", InnovationStepInput(version: 1)).status == .conflict)

            try await reviewAndScore(world, item.id)
            var current = try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "officerA").decode(InnovationItemOutput.self)
            #expect(current.status == .underReview)
            // 80×30 + 90×40 + 70×30 = 8,100 hundredths with the standard weights of a proposal.
            #expect(current.reviewScore == 8_100)

            current = try await step(world, item.id, "adopt", InnovationStepInput(version: current.version, date: "2024-04-01")).decode(
                InnovationItemOutput.self)
            #expect(current.status == .adopted)
            #expect(
                try await step(world, item.id, "assess", InnovationStepInput(version: current.version, benefitFen: 100, method: "x")).status
                    == .conflict)
            let backdated = try await step(world, item.id, "implement", InnovationStepInput(version: current.version, date: "2024-03-15"))
            #expect(backdated.errorField == "date")
            current = try await step(world, item.id, "implement", InnovationStepInput(version: current.version, date: "2024-05-01")).decode(
                InnovationItemOutput.self)
            let noMethod = try await step(world, item.id, "assess", InnovationStepInput(version: current.version, benefitFen: 5_600_000_00))
            #expect(noMethod.errorField == "method")
            let negative = try await step(
                world, item.id, "assess", InnovationStepInput(version: current.version, benefitFen: -1, method: "节约停机时间"))
            #expect(negative.errorField == "benefitFen")
            current = try await step(
                world, item.id, "assess",
                InnovationStepInput(version: current.version, date: "2024-12-01", benefitFen: 5_600_000_00, method: "节约停机时间 × 电价")
            )
            .decode(InnovationItemOutput.self)
            #expect(current.status == .assessed)
            #expect(current.benefitFen == 5_600_000_00)
            let medalAtHome = try await step(
                world, item.id, "award",
                InnovationStepInput(
                    version: current.version, level: .provincial, grade: .gold, year: 2024, awardedBy: "甘肃省总工会",
                    name: "x"))
            #expect(medalAtHome.errorField == "grade")
            current = try await step(
                world, item.id, "award",
                InnovationStepInput(
                    version: current.version, level: .provincial, grade: .first, year: 2024, awardedBy: "甘肃省总工会",
                    name: "职工技术创新成果奖")
            )
            .decode(InnovationItemOutput.self)
            #expect(current.status == .awarded)
            current = try await step(
                world, item.id, "award",
                InnovationStepInput(
                    version: current.version, level: .international, grade: .gold, year: 2024, awardedBy: "日内瓦国际发明展", name: "金奖")
            )
            .decode(InnovationItemOutput.self)
            #expect(current.awards.map(\.grade) == [.first, .gold])

            // The author follows every change.
            let events = try await world.api(.GET, "api/v1/innovation-items/\(item.id)/events", as: "worker").decode(
                [InnovationEventOutput].self)
            #expect(events.map(\.status) == [.submitted, .underReview, .adopted, .implemented, .assessed, .awarded, .awarded])
            // A stale version is refused.
            #expect(
                try await step(
                    world, item.id, "award",
                    InnovationStepInput(version: 1, level: .city, grade: .first, year: 2024, awardedBy: "x", name: "x")
                ).status == .conflict)
            // An award year before the decision names the year.
            let early2023 = try await step(
                world, item.id, "award",
                InnovationStepInput(version: current.version, level: .city, grade: .first, year: 2023, awardedBy: "x", name: "x"))
            #expect(early2023.errorField == "year")
            #expect(try early2023.decode(ErrorResponse.self).error.contains("2024"))
            // Two international medals: the item is listed once under that filter.
            _ = try await step(
                world, item.id, "award",
                InnovationStepInput(
                    version: current.version, level: .international, grade: .silver, year: 2024, awardedBy: "x",
                    name: "银奖")
            )
            let medalled = try await world.api(.GET, "api/v1/innovation-items?awardLevel=international", as: "officerA").decode(
                Page<InnovationItemOutput>.self)
            #expect(medalled.metadata.total == 1)
            #expect(medalled.items.map(\.id) == [item.id])
        }
    }

    @Test func aRejectionTellsTheAuthorWhy() async throws {
        try await TestWorld.run { world in
            let item = try await submitAsWorker(world)
            let noReason = try await step(world, item.id, "reject", InnovationStepInput(version: 1))
            #expect(noReason.errorField == "reason")
            let rejected = try await step(world, item.id, "reject", InnovationStepInput(version: 1, reason: "已有同类方案在实施")).decode(
                InnovationItemOutput.self)
            #expect(rejected.status == .rejected)
            let seen = try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "worker").decode(InnovationItemOutput.self)
            #expect(seen.rejectReason == "已有同类方案在实施")
            let events = try await world.api(.GET, "api/v1/innovation-items/\(item.id)/events", as: "worker").decode(
                [InnovationEventOutput].self)
            #expect(events.last?.note == "已有同类方案在实施")
            #expect(try await step(world, item.id, "adopt", InnovationStepInput(version: 2)).status == .conflict)
        }
    }

    @Test func badItemsAreRefusedWithTheirField() async throws {
        try await TestWorld.run { world in
            for (input, field) in [
                (Self.proposal(kind: "suggestion"), "kind"),
                (Self.proposal(kind: "fiveSmall"), "subKind"),
                (Self.proposal(kind: "fiveSmall", subKind: "smallPoem"), "subKind"),
                (Self.proposal(kind: "proposal", subKind: "smallDesign"), "subKind"),
                (InnovationItemInput(kind: "proposal", title: "", problem: "p", proposal: "p"), "title"),
                (
                    InnovationItemInput(kind: "proposal", title: "t", problem: "p", proposal: "p", expectedBenefitFen: -5),
                    "expectedBenefitFen"
                ),
                (
                    InnovationItemInput(kind: "proposal", title: "t", problem: "p", proposal: "p", submittedDate: "2099-01-01"),
                    "submittedDate"
                ),
            ] {
                let response = try await world.api(.POST, "api/v1/innovation-items/submit", as: "worker", body: input)
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.errorField == field)
            }
            // An officer enters an item for a worker of their subtree, not of another county.
            #expect(
                try await world.api(.POST, "api/v1/innovation-items", as: "officerA", body: Self.proposal(author: world.memberA)).status
                    == .created)
            #expect(
                try await world.api(.POST, "api/v1/innovation-items", as: "officerA", body: Self.proposal(author: world.memberB)).errorField
                    == "authorId")
            #expect(try await world.api(.POST, "api/v1/innovation-items", as: "officerA", body: Self.proposal()).errorField == "authorId")
            let count = try await InnovationItem.query(on: world.app.db).count()
            #expect(count == 1)
        }
    }

    @Test func scopeAndRolesBoundWhoSeesWhat() async throws {
        try await TestWorld.run { world in
            let item = try await submitAsWorker(world)
            #expect(try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "officerB").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "expert").status == .notFound)
            let listB = try await world.api(.GET, "api/v1/innovation-items", as: "officerB").decode(Page<InnovationItemOutput>.self)
            #expect(listB.metadata.total == 0)
            #expect(try await world.api(.GET, "api/v1/innovation-items", as: "worker").status == .forbidden)
            #expect(
                try await step(world, item.id, "reject", InnovationStepInput(version: 1, reason: "x"), as: "officerB").status == .notFound)
            #expect(
                try await step(world, item.id, "reject", InnovationStepInput(version: 1, reason: "x"), as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/innovation-items/\(item.id)/reviews", as: "officerB").status == .notFound)
        }
    }

    @Test func reviewersScoreOnceWithinRangeAndNeverTheirOwnTeam() async throws {
        try await TestWorld.run { world in
            let item = try await submitAsWorker(world)
            let other = try await world.api(.POST, "api/v1/innovation-items", as: "city", body: Self.proposal(author: world.memberB))
                .decode(InnovationItemOutput.self)
            let expert = try await userID(world, "expert")
            // Reviewers linked to the author, or to someone of the author's team, have a conflict.
            let hash = try world.app.password.hash(TestWorld.password)
            let authorReviewer = User(
                username: "selfjudge", passwordHash: hash, displayName: "梁东平（评审）", role: .reviewer, unitID: world.city,
                memberID: world.memberA)
            try await authorReviewer.create(on: world.app.db)
            let mateDraft = MemberDraft(
                name: "张工", gender: nil,
                idNumber: IDNumber.make(region: 621_002, birth: CivilDate(year: 1985, month: 1, day: 1)!, sequence: 11).value, mobile: "",
                trade: nil, skillLevel: nil)
            let mate = Member()
            mate.version = 1
            mate.apply(
                try mateDraft.validate().orInvalid(), unitID: world.teamA, organizationID: world.employerA, migrant: false, hardship: false)
            try await mate.create(on: world.app.db)
            let mateReviewer = User(
                username: "teammate", passwordHash: hash, displayName: "张工（评审）", role: .reviewer, unitID: world.city,
                memberID: try mate.requireID())
            try await mateReviewer.create(on: world.app.db)
            for reviewer in [authorReviewer, mateReviewer] {
                let refused = try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/reviewers", as: "officerA",
                    body: ReviewerAssignmentInput(reviewerIds: [try reviewer.requireID()]))
                #expect(refused.status == .unprocessableEntity)
                #expect(refused.errorField == "reviewerIds")
            }
            // Only reviewer accounts can be assigned.
            let officer = try await userID(world, "officerB")
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/reviewers", as: "officerA",
                    body: ReviewerAssignmentInput(reviewerIds: [officer])
                ).errorField == "reviewerIds")
            // In bulk, all or nothing; officerA cannot reach the other county's item.
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/reviewers", as: "officerA",
                    body: ReviewerAssignmentInput(reviewerIds: [expert], itemIds: [item.id, other.id])
                ).status == .notFound)
            let bulk = try await world.api(
                .POST, "api/v1/innovation-items/reviewers", as: "city",
                body: ReviewerAssignmentInput(reviewerIds: [expert], itemIds: [item.id, other.id]))
            #expect(try bulk.decode(InnovationAPIController.AssignmentResult.self).assigned == 2)

            let mine = try await world.api(.GET, "api/v1/innovation-reviews", as: "expert").decode([InnovationReviewOutput].self)
            #expect(mine.count == 2)
            let review = try #require(mine.first { $0.itemId == item.id })
            // The reviewer reads the item only in its blind form, within the assignment; private notes stay theirs.
            #expect(try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "expert").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/innovation-items/\(item.id)/seconds", as: "expert").status == .notFound)
            let blind = try #require(review.item)
            #expect(blind.title == item.title)
            let assignments = try await world.api(.GET, "api/v1/innovation-reviews", as: "expert").body.string
            for identifying in ["authorId", "authorName", "unitId", "teamId", "studioId", "reviewScore", "coAuthors"] {
                #expect(!assignments.contains("\"\(identifying)\""), "\(identifying)")
            }
            _ = try await world.api(
                .PATCH, "api/v1/innovation-reviews/\(review.id)", as: "expert",
                body: ReviewNotesInput(notes: "需现场核实"))
            let officerView = try await world.api(.GET, "api/v1/innovation-items/\(item.id)/reviews", as: "officerA").decode(
                [InnovationReviewOutput].self)
            #expect(officerView.allSatisfy { $0.notes == nil })
            #expect(
                try await world.api(.GET, "api/v1/innovation-reviews", as: "expert").decode([InnovationReviewOutput].self).contains {
                    $0.notes == "需现场核实"
                })

            let outOfRange = try await world.api(
                .POST, "api/v1/innovation-reviews/\(review.id)/score", as: "expert",
                body: ReviewScoreInput(innovation: 101, feasibility: 50, benefit: 50))
            #expect(outOfRange.errorField == "innovation")
            let missing = try await world.api(
                .POST, "api/v1/innovation-reviews/\(review.id)/score", as: "expert", body: ReviewScoreInput(innovation: 50, benefit: 50))
            #expect(missing.errorField == "feasibility")
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-reviews/\(review.id)/score", as: "expert",
                    body: ReviewScoreInput(innovation: 90, feasibility: 80, benefit: 70)
                ).status == .ok)
            let twice = try await world.api(
                .POST, "api/v1/innovation-reviews/\(review.id)/score", as: "expert",
                body: ReviewScoreInput(innovation: 10, feasibility: 10, benefit: 10))
            #expect(twice.status == .conflict)
            // Another reviewer's assignment is not theirs to score.
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-reviews/\(review.id)/score", as: "teammate",
                    body: ReviewScoreInput(innovation: 1, feasibility: 1, benefit: 1)
                ).status == .notFound)
            #expect(try await world.api(.GET, "api/v1/innovation-reviews", as: "officerA").status == .forbidden)
        }
    }

    @Test func theAdminSetsTheWeights() async throws {
        try await TestWorld.run { world in
            #expect(
                try await world.api(
                    .PUT, "api/v1/innovation-weights", as: "officerA",
                    body: WeightsInput(kind: .proposal, innovation: 50, feasibility: 25, benefit: 25)
                ).status == .forbidden)
            #expect(
                try await world.api(
                    .PUT, "api/v1/innovation-weights", as: "admin",
                    body: WeightsInput(kind: .proposal, innovation: 50, feasibility: 25, benefit: 20)
                ).errorField == "benefit")
            #expect(
                try await world.api(
                    .PUT, "api/v1/innovation-weights", as: "admin",
                    body: WeightsInput(kind: .proposal, innovation: 120, feasibility: -20, benefit: 0)
                ).errorField == "innovation")
            let set = try await world.api(
                .PUT, "api/v1/innovation-weights", as: "admin",
                body: WeightsInput(kind: .proposal, innovation: 50, feasibility: 25, benefit: 25))
            #expect(try set.decode([WeightsOutput].self).first { $0.kind == .proposal }?.innovation == 50)
            let item = try await submitAsWorker(world)
            try await reviewAndScore(world, item.id, scores: (80, 90, 70))
            let scored = try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "officerA").decode(InnovationItemOutput.self)
            #expect(scored.reviewScore == 80 * 50 + 90 * 25 + 70 * 25)
        }
    }

    @Test func coWorkersSecondOnceAndOfficersSortByIt() async throws {
        try await TestWorld.run { world in
            let first = try await submitAsWorker(world)
            let second = try await world.api(
                .POST, "api/v1/innovation-items", as: "officerA",
                body: InnovationItemInput(
                    kind: "technicalInnovation", title: "电缆头制作工艺", problem: "p", proposal: "p", authorId: try await mateID(world),
                    submittedDate: "2024-03-02")
            ).decode(InnovationItemOutput.self)
            #expect(try await world.api(.POST, "api/v1/innovation-items/\(first.id)/second", as: "worker").status == .conflict)
            let seconded = try await world.api(.POST, "api/v1/innovation-items/\(second.id)/second", as: "worker")
            #expect(try seconded.decode(InnovationItemOutput.self).secondsCount == 1)
            #expect(try await world.api(.POST, "api/v1/innovation-items/\(second.id)/second", as: "worker").status == .conflict)
            #expect(try await world.api(.POST, "api/v1/innovation-items/\(second.id)/second", as: "officerA").status == .forbidden)
            let seconds = try await world.api(.GET, "api/v1/innovation-items/\(second.id)/seconds", as: "officerA").decode(
                [SecondOutput].self)
            #expect(seconds.map(\.name) == ["梁东平"])
            let sorted = try await world.api(.GET, "api/v1/innovation-items?sort=-seconds", as: "officerA").decode(
                Page<InnovationItemOutput>.self)
            #expect(sorted.items.first?.id == second.id)
            let filtered = try await world.api(.GET, "api/v1/innovation-items?minSeconds=1", as: "officerA").decode(
                Page<InnovationItemOutput>.self)
            #expect(filtered.items.map(\.id) == [second.id])
        }
    }

    func mateID(_ world: TestWorld) async throws -> UUID {
        let draft = MemberDraft(
            name: "王师傅", gender: nil,
            idNumber: IDNumber.make(region: 621_002, birth: CivilDate(year: 1979, month: 3, day: 9)!, sequence: 55).value, mobile: "",
            trade: nil, skillLevel: nil)
        let member = Member()
        member.version = 1
        member.apply(
            try draft.validate().orInvalid(), unitID: world.enterpriseA, organizationID: world.employerA, migrant: false, hardship: false)
        try await member.create(on: world.app.db)
        return try member.requireID()
    }

    @Test func subsidiesStayWithinTheYearsBudget() async throws {
        try await TestWorld.run { world in
            let item = try await submitAsWorker(world)
            let year = CivilDate(Date()).year
            let today = CivilDate(Date()).description
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-budgets", as: "city", body: BudgetInput(unitId: world.city, year: year, amountFen: 0)
                ).errorField == "amountFen")
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-budgets", as: "officerA", body: BudgetInput(unitId: world.city, year: year, amountFen: 1)
                ).errorField == "unitId")
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-budgets", as: "city", body: BudgetInput(unitId: world.city, year: year, amountFen: 1_000_000)
                ).status == .created)
            let early = try await world.api(
                .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "city", body: SubsidyInput(amountFen: 100_000, paidDate: today))
            #expect(early.status == .conflict)
            try await reviewAndScore(world, item.id)
            _ = try await step(world, item.id, "adopt", InnovationStepInput(version: 2))
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "city", body: SubsidyInput(amountFen: -1, paidDate: today)
                ).errorField == "amountFen")
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "city",
                    body: SubsidyInput(amountFen: 600_000, paidDate: today)
                ).status == .created)
            let over = try await world.api(
                .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "city", body: SubsidyInput(amountFen: 400_001, paidDate: today))
            #expect(over.errorField == "amountFen")
            #expect(try over.decode(ErrorResponse.self).error.contains("¥4,000.00"))
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "city",
                    body: SubsidyInput(amountFen: 400_000, paidDate: today)
                ).status == .created)
            // A county officer cannot spend the city's budget.
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "officerA", body: SubsidyInput(amountFen: 1, paidDate: today)
                ).errorField == "paidDate")
            // No budget for a year that has none.
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-items/\(item.id)/subsidies", as: "city",
                    body: SubsidyInput(amountFen: 1, paidDate: "\(year - 3)-06-01")
                ).errorField == "paidDate")
            // The budget cannot drop below what was paid.
            #expect(
                try await world.api(
                    .POST, "api/v1/innovation-budgets", as: "city", body: BudgetInput(unitId: world.city, year: year, amountFen: 999_999)
                ).errorField == "amountFen")
            let budgets = try await world.api(.GET, "api/v1/innovation-budgets", as: "city").decode([BudgetOutput].self)
            #expect(budgets.first?.remainingFen == 0)
            let stats = try await world.api(.GET, "api/v1/innovation-items/statistics", as: "city").decode(InnovationStatistics.self)
            #expect(stats.subsidiesPaidFen == 1_000_000)
            #expect(stats.budgetFen == 1_000_000)
        }
    }

    @Test func attachmentsAreCheckedByTheirBytes() async throws {
        try await TestWorld.run { world in
            let item = try await submitAsWorker(world)
            let path = "api/v1/innovation-items/\(item.id)/attachments"
            let png = try await world.upload(path, as: "worker", fileName: "现场照片.png", bytes: Upload.png, contentType: "image/png")
            #expect(png.status == .created)
            let stored = try png.decode(InnovationAttachmentOutput.self)
            #expect(stored.kind == .png)
            #expect(try await world.upload(path, as: "officerA", fileName: "方案.pdf", bytes: Upload.pdf).status == .created)
            // A script renamed to .png, an empty file and one over 5 MB are refused.
            let script = try await world.upload(
                path, as: "worker", fileName: "photo.png", bytes: Array("<script>alert(1)</script>".utf8), contentType: "image/png")
            #expect(script.errorField == "file")
            #expect(try await world.upload(path, as: "worker", fileName: "empty.png", bytes: []).errorField == "file")
            let large = try await world.upload(
                path, as: "worker", fileName: "big.png", bytes: Upload.png + Array(repeating: 0, count: InnovationFiles.maxBytes))
            #expect(large.errorField == "file")
            // Downloaded as an attachment by those who may read the item, and by no one else.
            let download = try await world.api(.GET, "\(path)/\(stored.id)", as: "worker")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(Array(download.body.readableBytesView) == Upload.png)
            // On PostgreSQL every instance reads the bytes from the database; on SQLite they are files.
            let rows = try await world.app.db.sql().raw("SELECT COUNT(*) AS n FROM stored_files").first()?.decode(column: "n", as: Int.self)
            #expect(rows == (usesPostgres ? 2 : 0))
            #expect(try await world.api(.GET, "\(path)/\(stored.id)", as: "officerB").status == .notFound)
            let listed = try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "officerA").decode(InnovationItemOutput.self)
            #expect(listed.attachments.map(\.fileName) == ["现场照片.png", "方案.pdf"])
        }
    }

    @Test func patentsBelongToAnItemOrAStudio() async throws {
        try await TestWorld.run { world in
            let item = try await world.api(.POST, "api/v1/innovation-items", as: "officerA", body: Self.proposal(author: world.memberA))
                .decode(InnovationItemOutput.self)
            #expect(
                try await world.api(
                    .POST, "api/v1/patents", as: "officerA",
                    body: PatentInput(kind: .utilityModel, title: "一种电缆剥皮器", number: "ZL202420123456.7", date: "2024-08-01")
                ).errorField == "itemId")
            let patent = try await world.api(
                .POST, "api/v1/patents", as: "officerA",
                body: PatentInput(
                    kind: .utilityModel, title: "一种电缆剥皮器", number: "ZL202420123456.7", date: "2024-08-01", itemId: .set(item.id)))
            #expect(patent.status == .created)
            #expect(
                try await world.api(
                    .POST, "api/v1/patents", as: "officerB",
                    body: PatentInput(kind: .invention, title: "x", number: "y", date: "2024-08-01", itemId: .set(item.id))
                ).errorField == "itemId")
            let stats = try await world.api(.GET, "api/v1/innovation-items/statistics?from=2024-01-01&to=2024-12-31", as: "officerA")
                .decode(InnovationStatistics.self)
            #expect(stats.patents.first { $0.key == "utilityModel" }?.count == 1)
        }
    }

    // MARK: Import

    func importFile(_ world: TestWorld, _ name: String, _ bytes: [UInt8], as user: String = "officerA") async throws -> LiveResponse {
        try await world.upload("api/v1/innovation-items/import", as: user, fileName: name, bytes: bytes)
    }

    @Test(arguments: ["innovation-items.csv", "innovation-items-gbk.csv", "innovation-items.xlsx"])
    func importsASpreadsheet(_ fixture: String) async throws {
        try await TestWorld.run { world in
            let response = try await importFile(world, fixture, try Upload.fixture(fixture), as: "city")
            #expect(response.status == .created)
            #expect(try response.decode(ImportReport.self).imported == 3)
            let items = try await InnovationItem.query(on: world.app.db).sort(\.$submittedDate).all()
            #expect(items.map(\.kind) == [.proposal, .fiveSmall, .technicalInnovation])
            #expect(items[1].subKind == .smallInnovation)
            #expect(items[1].expectedBenefitFen == 350_050)
            #expect(items[0].title == "皮带机托辊快换工装")
            let coAuthors = try await InnovationAuthor.query(on: world.app.db).filter(\.$itemID == items[1].requireID()).count()
            #expect(coAuthors == 2)
        }
    }

    @Test func aBadRowWritesNothingAndIsReportedByRowAndColumn() async throws {
        try await TestWorld.run { world in
            let csv = """
                类别,五小类别,标题,存在问题,建议或方案,预期效益（元）,第一作者身份证号,共同作者身份证号,提交日期
                合理化建议,,好建议,问题,方案,100,\(TestWorld.idA),,2024-03-01
                合理建议,,坏类别,问题,方案,100,\(TestWorld.idA),,2024-03-01
                五小,,缺五小类别,问题,方案,100,\(TestWorld.idA),,2024-03-01
                技术革新,,坏身份证,问题,方案,100,621002198005171236,,2024-03-01
                技术革新,,范围外,问题,方案,100,\(TestWorld.idB),,2024-03-01
                技术革新,,负效益,问题,方案,-5,\(TestWorld.idA),,2024-13-01
                """
            let response = try await importFile(world, "items.csv", Array(csv.utf8))
            #expect(response.status == .unprocessableEntity)
            let body = try response.decode(ImportFailureBody.self)
            #expect(body.rows.map(\.row) == [3, 4, 5, 6, 7])
            #expect(body.rows.map(\.column) == ["类别", "五小类别", "第一作者身份证号", "第一作者身份证号", "预期效益（元）"])
            let count = try await InnovationItem.query(on: world.app.db).count()
            #expect(count == 0)
        }
    }

    @Test func malformedSpreadsheetsAreRefused() async throws {
        try await TestWorld.run { world in
            let wrongColumns = "名称,金额\n好建议,100\n"
            let columns = try await importFile(world, "wrong.csv", Array(wrongColumns.utf8))
            #expect(columns.status == .unprocessableEntity)
            #expect(try columns.decode(ImportFailureBody.self).rows.contains { $0.column == "类别" })
            let binary = try await importFile(world, "x.csv", [0xFF, 0xFE, 0x00, 0x41, 0x81])
            #expect(binary.errorField == "file")
            let notUTF8OrGBK = try await importFile(world, "x.csv", [0x41, 0x2C, 0xFF, 0xFF, 0xFF, 0x0A])
            #expect(notUTF8OrGBK.errorField == "file")
            let pdf = try await importFile(world, "x.csv", Upload.pdf)
            #expect(pdf.errorField == "file")
            let brokenZip = try await importFile(world, "x.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3])
            #expect(brokenZip.errorField == "file")
            #expect(try await importFile(world, "x.csv", Array("类别,标题\n".utf8)).status == .unprocessableEntity)
            #expect(
                try await importFile(world, "x.csv", Array((try Upload.fixture("innovation-items.csv"))), as: "worker").status == .forbidden
            )
        }
    }

    @Test func spreadsheetLimits() throws {
        // A zip that would unpack past the limit is refused before it is unpacked.
        let bomb = try SpreadsheetWriter.xlsx(header: ["类别"], rows: [[String(repeating: "0", count: 2_000_000)]])
        #expect(bomb.count < 100_000)
        #expect(throws: SpreadsheetError(key: "error.import.bomb")) {
            try SpreadsheetReader.read(Array(bomb), limits: .init(maxUnpackedBytes: 1_000_000))
        }
        let rows = "类别\n" + String(repeating: "合理化建议\n", count: 11)
        #expect(throws: SpreadsheetError(key: "error.import.tooManyRows", arguments: ["10"])) {
            try SpreadsheetReader.read(Array(rows.utf8), limits: .init(maxRows: 10))
        }
        // Our own xlsx reads back, formulas neutralised.
        let written = try SpreadsheetWriter.xlsx(header: ["a", "b"], rows: [["=HYPERLINK(\"x\")", "普通"], ["+1", "-2"]])
        let table = try SpreadsheetReader.read(Array(written))
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["'=HYPERLINK(\"x\")", "普通"], ["'+1", "'-2"]])
        #expect(TextEncoding.decode(Array("类别".data(using: .utf8)!))?.encoding == .utf8)
    }

    @Test func theSheetScannerReadsWhatSpreadsheetProgramsWrite() throws {
        // Rich text runs, phonetic guides left out, entities, a prefix, inline and empty cells.
        var strings = SheetScanner(
            Data(
                """
                <?xml version="1.0"?><sst xmlns="x"><si><t xml:space="preserve">类别</t></si><si><r><rPr><b/></rPr><t>合理</t></r>\
                <r><t>化建议</t></r><rPh sb="0" eb="1"><t>ゴウ</t></rPh></si><si><t>A &amp; B &lt;1&gt; &#x4E2D;&#20013;</t></si><si>\
                <t/></si></sst>
                """.utf8))
        #expect(try strings.sharedStrings() == ["类别", "合理化建议", "A & B <1> 中中", ""])
        var sheet = SheetScanner(
            Data(
                """
                <x:worksheet><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is>\
                <x:t>内联</x:t></x:is></x:c></x:row><x:row r="3"><x:c r="B3" s="1"/><x:c r="D3"><x:v>12.5</x:v></x:c></x:row>\
                <x:row r="4"/></x:sheetData></x:worksheet>
                """.utf8))
        let rows = try sheet.rows()
        #expect(rows.map(\.number) == [1, 3, 4])
        #expect(rows[0].cells.map(\.inline) == [nil, "内联"])
        #expect(rows[1].cells.map(\.value) == [nil, "12.5"])
        var broken = SheetScanner(Data("<sst><si><t>unclosed".utf8))
        #expect(throws: SheetScanner.Malformed.self) { try broken.sharedStrings() }
    }

    @Test func listsExportToCSVAndXLSXWithinScope() async throws {
        try await TestWorld.run { world in
            _ = try await submitAsWorker(
                world, InnovationItemInput(kind: "proposal", title: "=cmd|' /C calc'!A0", problem: "p", proposal: "p"))
            let csv = try await world.api(.GET, "api/v1/innovation-items/export?format=csv", as: "officerA")
            #expect(csv.status == .ok)
            let text = String(decoding: csv.body.readableBytesView, as: UTF8.self)
            #expect(text.contains("'=cmd|"))
            #expect(text.contains("合理化建议"))
            let xlsx = try await world.api(.GET, "api/v1/innovation-items/export?format=xlsx", as: "officerA")
            let table = try SpreadsheetReader.read(Array(xlsx.body.readableBytesView))
            #expect(table.rows.count == 1)
            let empty = try await world.api(.GET, "api/v1/innovation-items/export?format=csv", as: "officerB")
            #expect(String(decoding: empty.body.readableBytesView, as: UTF8.self).contains("cmd") == false)
            // Member exports keep ID numbers masked.
            let members = String(
                decoding: try await world.api(.GET, "api/v1/members/export?format=csv", as: "officerA").body.readableBytesView,
                as: UTF8.self)
            #expect(!members.contains(TestWorld.idA))
            #expect(members.contains("梁东平"))
            #expect(try await world.api(.GET, "api/v1/innovation-items/export", as: "officerA").errorField == "format")
            let audited = try await AuditEntry.query(on: world.app.db).filter(\.$action == .export).count()
            #expect(audited == 4)
        }
    }
}

@Suite struct InnovationDocumentTests {
    func check(_ response: LiveResponse, against name: String) throws {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
        if let items = object["items"] as? [[String: Any]] { object = try #require(items.first) }
        let schema = try #require(OpenAPIDocument.document.components.schemas[.init(stringLiteral: name)])
        let properties = try #require(schema.objectContext?.properties)
        let required = Set(properties.filter { $0.value.required && !$0.value.nullable }.map(\.key))
        let actual = Set(object.keys)
        #expect(actual.isSubset(of: Set(properties.keys)), "\(name) undocumented: \(actual.subtracting(properties.keys))")
        #expect(required.isSubset(of: actual), "\(name) missing: \(required.subtracting(actual))")
    }

    @Test func innovationResponsesMatchTheirSchemas() async throws {
        try await TestWorld.run { world in
            let item = try await world.api(.POST, "api/v1/innovation-items/submit", as: "worker", body: InnovationTests.proposal()).decode(
                InnovationItemOutput.self)
            _ = try await world.upload("api/v1/innovation-items/\(item.id)/attachments", as: "worker", fileName: "a.png", bytes: Upload.png)
            try check(try await world.api(.GET, "api/v1/innovation-items/\(item.id)", as: "officerA"), against: "InnovationItem")
            try check(try await world.api(.GET, "api/v1/innovation-items", as: "officerA"), against: "InnovationItem")
            try check(try await world.api(.GET, "api/v1/innovation-items/statistics", as: "officerA"), against: "InnovationStatistics")
            let patent = try await world.api(
                .POST, "api/v1/patents", as: "officerA",
                body: PatentInput(kind: .invention, title: "t", number: "ZL1", date: "2024-01-01", itemId: .set(item.id)))
            try check(patent, against: "Patent")
            let budget = try await world.api(
                .POST, "api/v1/innovation-budgets", as: "city", body: BudgetInput(unitId: world.city, year: 2024, amountFen: 100))
            try check(budget, against: "Budget")
        }
    }
}
