import Foundation
import Testing
import UnionHallCore

@Suite struct CompetitionRulesTests {
    @Test func teams() {
        let employer = UUID()
        let other = UUID()
        let a = UUID()
        let b = UUID()
        let c = UUID()
        #expect(TeamRules.check(members: [a, b], employers: [employer, employer]) == nil)
        #expect(TeamRules.check(members: [a], employers: [employer])?.key == "error.competition.teamSize")
        #expect(
            TeamRules.check(members: (0..<6).map { _ in UUID() }, employers: Array(repeating: employer, count: 6))?.key
                == "error.competition.teamSize")
        #expect(TeamRules.check(members: [a, a], employers: [employer, employer])?.key == "error.competition.teamTwice")
        #expect(TeamRules.check(members: [a, b, c], employers: [employer, other, employer])?.key == "error.competition.teamEmployers")
        #expect(TeamRules.check(members: [a, b], employers: [nil, nil])?.key == "error.competition.teamEmployers")
    }

    @Test func awardBandsByRank() {
        // 2 能手, 3 标兵, 4 优秀; at least 60 of 100.
        let bands = AwardBands(counts: [.technicalExpert: 2, .technicalPacesetter: 3, .outstandingContestant: 4], minimumTotal: 600_000)
        #expect(bands.check() == nil)
        let table: [(Int, Int, CompetitionAward?)] = [
            (1, 950_000, .technicalExpert), (2, 940_000, .technicalExpert), (3, 900_000, .technicalPacesetter),
            (5, 800_000, .technicalPacesetter),
            (6, 790_000, .outstandingContestant), (9, 700_000, .outstandingContestant), (10, 699_000, nil),
            // A rank within the bands but under the minimum total gets nothing.
            (7, 599_999, nil),
        ]
        for (rank, total, award) in table { #expect(bands.award(rank: rank, total: total) == award, "rank \(rank)") }
        // Entrants sharing rank 2 both get 能手; the next rank is 4, a 标兵.
        let ranked = CompetitionScoring.rank([
            .init(entry: "a", total: 950_000, practical: 1, completionSeconds: 1),
            .init(entry: "b", total: 940_000, practical: 1, completionSeconds: 1),
            .init(entry: "c", total: 940_000, practical: 1, completionSeconds: 1),
            .init(entry: "d", total: 930_000, practical: 1, completionSeconds: 1),
        ])
        #expect(
            ranked.map { bands.award(rank: $0.rank, total: $0.result.total) } == [
                .technicalExpert, .technicalExpert, .technicalExpert, .technicalPacesetter,
            ])
        #expect(AwardBands(counts: [.technicalExpert: -1], minimumTotal: 0).check()?.field == "technicalExpert")
        #expect(CompetitionAward.allCases.map(\.honorTitle) == [.technicalExpert, .technicalPacesetter, .outstandingContestant])
    }

    @Test func teamPrizes() {
        let counts: [TeamPrize: Int] = [.first: 1, .second: 2, .third: 3]
        #expect((1...7).map { TeamPrize.prize(rank: $0, counts: counts) } == [.first, .second, .second, .third, .third, .third, nil])
    }

    @Test func finalisingWaitsForTheNoticeAndTheObjections() {
        let ends = CivilDate(year: 2024, month: 10, day: 7)!
        #expect(PublicNotice.checkFinalise(noticeEnds: nil, today: ends, openObjections: 0)?.key == "error.competition.notPublished")
        #expect(PublicNotice.checkFinalise(noticeEnds: ends, today: ends, openObjections: 0)?.key == "error.competition.noticeRunning")
        #expect(
            PublicNotice.checkFinalise(noticeEnds: ends, today: ends.adding(days: 1), openObjections: 1)?.key
                == "error.competition.openObjections")
        #expect(PublicNotice.checkFinalise(noticeEnds: ends, today: ends.adding(days: 1), openObjections: 0) == nil)
    }

    @Test func placesAndTheWaitingList() {
        #expect(Enrolment.place(capacity: 30, enrolled: 29) == .enrolled)
        #expect(Enrolment.place(capacity: 30, enrolled: 30) == .waiting)
        let now = Date()
        let line = [(id: "late", since: now), (id: "early", since: now.addingTimeInterval(-60))]
        #expect(Enrolment.movesUp(capacity: 30, enrolled: 29, waiting: line) == "early")
        #expect(Enrolment.movesUp(capacity: 30, enrolled: 30, waiting: line) == nil)
        #expect(Enrolment.movesUp(capacity: 30, enrolled: 29, waiting: [(id: String, since: Date)]()) == nil)
    }

    @Test func aCertificationRaisesButNeverLowers() {
        #expect(CertificationRules.levelAfter(current: nil, passed: .junior) == (.junior, true))
        #expect(CertificationRules.levelAfter(current: .senior, passed: .technician) == (.technician, true))
        #expect(CertificationRules.levelAfter(current: .technician, passed: .senior) == (.technician, false))
        #expect(CertificationRules.levelAfter(current: .senior, passed: .senior) == (.senior, false))
    }
}
