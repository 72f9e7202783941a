import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension SafetyInspection: SavedRecord {
    typealias Input = InspectionInput
    typealias Output = InspectionOutput
    typealias Filter = InspectionFilter
    static let routeName = "safety-inspections"

    static func list(_ list: ListQuery, filter: InspectionFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        InspectionOutput
    > {
        let query = try scoped(list, scope: scope, on: request.db)
        if let status = filter.status { query.filter(\.$status == status) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$plannedDate >= from) }
        if let to { query.filter(\.$plannedDate <= to) }
        return try await page(query.sort(\.$plannedDate, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [SafetyInspection], on request: Request) async throws -> [InspectionOutput] {
        let names = try await MentorshipService.memberNames(rows.map(\.inspectorID), on: request.db)
        let tree = try await request.scope().tree
        var findings: [UUID: Int] = [:]
        let ids = rows.compactMap(\.id)
        if !ids.isEmpty {
            for id in try await HazardReport.query(on: request.db).filter(\.$inspectionID ~~ ids).filter(\.$deletedAt == nil)
                .all(\.$inspectionID)
            {
                if let id { findings[id, default: 0] += 1 }
            }
        }
        return try rows.map { row in
            let id = try row.requireID()
            return InspectionOutput(
                id: id, unitId: row.unitID, unitName: tree.name(of: row.unitID), inspectorId: row.inspectorID,
                inspectorName: names[row.inspectorID] ?? "", plannedDate: row.plannedDate, status: row.status, heldDate: row.heldDate,
                note: row.note, cancelReason: row.cancelReason, findings: findings[id] ?? 0, version: row.version,
                createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    /// The plan changes while planned: the team, its inspector (a member of that team's subtree) and the day.
    static func save(_ input: InspectionInput, to row: SafetyInspection, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        if !isNew, row.status != .planned { throw AppError.conflict("status", "error.inspection.notPlanned") }
        let before = isNew ? nil : row.auditSnapshot()
        let unitID = isNew || input.unitId != nil ? try Held.unit(input.unitId, context: context) : row.unitID
        guard let inspectorID = input.inspectorId ?? row.$inspectorID.value else { throw AppError.invalid("inspectorId", "error.required") }
        let inspector = try await Held.member(inspectorID, field: "inspectorId", scope: context.scope, on: context.app.db)
        // Of the team (or below it), or of a union above it; a unit's ancestry begins with itself.
        let tree = context.scope.tree
        guard tree.ancestry(of: inspector.unitID).contains(unitID) || tree.ancestry(of: unitID).contains(inspector.unitID) else {
            throw AppError.invalid("inspectorId", "error.inspection.inspectorElsewhere")
        }
        row.unitID = unitID
        row.inspectorID = inspectorID
        row.plannedDate = try Held.date(input.plannedDate ?? row.$plannedDate.value, field: "plannedDate").description
        row.note = try Held.text(input.note ?? row.$note.value ?? "", field: "note", required: false, max: 1_000)
        if isNew {
            row.status = .planned
            row.version = 1
        }
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

enum Inspections {
    static func step(_ step: InspectionStep, _ row: SafetyInspection, input: InspectionStepInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let next: InspectionStatus
        switch step.apply(to: row.status) {
        case .success(let status): next = status
        case .failure(let issue): throw AppError(status: .conflict, key: issue.key, field: issue.field, arguments: issue.arguments)
        }
        let before = row.auditSnapshot()
        let today = CivilDate(context.editor.at)
        switch step {
        case .hold:
            let held = try Held.date(input.date ?? today.description, field: "date")
            guard held <= today else { throw AppError.invalid("date", "error.date.future") }
            row.heldDate = held.description
            if let note = input.note { row.note = try Held.text(note, field: "note", required: false, max: 1_000) }
        case .cancel:
            row.cancelReason = try Held.text(input.reason, field: "reason", max: 500)
        }
        row.status = next
        let editor = context.editor
        try await context.app.write { db in
            try await row.claimVersion(version, on: db)
            try await row.update(on: db)
            try await Audit.record(.update, row, before: before, by: editor, on: db)
        }
    }

    /// A finding of a held inspection becomes a hazard report by its inspector, on the hazard's way from there.
    static func addFinding(_ input: FindingInput, to row: SafetyInspection, context: WriteContext) async throws -> HazardReport {
        guard row.status == .held else { throw AppError.conflict("status", "error.inspection.notHeld") }
        guard let inspector = try await Member.find(row.inspectorID, on: context.app.db), inspector.deletedAt == nil else {
            throw AppError.conflict("inspectorId", "error.inspection.inspectorGone")
        }
        return try await HazardService.report(
            HazardInput(place: input.place, description: input.description, severity: input.severity), reporter: inspector,
            today: row.heldDate.flatMap(CivilDate.init) ?? CivilDate(context.editor.at), editor: context.editor, app: context.app,
            once: nil, inspection: try row.requireID())
    }

    /// Plans and inspections in the period, the teams they reached against the subtree's teams, and the
    /// hazards found: two grouped queries.
    static func statistics(_ query: FigureQuery) async throws -> InspectionStatistics {
        let scope = try query.scope.narrowed(to: query.list.unitId)
        let units = try scope.unitIDs(within: nil)
        let (from, to) = (query.from.description, query.to.description)
        let sql = try query.db.sql()
        let table = SafetyInspection.schema
        let byStatus = try await sql.select().from(table).where(SQLColumn("deleted_at", table: table), .is, SQLLiteral.null)
            .scoped(to: units, table: table, dateColumn: "planned_date", from: from, to: to).tallies(by: ["status", "unit_id"])
        let held = byStatus.filter { $0.keys[0] == InspectionStatus.held.rawValue }
        let teams = (units ?? Set(scope.tree.nodes.keys)).filter { scope.tree.nodes[$0]?.kind == .team }
        let reached = Set(held.compactMap { UUID(uuidString: $0.keys[1]) }).intersection(teams)
        let findings = try await sql.select().from(HazardReport.schema)
            .join(table, on: SQLColumn("id", table: table), .equal, SQLColumn("inspection_id", table: HazardReport.schema))
            .where(SQLColumn("deleted_at", table: HazardReport.schema), .is, SQLLiteral.null)
            .where(SQLColumn("deleted_at", table: table), .is, SQLLiteral.null)
            .where(SQLColumn("status", table: table), .equal, SQLBind(InspectionStatus.held.rawValue))
            .scoped(to: units, table: table, dateColumn: "planned_date", from: from, to: to).tallies().rows
        return InspectionStatistics(
            planned: byStatus.rows, held: held.rows,
            cancelled: byStatus.filter { $0.keys[0] == InspectionStatus.cancelled.rawValue }.rows, teams: teams.count,
            teamsInspected: reached.count, findings: findings)
    }
}

/// `POST /api/v1/safety-inspections/{id}/findings`.
struct InspectionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(.constant(SafetyInspection.routeName), ":id", "findings") { req async throws -> Response in
            let context = try await req.writeContext()
            let row = try await SafetyInspection.find(try req.parameters.require("id"), scope: context.scope, on: req.db)
            let hazard = try await Inspections.addFinding(try req.content.decode(FindingInput.self), to: row, context: context)
            return try await hazard.output(on: req).encodeResponse(status: .created, for: req)
        }
    }
}
