import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Outreach activities: plans, holding or cancelling them, and the module's figures.
enum OutreachService: RecordService {
    static let sortKeys = ["plannedDate", "heldDate", "personTimes"]

    static func list(_ list: ListQuery, filter: OutreachFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        OutreachOutput
    > {
        let query = try base(list, filter: filter, scope: scope, on: db)
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("heldDate", let descending)?: query.sort(\.$heldDate, direction(descending))
        case ("personTimes", let descending)?: query.sort(\.$personTimes, direction(descending))
        case (_, let descending)?: query.sort(\.$plannedDate, direction(descending))
        case nil: query.sort(\.$plannedDate, .descending)
        }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    /// The list's query before sorting: scope, filters, and the period on the date held (or planned).
    static func base(_ list: ListQuery, filter: OutreachFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<
        OutreachActivity
    > {
        let query = try scope.apply(to: OutreachActivity.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let studio = filter.studioId { query.filter(\.$studioID == studio) }
        if let campaign = filter.outreachCampaignId { query.filter(\.$campaignID == campaign) }
        if let leader = filter.leaderId {
            query.join(OutreachLeader.self, on: \OutreachActivity.$id == \OutreachLeader.$activityID).filter(
                OutreachLeader.self, \.$memberID == leader)
        }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$title ~~ SearchKey.simplify(q)) }
        let (from, to) = try list.datePeriod()
        let dateKey: KeyPath<OutreachActivity, OptionalFieldProperty<OutreachActivity, String>> = \.$heldDate
        if filter.status == .held || filter.status == nil {
            if let from { query.filter(dateKey >= from) }
            if let to { query.filter(dateKey <= to) }
        } else {
            if let from { query.filter(\.$plannedDate >= from) }
            if let to { query.filter(\.$plannedDate <= to) }
        }
        return query
    }

    static func outputs(_ activities: [OutreachActivity], on db: any Database) async throws -> [OutreachOutput] {
        let ids = activities.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let links = try await OutreachLeader.query(on: db).filter(\.$activityID ~~ ids).all()
        let names = try await MentorshipService.memberNames(links.map(\.memberID), on: db)
        var leaders: [UUID: [UUID]] = [:]
        for link in links { leaders[link.activityID, default: []].append(link.memberID) }
        return try activities.map { try OutreachOutput($0, leaders: leaders[try $0.requireID()] ?? [], names: names) }
    }

    static func create(_ input: OutreachInput, context: WriteContext, once: FormOnce?) async throws -> OutreachActivity {
        let activity = OutreachActivity()
        activity.status = .planned
        activity.personTimes = 0
        activity.version = 1
        let leaders = try await apply(input, to: activity, context: context)
        let editor = context.editor
        return try await context.app.write { db in
            try await once.claim(on: db)
            try await activity.create(on: db)
            try await setLeaders(leaders ?? [], of: activity, on: db)
            try await Audit.record(.create, activity, by: editor, on: db)
            try await once.record(activity.id, on: db)
            return activity
        }
    }

    static func update(_ activity: OutreachActivity, with input: OutreachInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard activity.status == .planned else { throw AppError.conflict("status", "error.outreach.notPlanned") }
        let before = activity.auditSnapshot()
        let leaders = try await apply(input, to: activity, context: context)
        let editor = context.editor
        try await context.app.write { db in
            try await activity.claimVersion(version, on: db)
            try await activity.update(on: db)
            if let leaders { try await setLeaders(leaders, of: activity, on: db) }
            try await Audit.record(.update, activity, before: before, by: editor, on: db)
        }
    }

    static func step(_ step: OutreachStep, _ activity: OutreachActivity, input: OutreachStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: OutreachStatus
        switch step.apply(to: activity.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field)
        }
        let before = activity.auditSnapshot()
        switch step {
        case .hold:
            var held = CivilDate(context.editor.at)
            if let text = input.date, !text.isEmpty {
                guard let parsed = CivilDate(text) else { throw AppError.invalid("date", "error.date.invalid") }
                held = parsed
            }
            let leaders = try await OutreachLeader.query(on: context.app.db).filter(\.$activityID == activity.requireID()).count()
            if let issue = OutreachRules.checkHeld(personTimes: input.personTimes, leaders: leaders, heldDate: held) {
                throw AppError.invalid(issue)
            }
            activity.heldDate = held.description
            activity.personTimes = input.personTimes ?? 0
        case .cancel:
            let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw AppError.invalid("reason", "error.required") }
            activity.cancelReason = String(reason.prefix(200))
        }
        activity.status = next
        let editor = context.editor
        try await context.app.write { db in
            try await activity.claimVersion(version, on: db)
            try await activity.update(on: db)
            try await Audit.record(.update, activity, before: before, by: editor, on: db)
        }
    }

    /// Fills the plan; returns the leaders to set, when the input names them.
    private static func apply(_ input: OutreachInput, to activity: OutreachActivity, context: WriteContext) async throws -> [UUID]? {
        let isNew = activity.id == nil
        let db = context.app.db
        let title = (input.title ?? (isNew ? "" : activity.title)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw AppError.invalid("title", "error.required") }
        guard title.count <= 100 else { throw AppError.invalid("title", "error.tooLong", ["100"]) }
        guard let kind = input.kind ?? (isNew ? nil : activity.kind) else { throw AppError.invalid("kind", "error.required") }
        let dateText = input.plannedDate ?? (isNew ? "" : activity.plannedDate)
        guard !dateText.isEmpty else { throw AppError.invalid("plannedDate", "error.required") }
        guard let planned = CivilDate(dateText) else { throw AppError.invalid("plannedDate", "error.date.invalid") }
        let place = (input.place ?? (isNew ? "" : activity.place)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !place.isEmpty else { throw AppError.invalid("place", "error.required") }
        let unitID = isNew || input.unitId != nil ? try Held.unit(input.unitId, context: context) : activity.unitID
        if let partner = input.partnerId.named {
            guard let organization = try await Organization.find(partner, on: db), organization.deletedAt == nil else {
                throw AppError.invalid("partnerId", "error.organization.notHeld")
            }
        }
        if let studioID = input.studioId.named {
            _ = try await Held.studio(studioID, field: "studioId", refusal: "error.outreach.studio", scope: context.scope, on: db)
        }
        if let campaign = input.outreachCampaignId.named {
            _ = try await Held.campaign(campaign, context: context)
        }
        if let leaders = input.leaderIds {
            let found = try await Member.query(on: db).filter(\.$id ~~ leaders).filter(\.$deletedAt == nil).all()
            guard found.count == Set(leaders).count, found.allSatisfy({ context.scope.contains($0.unitID) }) else {
                throw AppError.invalid("leaderIds", "error.mentorship.memberNotHeld")
            }
        }
        activity.unitID = unitID
        activity.title = title
        activity.kind = kind
        activity.plannedDate = planned.description
        activity.place = String(place.prefix(100))
        activity.partnerID = input.partnerId.applied(to: activity.partnerID)
        activity.studioID = input.studioId.applied(to: activity.studioID)
        activity.campaignID = input.outreachCampaignId.applied(to: activity.campaignID)
        activity.audience = String((input.audience ?? (isNew ? "" : activity.audience)).prefix(200))
        return input.leaderIds.map { Array(Set($0)) }
    }

    private static func setLeaders(_ leaders: [UUID], of activity: OutreachActivity, on db: any Database) async throws {
        let id = try activity.requireID()
        try await OutreachLeader.query(on: db).filter(\.$activityID == id).delete()
        for member in leaders { try await OutreachLeader(activityID: id, memberID: member).create(on: db) }
    }

    struct Counts: Content {
        /// Activities held, by kind.
        var heldByKind: [String: Int]
        /// Person-times of the activities held, by kind.
        var personTimesByKind: [String: Int]
        var personTimes: Int
        /// Distinct model workers who endorsed farm products.
        var endorsers: Int
        var planned: Int
    }

    static func counts(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> Counts {
        let table = OutreachActivity.schema
        func held() throws -> SQLSelectBuilder {
            try list.select(table, scope: scope, dated: "held_date", on: db)
                .where(SQLColumn("status", table: table), .equal, SQLBind(OutreachStatus.held.rawValue))
        }
        let groups = try await held().tallies(by: ["kind"], sums: ["person_times"])
        let endorsers =
            try await held().where(SQLColumn("kind", table: table), .equal, SQLBind(OutreachKind.endorsement.rawValue))
            .join(OutreachLeader.schema, on: SQLColumn("activity_id", table: OutreachLeader.schema), .equal, SQLColumn("id", table: table))
            .column(
                SQLAlias(
                    SQLFunction("COUNT", args: SQLDistinct(SQLColumn("member_id", table: OutreachLeader.schema))), as: SQLIdentifier("n"))
            )
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let planned = try await base(ListQuery(unitId: list.unitId), filter: OutreachFilter(status: .planned), scope: scope, on: db).count()
        return Counts(
            heldByKind: Dictionary(groups.map { ($0.keys[0], $0.count) }) { $0 + $1 },
            personTimesByKind: Dictionary(groups.map { ($0.keys[0], Int($0.sums[0])) }) { $0 + $1 },
            personTimes: Int(try groups.sum()), endorsers: endorsers, planned: planned)
    }
}

extension OutreachActivity: ServedRecord {
    typealias Service = OutreachService
    typealias Input = OutreachInput
    typealias Output = OutreachOutput
    typealias Filter = OutreachFilter
    static let routeName = "outreach-activities"
}
