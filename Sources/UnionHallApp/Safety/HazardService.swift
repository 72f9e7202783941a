import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

struct HazardOutput: Content {
    var id: UUID
    var unitId: UUID
    var campaignId: UUID?
    var inspectionId: UUID?
    var reporterId: UUID
    var reporterName: String
    var employerId: UUID?
    var place: String
    var description: String
    var severity: HazardSeverity
    var status: HazardStatus
    var reportedDate: String
    var hasPhoto: Bool
    var rectifyBy: String?
    var rectifiedDate: String?
    var hasRectifiedPhoto: Bool
    var rewardFen: Int64?
    var rewardedDate: String?
    var rejectReason: String?
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?
    var deletedAt: Date?
}

struct HazardInput: Content {
    /// Officers name the reporter; a worker reporting is the reporter.
    var reporterId: UUID?
    var employerId: UUID?
    var place: String?
    var description: String?
    var severity: HazardSeverity?
    var version: Int?
}

struct HazardFilter: Content {
    var status: HazardStatus?
    var severity: HazardSeverity?
    var campaignId: UUID?
    /// Found by this team inspection.
    var inspectionId: UUID?
    /// Ordered rectified by a date that has passed.
    var overdue: Bool?
}

struct HazardStepInput: Content {
    var version: Int?
    var date: String?
    var rectifyBy: String?
    var amountFen: Int64?
    var reason: String?
}

/// A report's status as it changed, read from its audit lines.
struct HazardEventOutput: Content {
    var at: Date
    var status: HazardStatus
}

struct HazardStatistics: Content {
    var reports: Int
    var byStatus: [KeyCount]
    var rewarded: Int
    var rewardsFen: Int64
}

enum HazardService {
    static let photoBodyLimit: ByteCount = "6mb"

