import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// 工匠学院, 产业学院 and school–enterprise agreements, with the programmes and studios they run.
enum PartnershipService {
    static func list(_ list: ListQuery, filter: PartnershipFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        PartnershipOutput
    > {
        let query = try scope.apply(to: Partnership.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let status = filter.status { query.filter(\.$status == status) }
        if let college = filter.collegeId { query.filter(\.$collegeID == college) }
        if let employer = filter.employerId { query.filter(\.$employerID == employer) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$name ~~ q) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$signedDate >= from) }
        if let to { query.filter(\.$signedDate <= to) }
        query.sort(\.$signedDate, .descending).sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    static func outputs(_ rows: [Partnership], on db: any Database) async throws -> [PartnershipOutput] {
        let ids = rows.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        let organizationIDs = Array(Set(rows.flatMap { [$0.collegeID] + ($0.employerID.map { [$0] } ?? []) }))
        let names = Dictionary(
            try await Organization.query(on: db).filter(\.$id ~~ organizationIDs).all().compactMap { org in org.id.map { ($0, org.name) } },
            uniquingKeysWith: { first, _ in first })
        var studios: [UUID: [UUID]] = [:]
        for link in try await PartnershipStudio.query(on: db).filter(\.$partnershipID ~~ ids).all() {
            studios[link.partnershipID, default: []].append(link.studioID)
        }
        var programs: [UUID: Int] = [:]
        for id in try await TrainingProgram.query(on: db).filter(\.$partnershipID ~~ ids).filter(\.$deletedAt == nil).all(\.$partnershipID)
        {
            if let id { programs[id, default: 0] += 1 }
        }
        return try rows.map { row in
            let id = try row.requireID()
            return PartnershipOutput(
                id: id, unitId: row.unitID, kind: row.kind, name: row.name, collegeId: row.collegeID,
                collegeName: names[row.collegeID] ?? "",
                employerId: row.employerID, employerName: row.employerID.flatMap { names[$0] }, signedDate: row.signedDate,
                status: row.status,
                note: row.note,
                studioIds: studios[id] ?? [], programs: programs[id] ?? 0, version: row.version,
                createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: PartnershipInput, to row: Partnership, context: WriteContext, once: FormOnce?) async throws {
        let db = context.app.db
        let isNew = row.id == nil
        if !isNew, input.version == nil { throw AppError.invalid("version", "error.required") }
        guard let kind = input.kind ?? (isNew ? nil : row.kind) else { throw AppError.invalid("kind", "error.required") }
        let name = try Held.text(input.name ?? (isNew ? nil : row.name), field: "name")
        guard let collegeID = input.collegeId ?? (isNew ? nil : row.collegeID) else {
            throw AppError.invalid("collegeId", "error.required")
        }
        let college = try await Held.organization(collegeID, field: "collegeId", scope: context.scope, on: db)
        guard college.kind == .college else { throw AppError.invalid("collegeId", "error.training.notCollege") }
        let employerID = input.employerId.applied(to: row.employerID)
        if let employerID {
            let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: db)
            guard employer.kind != .college else { throw AppError.invalid("employerId", "error.training.notEmployer") }
        }
        if kind.needsEmployer, employerID == nil { throw AppError.invalid("employerId", "error.required") }
        let status = input.status ?? (isNew ? .running : row.status)
        if !isNew, !status.runsProgrammes, status != row.status,
            try await TrainingProgram.query(on: db).filter(\.$partnershipID == row.requireID()).filter(\.$deletedAt == nil).count() > 0
        {
            throw AppError.conflict("status", "error.partnership.hasProgrammes")
        }
        let signed = try Held.date(input.signedDate ?? (isNew ? nil : row.signedDate), field: "signedDate")
        let note = try Held.text(input.note ?? (isNew ? nil : row.note), field: "note", required: false, max: 2_000)
        var studios: [UUID]?
        if let ids = input.studioIds {
            studios = []
            for id in ids where !(studios ?? []).contains(id) {
                studios?.append(try await Held.studio(id, field: "studioIds", scope: context.scope, on: db).requireID())
            }
        }
        let before = isNew ? nil : row.auditSnapshot()
        row.unitID = isNew ? try Held.unit(input.unitId, context: context) : row.unitID
        row.kind = kind
        row.name = name
        row.collegeID = collegeID
        row.employerID = employerID
        row.signedDate = signed.description
        row.status = status
        row.note = note
        let chosen = studios
        try await context.save(row, version: input.version, before: before, once: once) { db in
            guard let studios = chosen else { return }
            let id = try row.requireID()
            try await PartnershipStudio.query(on: db).filter(\.$partnershipID == id).delete()
            for studio in studios { try await PartnershipStudio(partnershipID: id, studioID: studio).create(on: db) }
        }
    }
}

extension Partnership: UnitOwnedRecord {
    static let routeName = "partnerships"

    static func list(_ list: ListQuery, filter: PartnershipFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        PartnershipOutput
    > {
        try await PartnershipService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func create(_ input: PartnershipInput, context: WriteContext, once: FormOnce?) async throws -> Partnership {
        let row = Partnership()
        try await PartnershipService.save(input, to: row, context: context, once: once)
        return row
    }

    func update(with input: PartnershipInput, context: WriteContext) async throws {
        try await PartnershipService.save(input, to: self, context: context, once: nil)
    }

    static func outputs(_ rows: [Partnership], on request: Request) async throws -> [PartnershipOutput] {
        try await PartnershipService.outputs(rows, on: request.db)
    }
}
