import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension InnovationAlliance: SavedRecord {
    typealias Input = AllianceInput
    typealias Output = AllianceOutput
    typealias Filter = AllianceFilter
    static let routeName = "innovation-alliances"
    static let exportOmits: Set<String> = ["figures"]

    static func list(_ list: ListQuery, filter: AllianceFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        AllianceOutput
    > {
        let query = try scoped(list, scope: scope, on: request.db)
        if let member = filter.memberId {
            query.join(AllianceMember.self, on: \InnovationAlliance.$id == \AllianceMember.$allianceID)
                .filter(AllianceMember.self, \.$memberID == member)
        }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$foundedDate >= from) }
        if let to { query.filter(\.$foundedDate <= to) }
        return try await page(query.sort(\.$foundedDate, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [InnovationAlliance], on request: Request) async throws -> [AllianceOutput] {
        let figures = try await Alliances.figures(of: rows, on: request.db)
        return try rows.map { row in
            let id = try row.requireID()
            return AllianceOutput(
                id: id, unitId: row.unitID, name: row.name, foundedDate: row.foundedDate, description: row.description,
                figures: figures[id] ?? AllianceFigures(members: 0, activitiesHeld: 0, personTimes: 0, problemsSolved: 0),
                version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt, deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: AllianceInput, to row: InnovationAlliance, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        let before = isNew ? nil : row.auditSnapshot()
        if isNew || input.unitId != nil { row.unitID = try Held.unit(input.unitId, context: context) }
        row.name = try Held.text(input.name ?? row.$name.value, field: "name", max: 60)
        let founded = try Held.date(input.foundedDate ?? row.$foundedDate.value, field: "foundedDate")
        guard founded <= CivilDate(context.editor.at) else { throw AppError.invalid("foundedDate", "error.date.future") }
        row.foundedDate = founded.description
        row.description = try Held.text(
            input.description ?? row.$description.value ?? "", field: "description", required: false, max: 2_000)
        if isNew { row.version = 1 }
        try await context.save(row, version: input.version, before: before, once: once)
    }
}

extension InnovationExhibition: SavedRecord {
    typealias Input = ExhibitionInput
    typealias Output = ExhibitionOutput
    typealias Filter = ExhibitionFilter
    static let routeName = "innovation-exhibitions"

    static func list(_ list: ListQuery, filter: ExhibitionFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        ExhibitionOutput
    > {
        let query = try scoped(list, scope: scope, on: request.db)
        if let item = filter.itemId {
            query.join(ExhibitionItem.self, on: \InnovationExhibition.$id == \ExhibitionItem.$exhibitionID)
                .filter(ExhibitionItem.self, \.$itemID == item)
        }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$openedDate >= from) }
        if let to { query.filter(\.$openedDate <= to) }
        return try await page(query.sort(\.$openedDate, .descending).sort(\.$id), list, on: request)
    }

    static func outputs(_ rows: [InnovationExhibition], on request: Request) async throws -> [ExhibitionOutput] {
        let ids = rows.compactMap(\.id)
        var items: [UUID: Int] = [:]
        if !ids.isEmpty {
            for id in try await ExhibitionItem.query(on: request.db).filter(\.$exhibitionID ~~ ids).all(\.$exhibitionID) {
                items[id, default: 0] += 1
            }
        }
        return try rows.map { row in
            let id = try row.requireID()
            return ExhibitionOutput(
                id: id, unitId: row.unitID, title: row.title, openedDate: row.openedDate, closedDate: row.closedDate, place: row.place,
                visitors: row.visitors, items: items[id] ?? 0, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
                deletedAt: row.deletedAt)
        }
    }

    static func save(_ input: ExhibitionInput, to row: InnovationExhibition, context: WriteContext, once: FormOnce?) async throws {
        let isNew = row.id == nil
        let before = isNew ? nil : row.auditSnapshot()
        if isNew || input.unitId != nil { row.unitID = try Held.unit(input.unitId, context: context) }
        row.title = try Held.text(input.title ?? row.$title.value, field: "title", max: 100)
        let opened = try Held.date(input.openedDate ?? row.$openedDate.value, field: "openedDate")
        let closedText = (input.closedDate ?? (isNew ? "" : row.closedDate ?? "")).trimmingCharacters(in: .whitespaces)
        let closed = closedText.isEmpty ? nil : try Held.date(closedText, field: "closedDate")
        if let closed, closed < opened { throw AppError.invalid("closedDate", "error.date.order") }
        row.openedDate = opened.description
        row.closedDate = closed?.description
        row.place = try Held.text(input.place ?? row.$place.value, field: "place", max: 100)
        let visitors = input.visitors ?? row.$visitors.value ?? 0
        guard (0...Limits.headcount).contains(visitors) else {
            throw AppError.invalid("visitors", "error.range", ["0", String(Limits.headcount)])
        }
        row.visitors = visitors
        if isNew { row.version = 1 }
        try await context.save(row, version: input.version, before: before, once: once)
    }
}