    static func base(
        _ list: ListQuery, filter: HazardFilter, scope: UnitScope, today: CivilDate? = nil, on db: any Database
    ) throws -> QueryBuilder<HazardReport> {
        let query = try HazardReport.scoped(list, scope: scope, on: db)
        if filter.overdue == true, let today {
            query.filter(\.$status == .rectificationOrdered).filter(\.$rectifyBy < today.description)
        }
        if let status = filter.status { query.filter(\.$status == status) }
        if let severity = filter.severity { query.filter(\.$severity == severity) }
        if let campaign = filter.campaignId { query.filter(\.$campaignID == campaign) }
        if let inspection = filter.inspectionId { query.filter(\.$inspectionID == inspection) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$reportedDate >= from) }
        if let to { query.filter(\.$reportedDate <= to) }
        return query
    }

    static func outputs(_ rows: [HazardReport], on db: any Database) async throws -> [HazardOutput] {
        let names = try await MentorshipService.memberNames(rows.map(\.reporterID), on: db)
        return try rows.map { row in
            HazardOutput(
                id: try row.requireID(), unitId: row.unitID, campaignId: row.campaignID, inspectionId: row.inspectionID,
                reporterId: row.reporterID,
                reporterName: names[row.reporterID] ?? "",
                employerId: row.employerID, place: row.place, description: row.description, severity: row.severity, status: row.status,
                reportedDate: row.reportedDate, hasPhoto: row.photo != nil, rectifyBy: row.rectifyBy, rectifiedDate: row.rectifiedDate,
                hasRectifiedPhoto: row.rectifiedPhoto != nil, rewardFen: row.rewardFen, rewardedDate: row.rewardedDate,
                rejectReason: row.rejectReason,
                version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    /// A new report from the reporter's own union: the year's campaign over it, if any, is its campaign.
    static func report(
        _ input: HazardInput, reporter: Member, today: CivilDate, editor: Editor, app: Application, once: FormOnce?,
        inspection: UUID? = nil
    ) async throws -> HazardReport {
        let db = app.db
        let row = HazardReport()
        row.inspectionID = inspection
        row.reporterID = try reporter.requireID()
        row.unitID = reporter.unitID
        let tree = try await app.unitTrees.tree(on: db)
        if let employerID = input.employerId {
            let city = tree.ancestry(of: reporter.unitID).last ?? reporter.unitID
            _ = try await Held.organization(
                employerID, field: "employerId", scope: UnitScope(unitIDs: tree.subtree(of: city), tree: tree), on: db)
        }
        row.employerID = input.employerId ?? reporter.organizationID
        row.place = try Held.text(input.place, field: "place")
        row.description = try Held.text(input.description, field: "description", max: 2_000)
        guard let severity = input.severity else { throw AppError.invalid("severity", "error.required") }
        row.severity = severity
        row.status = .reported
        row.reportedDate = today.description
        row.version = 1
        row.campaignID = try await SafetyCampaign.query(on: db).filter(\.$year == today.year).filter(\.$deletedAt == nil)
            .filter(\.$unitID ~~ tree.ancestry(of: reporter.unitID)).first()?.requireID()
        try await app.write { db in
            try await once.claim(on: db)
            try await row.create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
            try await once.record(row.id, on: db)
        }
        return row
    }

    /// Attaches the report's photo (or the rectification's): a JPEG or PNG of at most 5 MB.
    static func attach(_ file: File, to row: HazardReport, rectified: Bool, request: Request) async throws {
        let kind = try FileKind.checkAttachment(Array(file.data.readableBytesView), maxBytes: InnovationFiles.maxBytes).orInvalid()
        guard kind == .jpeg || kind == .png else { throw AppError.invalid("file", "error.hazard.notPhoto") }
        let editor = try request.editor()
        try await StoredFiles.keep(file.data, kind: kind, request: request) { storedName in
            if rectified {
                row.rectifiedPhoto = storedName
                row.rectifiedPhotoKind = kind
            } else {
                row.photo = storedName
                row.photoKind = kind
            }
            try await request.application.write { db in
                try await row.update(on: db)
                try await Audit.record(
                    .update, row, before: nil, after: [rectified ? "rectifiedPhoto" : "photo": storedName], by: editor, on: db)
            }
        }
    }

    static func step(_ step: HazardStep, _ row: HazardReport, input: HazardStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: HazardStatus
        switch step.apply(to: row.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
        let today = CivilDate(context.editor.at)
        let date = try input.date.flatMap { $0.isEmpty ? nil : $0 }.map { try Held.date($0, field: "date") } ?? today
        let before = row.auditSnapshot()
        switch step {
        case .verify:
            break
        case .order:
            let by = try Held.date(input.rectifyBy, field: "rectifyBy")
            guard by >= today else { throw AppError.invalid("rectifyBy", "error.hazard.deadlinePast") }
            row.rectifyBy = by.description
        case .rectify:
            row.rectifiedDate = date.description
        case .reward:
            guard let campaignID = row.campaignID, let campaign = try await SafetyCampaign.find(campaignID, on: context.app.db) else {
                throw AppError.conflict("campaignId", "error.hazard.noCampaign")
            }
            row.rewardFen = try HazardRewards.amount(asked: input.amountFen, severity: row.severity, cap: campaign.rewardCapFen).orInvalid()
            row.rewardedDate = date.description
        case .reject:
            row.rejectReason = try Held.text(input.reason, field: "reason", max: 500)
        }
        row.status = next
        // The version claim makes a second reward (or any repeated step) from the same page a conflict.
        try await context.save(row, version: version, before: before, once: nil)
    }

    static func statistics(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> HazardStatistics {
        let groups = try await list.select(HazardReport.schema, scope: scope, dated: "reported_date", on: db)
            .tallies(by: ["status"], sums: ["reward_fen"])
        let rewarded = groups.filter { $0.keys[0] == HazardStatus.rewarded.rawValue }
        return HazardStatistics(
            reports: groups.rows, byStatus: groups.counts(of: HazardStatus.self), rewarded: rewarded.rows, rewardsFen: try rewarded.sum())
    }

    /// Every status the report has had, oldest first: each change was written to the audit log with it.
    static func events(of row: HazardReport, on db: any Database) async throws -> [HazardEventOutput] {
        try await events(of: [row], on: db)[row.requireID()] ?? []
    }

    /// The same for several reports, in one query.
    static func events(of rows: [HazardReport], on db: any Database) async throws -> [UUID: [HazardEventOutput]] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var events: [UUID: [HazardEventOutput]] = [:]
        for entry in try await AuditEntry.query(on: db).filter(\.$entity == HazardReport.auditEntity).filter(\.$entityID ~~ ids)
            .filter(\.$action ~~ [.create, .update]).sort(\.$at).all()
        {
            guard let id = entry.entityID, let status = Audit.decode(entry.after)["status"].flatMap(HazardStatus.init(rawValue:)),
                events[id]?.last?.status != status
            else { continue }
            events[id, default: []].append(HazardEventOutput(at: entry.at, status: status))
        }
        return events
    }

    /// The report for its officers, or for the worker who made it; 404 for anyone else.
    static func readable(_ id: UUID, request req: Request) async throws -> HazardReport {
        let user = try req.requireUser()
        guard let row = try await HazardReport.find(id, on: req.db), row.deletedAt == nil else { throw AppError.notFound }
        if user.role == .member {
            guard row.reporterID == user.memberID else { throw AppError.notFound }
            return row
        }
        let (_, scope) = try await req.requireManager()
        try scope.check(row.unitID)
        return row
    }
}

extension HazardReport: UnitOwnedRecord {
    typealias Output = HazardOutput
    static let routeName = "hazard-reports"

    static func count(filter: HazardFilter, scope: UnitScope, request: Request) async throws -> Int {
        try await HazardService.base(ListQuery(), filter: filter, scope: scope, today: request.today, on: request.db).count(\.$unitID)
    }

    static func list(_ list: ListQuery, filter: HazardFilter, scope: UnitScope, request: Request) async throws -> ListPage<HazardOutput> {
        try await page(
            try HazardService.base(list, filter: filter, scope: scope, today: request.today, on: request.db).sort(
                \.$reportedDate, .descending
            ).sort(\.$id), list,
            on: request)
    }

    /// An officer enters a report for a worker of their subtree.
    static func create(_ input: HazardInput, context: WriteContext, once: FormOnce?) async throws -> HazardReport {
        let reporter = try await Held.member(input.reporterId, field: "reporterId", scope: context.scope, on: context.app.db)
        return try await HazardService.report(
            input, reporter: reporter, today: CivilDate(context.editor.at), editor: context.editor, app: context.app, once: once)
    }

    func update(with input: HazardInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        guard status == .reported || status == .verified else { throw AppError.conflict("status", "error.hazard.closed") }
        let before = auditSnapshot()
        if let place = input.place { self.place = try Held.text(place, field: "place") }
        if let description = input.description { self.description = try Held.text(description, field: "description", max: 2_000) }
        if let severity = input.severity { self.severity = severity }
        try await context.save(self, version: version, before: before, once: nil)
    }

    static func outputs(_ rows: [HazardReport], on request: Request) async throws -> [HazardOutput] {
        try await HazardService.outputs(rows, on: request.db)
    }

    static func show(_ id: UUID, request: Request) async throws -> HazardOutput {
        try await HazardService.readable(id, request: request).output(on: request)
    }
}

/// A worker's reports, the photos, and the figures.
struct HazardAPIController: RouteCollection {
    /// A report's photo, for its officers and its reporter, as a download.
    static func photo(_ req: Request, rectified: Bool) async throws -> Response {
        let row = try await HazardService.readable(try req.parameters.require("id"), request: req)
        guard let stored = rectified ? row.rectifiedPhoto : row.photo, let kind = rectified ? row.rectifiedPhotoKind : row.photoKind else {
            throw AppError.notFound
        }
        return try await StoredFiles.serve(stored, kind: kind, fileName: "hazard.\(kind.fileExtension)", request: req)
    }

    func boot(routes: any RoutesBuilder) throws {
        let reports = routes.grouped("hazard-reports")
        reports.post("report") { req async throws -> Response in
            let member = try await req.requireMember()
            let row = try await HazardService.report(
                try req.content.decode(HazardInput.self), reporter: member, today: req.today, editor: try req.editor(),
                app: req.application, once: nil)
            return try await row.output(on: req).encodeResponse(status: .created, for: req)
        }
        reports.get("mine") { req async throws -> [HazardOutput] in
            let member = try await req.requireMember()
            return try await HazardService.outputs(
                try await HazardReport.query(on: req.db).filter(\.$reporterID == member.requireID()).filter(\.$deletedAt == nil)
                    .sort(\.$reportedDate, .descending).all(), on: req.db)
        }
        reports.get(":id", "events") { req async throws -> [HazardEventOutput] in
            try await HazardService.events(of: try await HazardService.readable(try req.parameters.require("id"), request: req), on: req.db)
        }
        reports.get("statistics") { req async throws -> HazardStatistics in
            let (_, scope) = try await req.requireManager()
            return try await HazardService.statistics(scope: scope, list: try req.query.decode(PeriodQuery.self).list, on: req.db)
        }
        for rectified in [false, true] {
            let name: PathComponent = rectified ? "rectification-photo" : "photo"
            reports.upload(":id", name, maxSize: HazardService.photoBodyLimit) { req async throws -> Response in
                let row = try await HazardService.readable(try req.parameters.require("id"), request: req)
                // The reporter adds the hazard's photo; only officers add the rectification's.
                let isMember = try req.requireUser().role == .member
                if rectified || !isMember { _ = try await req.writeContext() }
                let upload = try req.content.decode(FileUpload.self)
                try await HazardService.attach(upload.file, to: row, rectified: rectified, request: req)
                return try await row.output(on: req).encodeResponse(status: .created, for: req)
            }
            reports.get(":id", name) { try await Self.photo($0, rectified: rectified) }
        }
    }
}
