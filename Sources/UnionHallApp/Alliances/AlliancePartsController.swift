import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An alliance's members and an exhibition's items: `/api/v1/innovation-alliances/{id}/members` and
/// `/api/v1/innovation-exhibitions/{id}/items`.
struct AlliancePartsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let alliance = routes.grouped(.constant(InnovationAlliance.routeName), ":id")
        alliance.get("members") { req async throws -> [AllianceMemberOutput] in
            let (row, _) = try await Self.find(InnovationAlliance.self, req)
            return try await Alliances.members(of: row, on: req.db)
        }
        alliance.post("members") { req async throws -> Response in
            let (row, context) = try await Self.find(InnovationAlliance.self, req)
            try await Alliances.addMember(try req.content.decode(AllianceMemberInput.self).memberId, to: row, context: context)
            return try await Alliances.members(of: row, on: req.db).encodeResponse(status: .created, for: req)
        }
        alliance.delete("members", ":memberId") { req async throws -> HTTPStatus in
            let (row, context) = try await Self.find(InnovationAlliance.self, req)
            let allianceID = try row.requireID()
            let memberID: UUID = try req.parameters.require("memberId")
            try await context.deleteAudited(AllianceMember.self) { $0.filter(\.$allianceID == allianceID).filter(\.$memberID == memberID) }
            return .noContent
        }
        let exhibition = routes.grouped(.constant(InnovationExhibition.routeName), ":id")
        exhibition.get("items") { req async throws -> [ExhibitionItemOutput] in
            let (row, _) = try await Self.find(InnovationExhibition.self, req)
            return try await Alliances.items(of: row, on: req.db)
        }
        exhibition.post("items") { req async throws -> Response in
            let (row, context) = try await Self.find(InnovationExhibition.self, req)
            try await Alliances.addItem(try req.content.decode(ExhibitionItemInput.self).itemId, to: row, context: context)
            return try await Alliances.items(of: row, on: req.db).encodeResponse(status: .created, for: req)
        }
        exhibition.delete("items", ":itemId") { req async throws -> HTTPStatus in
            let (row, context) = try await Self.find(InnovationExhibition.self, req)
            let exhibitionID = try row.requireID()
            let itemID: UUID = try req.parameters.require("itemId")
            try await context.deleteAudited(ExhibitionItem.self) { $0.filter(\.$exhibitionID == exhibitionID).filter(\.$itemID == itemID) }
            return .noContent
        }
    }

    static func find<R: UnitOwnedRecord>(_ type: R.Type, _ req: Request) async throws -> (R, WriteContext) {
        let context = try await req.writeContext()
        return (try await R.find(try req.parameters.require("id"), scope: context.scope, on: req.db), context)
    }
}
