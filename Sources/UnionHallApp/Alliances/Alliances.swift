import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The alliance's members and exhibitions' items, and their figures.
enum Alliances {
    /// Each alliance's members, and the outreach they led and the problems they solved since it was
    /// founded: four queries for any number of alliances.
    static func figures(of alliances: [InnovationAlliance], on db: any Database) async throws -> [UUID: AllianceFigures] {
        let ids = alliances.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var members: [UUID: Set<UUID>] = [:]
        for link in try await AllianceMember.query(on: db).filter(\.$allianceID ~~ ids).all() {
            members[link.allianceID, default: []].insert(link.memberID)
        }
        let everyone = Array(Set(members.values.flatMap { $0 }))
        let leaders = everyone.isEmpty ? [] : try await OutreachLeader.query(on: db).filter(\.$memberID ~~ everyone).all()
        let activities =
            leaders.isEmpty
            ? []
            : try await OutreachActivity.query(on: db).filter(\.$id ~~ Array(Set(leaders.map(\.activityID))))
                .filter(\.$deletedAt == nil).filter(\.$status == .held).all()
        let solved =
            everyone.isEmpty
            ? []
            : try await TechProblem.query(on: db).filter(\.$matchedMemberID ~~ everyone).filter(\.$deletedAt == nil)
                .filter(\.$status == .solved).all()
        var figures: [UUID: AllianceFigures] = [:]
        for alliance in alliances {
            guard let id = alliance.id else { continue }
            let team = members[id] ?? []
            let led = Set(leaders.filter { team.contains($0.memberID) }.map(\.activityID))
            let held = activities.filter { $0.id.map(led.contains) == true && ($0.heldDate ?? "") >= alliance.foundedDate }
            figures[id] = AllianceFigures(
                members: team.count, activitiesHeld: held.count, personTimes: try held.map(\.personTimes).total(),
                problemsSolved: solved.filter {
                    $0.matchedMemberID.map(team.contains) == true && ($0.solvedDate ?? "") >= alliance.foundedDate
                }.count)
        }
        return figures
    }

    static func members(of alliance: InnovationAlliance, on db: any Database) async throws -> [AllianceMemberOutput] {
        let links = try await AllianceMember.query(on: db).filter(\.$allianceID == alliance.requireID()).sort(\.$joinedDate).all()
        let names = try await MentorshipService.memberNames(links.map(\.memberID), on: db)
        return links.map { AllianceMemberOutput(memberId: $0.memberID, name: names[$0.memberID] ?? "", joinedDate: $0.joinedDate) }
    }

    /// A model worker or craftsman of the officer's subtree joins, from today; a second time is a 409.
    static func addMember(_ memberID: UUID?, to alliance: InnovationAlliance, context: WriteContext) async throws {
        let member = try await Held.member(memberID, field: "memberId", scope: context.scope, on: context.app.db)
        let link = AllianceMember()
        link.allianceID = try alliance.requireID()
        link.unitID = alliance.unitID
        link.memberID = try member.requireID()
        link.joinedDate = CivilDate(context.editor.at).description
        let editor = context.editor
        try await context.app.write { db in
            if try await AllianceMember.query(on: db).filter(\.$allianceID == link.allianceID).filter(\.$memberID == link.memberID)
                .count() > 0
            {
                throw AppError.conflict("memberId", "error.alliance.alreadyMember")
            }
            try await link.create(on: db)
            try await Audit.record(.create, link, by: editor, on: db)
        }
    }

    static func items(of exhibition: InnovationExhibition, on db: any Database) async throws -> [ExhibitionItemOutput] {
        let links = try await ExhibitionItem.query(on: db).filter(\.$exhibitionID == exhibition.requireID()).all(\.$itemID)
        guard !links.isEmpty else { return [] }
        return try await InnovationItem.query(on: db).filter(\.$id ~~ links).sort(\.$title).all()
            .map { ExhibitionItemOutput(itemId: try $0.requireID(), title: $0.title) }
    }

    /// An innovation item of the officer's subtree goes on show; a second time is a 409.
    static func addItem(_ itemID: UUID?, to exhibition: InnovationExhibition, context: WriteContext) async throws {
        guard let itemID else { throw AppError.invalid("itemId", "error.required") }
        let item = try await Held.record(
            InnovationItem.self, itemID, field: "itemId", refusal: "error.innovation.itemNotHeld", scope: context.scope, on: context.app.db)
        let link = ExhibitionItem()
        link.exhibitionID = try exhibition.requireID()
        link.unitID = exhibition.unitID
        link.itemID = try item.requireID()
        let editor = context.editor
        try await context.app.write { db in
            if try await ExhibitionItem.query(on: db).filter(\.$exhibitionID == link.exhibitionID).filter(\.$itemID == link.itemID)
                .count() > 0
            {
                throw AppError.conflict("itemId", "error.exhibition.alreadyShown")
            }
            try await link.create(on: db)
            try await Audit.record(.create, link, by: editor, on: db)
        }
    }

    static func statistics(_ query: FigureQuery) async throws -> AllianceStatistics {
        let scope = try query.scope.narrowed(to: query.list.unitId)
        let (from, to) = (query.from.description, query.to.description)
        let alliances = try await scope.apply(to: InnovationAlliance.query(on: query.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$foundedDate <= to).all()
        let allianceIDs = alliances.compactMap(\.id)
        let members =
            allianceIDs.isEmpty
            ? 0 : try await AllianceMember.query(on: query.db).filter(\.$allianceID ~~ allianceIDs).filter(\.$joinedDate <= to).count()
        let exhibitions = try await scope.apply(to: InnovationExhibition.query(on: query.db), unitKey: \.$unitID)
            .filter(\.$deletedAt == nil).filter(\.$openedDate >= from).filter(\.$openedDate <= to).all()
        let exhibitionIDs = exhibitions.compactMap(\.id)
        let items =
            exhibitionIDs.isEmpty ? 0 : try await ExhibitionItem.query(on: query.db).filter(\.$exhibitionID ~~ exhibitionIDs).count()
        return AllianceStatistics(
            alliances: alliances.count, members: members, exhibitions: exhibitions.count, itemsShown: items,
            visitors: try exhibitions.map(\.visitors).total())
    }
}
