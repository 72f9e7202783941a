import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct CompetitionOutput: Content {
    var id: UUID
    var unitId: UUID
    var name: String
    var year: Int
    var organizer: String
    var level: HonorLevel
    var events: Int
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct CompetitionInput: Content {
    var unitId: UUID?
    var name: String?
    var year: Int?
    var organizer: String?
    var level: HonorLevel?
    var version: Int?
}

struct CompetitionFilter: Content {
    var year: Int?
    /// Only competitions with an objection from the public notice not yet answered.
    var openObjections: Bool?
}

struct ItemInput: Content {
    var name: String?
    /// Hundredths of a mark: 2000 = 20.00.
    var maximum: Int?
    var kind: ItemKind?
}

struct ItemOutput: Content {
    var id: UUID
    var position: Int
    var name: String
    var maximum: Int
    var kind: ItemKind
}

struct JudgeOutput: Content {
    var id: UUID
    var userId: UUID
    var name: String
    var organizationId: UUID?
    var chief: Bool
}

struct JudgeInput: Content {
    var userId: UUID?
    var organizationId: UUID?
    var chief: Bool?
}

struct EventOutput: Content {
    var id: UUID
    var competitionId: UUID
    var unitId: UUID
    var number: Int
    var trade: String
    var kind: EventKind
    var theoryWeight: Int
    var practicalWeight: Int
    var items: [ItemOutput]
    var expertCount: Int
    var pacesetterCount: Int
    var outstandingCount: Int
    /// Hundredths of a mark out of 100.
    var minimumTotal: Int
    var firstPrizes: Int
    var secondPrizes: Int
    var thirdPrizes: Int
    var status: EventStatus
    var noticeStart: String?
    var noticeEnds: String?
    var finalisedDate: String?
    var entries: Int
    var judges: [JudgeOutput]
    var openObjections: Int
    var version: Int
}

struct EventInput: Content {
    var trade: String?
    var kind: EventKind?
    var theoryWeight: Int?
    var practicalWeight: Int?
    var items: [ItemInput]?
    var expertCount: Int?
    var pacesetterCount: Int?
    var outstandingCount: Int?
    var minimumTotal: Int?
    var firstPrizes: Int?
    var secondPrizes: Int?
    var thirdPrizes: Int?
    var version: Int?
}

struct EventStepInput: Content {
    var version: Int?
    /// Days the results stay on public notice when published (7 unless given).
    var noticeDays: Int?
}

struct EntrantOutput: Content {
    var memberId: UUID
    var name: String
}

struct EntryOutput: Content {
    var id: UUID
    var eventId: UUID
    var unitId: UUID
    var number: Int
    var memberId: UUID?
    var teamName: String?
    var employerId: UUID?
    var entrants: [EntrantOutput]
    var theoryMarks: Int?
    var completionSeconds: Int?
    /// Ten-thousandths of a mark out of 100, once published.
    var practical: Int?
    var total: Int?
    var rank: Int?
    /// An individual award (`technicalExpert` …) or a team prize (`first` …).
    var award: String?
    var certificateNumber: String?
    var sheets: Int
}

struct EntryInput: Content {
    var memberId: UUID?
    var teamName: String?
    var memberIds: [UUID]?
}

struct TheoryInput: Content {
    var theoryMarks: Int?
    var completionSeconds: Int?
}

struct MarkInput: Content {
    var itemId: UUID
    var marks: Int?
}

struct SheetInput: Content {
    var marks: [MarkInput]?
}

struct SheetOutput: Content {
    var id: UUID
    var entryId: UUID
    var entryNumber: Int
    var judgeId: UUID
    var judgeName: String
    var submittedAt: Date
    var marks: [MarkOutput]
}

struct MarkOutput: Content {
    var itemId: UUID
    var marks: Int
}

struct CorrectionInput: Content {
    var itemId: UUID?
    var marks: Int?
    var reason: String?
}

struct ObjectionInput: Content {
    var entryId: UUID?
    var raisedBy: String?
    var content: String?
}

struct ObjectionOutput: Content {
    var id: UUID
    var eventId: UUID
    var entryId: UUID?
    var raisedBy: String
    var content: String
    var raisedDate: String
    var status: ObjectionStatus
    var resolution: String?
    var resolvedDate: String?
}

struct ResolveInput: Content {
    var upheld: Bool?
    var resolution: String?
}

/// What a judge sees of an event: entries by number (no names), and their own sheets.
struct JudgingOutput: Content {
    struct Entry: Content {
        var id: UUID
        var number: Int
        var submitted: Bool
        /// The judge's own employer entered this: they may not score it.
        var conflict: Bool
    }

    var event: EventOutput
    var competitionName: String
    var chief: Bool
    var entries: [Entry]
}

struct CertificateOutput: Content {
    var number: String
    var names: [String]
    var teamName: String?
    var competition: String
    var year: Int
    var trade: String
    var award: String
    var organizer: String
    var finalisedDate: String
}

struct CompetitionStatistics: Content {
    var competitions: Int
    var events: Int
    var trades: Int
    var entries: Int
    var entrants: Int
    var awards: [KeyCount]
    var teamPrizes: [KeyCount]
    var teamPrizesTotal: Int
}
