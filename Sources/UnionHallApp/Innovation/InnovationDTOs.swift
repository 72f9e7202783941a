import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

struct PersonRef: Content, ExportCell {
    var id: UUID
    var name: String

    func exportText(on request: Request) -> String { name }
}

struct InnovationAwardOutput: Content {
    var id: UUID
    var level: InnovationAwardLevel
    var grade: InnovationAwardGrade
    var year: Int
    var awardedBy: String
    var name: String
}

struct InnovationAttachmentOutput: Content {
    var id: UUID
    var fileName: String
    var kind: FileKind
    var size: Int
    var createdAt: Date?

    init(_ attachment: InnovationAttachment) throws {
        id = try attachment.requireID()
        fileName = attachment.fileName
        kind = attachment.kind
        size = attachment.size
        createdAt = attachment.createdAt
    }
}

struct InnovationEventOutput: Content {
    var at: Date
    var status: InnovationStatus
    var note: String?
}

struct InnovationItemOutput: Content {
    var id: UUID
    var unitId: UUID
    var kind: InnovationKind
    var subKind: FiveSmallKind?
    var title: String
    var problem: String
    var proposal: String
    var expectedBenefitFen: Int64
    var authorId: UUID
    var authorName: String
    var coAuthors: [PersonRef]
    var teamId: UUID?
    var studioId: UUID?
    var submittedDate: String
    var status: InnovationStatus
    var secondsCount: Int
    /// The mean weighted review score in hundredths of a point (8450 = 84.50).
    var reviewScore: Int?
    var decisionDate: String?
    var rejectReason: String?
    var implementedDate: String?
    var benefitFen: Int64
    var benefitMethod: String?
    var assessedDate: String?
    var awards: [InnovationAwardOutput]
    var subsidyFen: Int64
    var attachments: [InnovationAttachmentOutput]
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

/// An item as submitted. An officer names the author (`authorId`); a worker submitting their own
/// leaves it out. `coAuthorIds` replaces the co-authors when given.
struct InnovationItemInput: Content {
    var kind: String?
    var subKind: String?
    var title: String?
    var problem: String?
    var proposal: String?
    var expectedBenefitFen: Int64?
    var authorId: UUID?
    var coAuthorIds: [UUID]?
    var teamId: LinkChange = .keep
    var studioId: LinkChange = .keep
    var submittedDate: String?
    var version: Int?
}

/// `reject` takes a reason; `implement` a date; `assess` the yearly benefit in fen and its method;
/// `award` the level, grade, year, awarding body and the prize's name.
struct InnovationStepInput: Content {
    var version: Int?
    var reason: String?
    var date: String?
    var benefitFen: Int64?
    var method: String?
    var level: InnovationAwardLevel?
    var grade: InnovationAwardGrade?
    var year: Int?
    var awardedBy: String?
    var name: String?
}

struct InnovationItemFilter: Content {
    var kind: InnovationKind?
    var subKind: FiveSmallKind?
    var status: InnovationStatus?
    var authorId: UUID?
    var studioId: UUID?
    /// Only items seconded at least this many times.
    var minSeconds: Int?
    /// Only adopted items and those further along.
    var adopted: Bool?
    /// Only items with an award at this level (and grade).
    var awardLevel: InnovationAwardLevel?
    var awardGrade: InnovationAwardGrade?
    /// Which date `from`/`to` apply to: `submitted` (default), `decided` or `assessed`.
    var on: String?
}

struct SecondOutput: Content {
    var memberId: UUID
    var name: String
    var at: Date
}

/// What an officer sees of a review: the scores, never the reviewer's notes.
struct InnovationReviewOutput: Content {
    var id: UUID
    var itemId: UUID
    var reviewerId: UUID
    var reviewerName: String
    var assignedAt: Date
    var innovation: Int?
    var feasibility: Int?
    var benefit: Int?
    var weightedScore: Int?
    var submittedAt: Date?
    /// Only in the reviewer's own view.
    var notes: String?
    var itemTitle: String?
    var itemKind: InnovationKind?
    /// In the reviewer's own view: what there is to judge, and nothing that tells who wrote it,
    /// where it comes from, who seconded it or how others scored it.
    var item: BlindInnovationItem?
}

struct BlindInnovationItem: Content {
    var id: UUID
    var kind: InnovationKind
    var subKind: FiveSmallKind?
    var title: String
    var problem: String
    var proposal: String
    var expectedBenefitFen: Int64
    var submittedDate: String
    var status: InnovationStatus
    var secondsCount: Int
    var attachments: [InnovationAttachmentOutput]

    init(_ item: InnovationItemOutput) {
        (id, kind, subKind, title, problem, proposal) = (item.id, item.kind, item.subKind, item.title, item.problem, item.proposal)
        (expectedBenefitFen, submittedDate, status, secondsCount, attachments) =
            (item.expectedBenefitFen, item.submittedDate, item.status, item.secondsCount, item.attachments)
    }
}

struct ReviewerAssignmentInput: Content {
    var reviewerIds: [UUID]?
    /// For a bulk assignment: the items to give each of the reviewers.
    var itemIds: [UUID]?
}

struct ReviewScoreInput: Content {
    var innovation: Int?
    var feasibility: Int?
    var benefit: Int?
    var notes: String?
}

struct ReviewNotesInput: Content {
    var notes: String?
}

struct WeightsOutput: Content {
    var kind: InnovationKind
    var innovation: Int
    var feasibility: Int
    var benefit: Int
}

struct WeightsInput: Content {
    var kind: InnovationKind?
    var innovation: Int?
    var feasibility: Int?
    var benefit: Int?
}

struct BudgetOutput: Content {
    var id: UUID
    var unitId: UUID
    var year: Int
    var amountFen: Int64
    var spentFen: Int64
    var remainingFen: Int64
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
}

struct BudgetInput: Content {
    var unitId: UUID?
    var year: Int?
    var amountFen: Int64?
}

struct SubsidyInput: Content {
    var amountFen: Int64?
    var paidDate: String?
    /// The budget's unit; the nearest budget above the item for the paid year when left out.
    var budgetId: UUID?
}

struct SubsidyOutput: Content {
    var id: UUID
    var budgetId: UUID
    var itemId: UUID
    var amountFen: Int64
    var paidDate: String

    init(_ grant: SubsidyGrant) throws {
        id = try grant.requireID()
        budgetId = grant.budgetID
        itemId = grant.itemID
        amountFen = grant.amountFen
        paidDate = grant.paidDate
    }
}

struct PatentOutput: Content {
    var id: UUID
    var unitId: UUID
    var kind: PatentKind
    var title: String
    var number: String
    var date: String
    var itemId: UUID?
    var studioId: UUID?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?

    init(_ patent: Patent) throws {
        id = try patent.requireID()
        unitId = patent.unitID
        kind = patent.kind
        title = patent.title
        number = patent.number
        date = patent.date
        itemId = patent.itemID
        studioId = patent.studioID
        version = patent.version
        createdAt = patent.createdAt
        updatedAt = patent.updatedAt
        deletedAt = patent.deletedAt
    }
}

struct PatentInput: Content {
    var kind: PatentKind?
    var title: String?
    var number: String?
    var date: String?
    var itemId: LinkChange = .keep
    var studioId: LinkChange = .keep
    var version: Int?
}

struct PatentFilter: Content {
    var kind: PatentKind?
    var itemId: UUID?
    var studioId: UUID?
}
