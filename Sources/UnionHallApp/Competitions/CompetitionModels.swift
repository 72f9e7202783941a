import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A year's skill competition (职业技能竞赛) organised by a union, over many trades.
final class Competition: Model, @unchecked Sendable {
    static let schema = "competitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int
    /// Who awards its titles, as the honors and certificates name it.
    @Field(key: "organizer") var organizer: String
    @Enum(key: "level") var level: HonorLevel
    @Field(key: "event_count") var eventCount: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// One trade's event: individual or team, its marking scheme, award bands and results.
final class CompetitionEvent: Model, @unchecked Sendable {
    static let schema = "competition_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "competition_id") var competitionID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "trade") var trade: String
    @Enum(key: "kind") var kind: EventKind
    @Field(key: "theory_weight") var theoryWeight: Int
    @Field(key: "practical_weight") var practicalWeight: Int
    @Field(key: "expert_count") var expertCount: Int
    @Field(key: "pacesetter_count") var pacesetterCount: Int
    @Field(key: "outstanding_count") var outstandingCount: Int
    /// Ten-thousandths of a mark out of 100.
    @Field(key: "minimum_total") var minimumTotal: Int
    @Field(key: "first_prizes") var firstPrizes: Int
    @Field(key: "second_prizes") var secondPrizes: Int
    @Field(key: "third_prizes") var thirdPrizes: Int
    @Enum(key: "status") var status: EventStatus
    @OptionalField(key: "notice_start") var noticeStart: String?
    @OptionalField(key: "notice_ends") var noticeEnds: String?
    @OptionalField(key: "finalised_date") var finalisedDate: String?
    @Field(key: "entry_count") var entryCount: Int
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var bands: AwardBands {
        AwardBands(
            counts: [.technicalExpert: expertCount, .technicalPacesetter: pacesetterCount, .outstandingContestant: outstandingCount],
            minimumTotal: minimumTotal)
    }

    var prizeCounts: [TeamPrize: Int] { [.first: firstPrizes, .second: secondPrizes, .third: thirdPrizes] }
}

/// A practical item of an event's marking scheme, with its maximum in hundredths of a mark.
final class CompetitionItem: Model, @unchecked Sendable {
    static let schema = "competition_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "name") var name: String
    @Field(key: "maximum") var maximum: Int
    @Enum(key: "kind") var kind: ItemKind

    init() {}
}

/// A judge (a reviewer account) of an event; the chief judge corrects submitted sheets.
final class CompetitionJudge: Model, @unchecked Sendable {
    static let schema = "competition_judges"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "user_id") var userID: UUID
    /// The judge's own employer: they may not score its entrants.
    @OptionalField(key: "organization_id") var organizationID: UUID?
    @Field(key: "chief") var chief: Bool

    init() {}
}

/// An entry: one member, or a team of 2–5 of one employer; its scores and award once published.
final class CompetitionEntry: Model, @unchecked Sendable {
    static let schema = "competition_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "competition_id") var competitionID: UUID
    /// The entrant's union unit (a team's: its first member's).
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "number") var number: Int
    @OptionalField(key: "member_id") var memberID: UUID?
    @OptionalField(key: "team_name") var teamName: String?
    @OptionalField(key: "employer_id") var employerID: UUID?
    /// The theory mark out of 100, in hundredths.
    @OptionalField(key: "theory_marks") var theoryMarks: Int?
    @OptionalField(key: "completion_seconds") var completionSeconds: Int?
    @OptionalField(key: "practical") var practical: Int?
    @OptionalField(key: "total") var total: Int?
    @OptionalField(key: "rank") var rank: Int?
    @OptionalField(key: "award") var award: String?
    @OptionalField(key: "certificate_number") var certificateNumber: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Who is in an entry; a member enters an event once, alone or in a team.
final class CompetitionEntrant: Model, @unchecked Sendable {
    static let schema = "competition_entrants"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "member_id") var memberID: UUID

    init() {}
}

/// A judge's marks for one entry, submitted once; then locked.
final class CompetitionSheet: Model, @unchecked Sendable {
    static let schema = "competition_sheets"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "judge_id") var judgeID: UUID
    @Field(key: "submitted_at") var submittedAt: Date

    init() {}
}

final class CompetitionMark: Model, @unchecked Sendable {
    static let schema = "competition_marks"

    @ID(key: .id) var id: UUID?
    @Field(key: "sheet_id") var sheetID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "marks") var marks: Int

    init() {}
}

/// A chief judge's correction of a submitted mark, with the reason.
final class CompetitionCorrection: Model, @unchecked Sendable {
    static let schema = "competition_corrections"

    @ID(key: .id) var id: UUID?
    @Field(key: "sheet_id") var sheetID: UUID
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "before") var before: Int
    @Field(key: "after") var after: Int
    @Field(key: "reason") var reason: String
    @Field(key: "by_id") var byID: UUID
    @Field(key: "at") var at: Date

    init() {}
}

/// An objection raised during the public notice, and how it was resolved.
final class CompetitionObjection: Model, @unchecked Sendable {
    static let schema = "competition_objections"

    @ID(key: .id) var id: UUID?
    @Field(key: "event_id") var eventID: UUID
    @OptionalField(key: "entry_id") var entryID: UUID?
    @Field(key: "raised_by") var raisedBy: String
    @Field(key: "content") var content: String
    @Field(key: "raised_date") var raisedDate: String
    @Enum(key: "status") var status: ObjectionStatus
    @OptionalField(key: "resolution") var resolution: String?
    @OptionalField(key: "resolved_date") var resolvedDate: String?

    init() {}
}

extension EventKind: FluentEnumRepresentable {}
extension ItemKind: FluentEnumRepresentable {}
extension EventStatus: FluentEnumRepresentable {}
extension ObjectionStatus: FluentEnumRepresentable {}

extension Competition: Audited, Versioned, SoftDeletable {
    static let auditEntity = "competition"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        ["name": name, "year": String(year), "organizer": organizer, "level": level.rawValue]
    }
}

extension CompetitionEvent: Audited, Versioned {
    static let auditEntity = "competitionEvent"
    static let isSoftDeleted = false
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "trade": trade, "kind": kind.rawValue, "theoryWeight": String(theoryWeight), "practicalWeight": String(practicalWeight),
            "status": status.rawValue, "noticeEnds": noticeEnds ?? "", "awards": "\(expertCount)/\(pacesetterCount)/\(outstandingCount)",
            "prizes": "\(firstPrizes)/\(secondPrizes)/\(thirdPrizes)", "minimumTotal": String(minimumTotal),
        ]
    }
}
