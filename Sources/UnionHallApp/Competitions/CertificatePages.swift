import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// `/certificates/{number}`: the printable certificate, which is also the page that verifies a
/// number for anyone who holds one (no sign-in). Unknown numbers are not found.
struct CertificatePages: RouteCollection {
    struct Context: Encodable {
        var layout: Layout
        var certificate: CertificateOutput
        var awardLabel: String
        var verifyURL: String
    }

    /// `https://host` as the visitor reached the server, for the printed verification address.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("certificates", ":number") { req async throws -> Response in
            let number: String = try req.parameters.require("number")
            let (certificate, entry) = try await CompetitionResults.verify(number, request: req)
            let individual = entry.memberID != nil
            let context = Context(
                layout: Pages.layout(req, titleKey: "certificate.title"), certificate: certificate,
                awardLabel: req.t(individual ? "competitionAward.\(certificate.award)" : "teamPrize.\(certificate.award)"),
                verifyURL: req.origin + "/certificates/\(number)")
            return try await Pages.render("competitions/certificate", context, on: req)
        }
    }
}

/// A worker's competitions: open events they may enter, alone or with co-workers, and their entries.
struct MyCompetitionPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", "competitions") { try await Self.render($0, error: nil) }
        routes.post("me", "competitions", ":eventId", "enter") { req in
            let member = try await CompetitionAPIController.ownMember(req)
            let eventID: UUID = try req.parameters.require("eventId")
            guard let event = try await CompetitionAPIController.openEvents(for: member, on: req.db).first(where: { $0.id == eventID })
            else { throw AppError.notFound }
            let form = try req.content.decode(CompetitionPages.EntryForm.self)
            let scope = UnitScope(
                unitIDs: try await CompetitionAPIController.coworkers(of: member, on: req.db), tree: try await UnitTree.load(on: req.db))
            return try await Pages.act(
                req, redirect: "/me/competitions",
                change: {
                    var ids: [UUID] = []
                    for number in InnovationImport.splitList(form.idNumbers ?? "") {
                        ids.append(try await MemberLookup.byIDNumber(number, field: "memberIds", within: scope, on: req.db))
                    }
                    let input = event.kind == .individual ? EntryInput() : EntryInput(teamName: form.teamName, memberIds: ids)
                    _ = try await CompetitionEntries.enter(
                        input, event: event, scope: scope, required: member.id, editor: try req.editor(), app: req.application)
                }, rerender: { try await Self.render(req, error: $0) })
        }
    }

    struct OpenEvent: Encodable {
        var id: String
        var trade: String
        var team: Bool
        var kindLabel: String
        var competition: String
        var entered: Bool
    }

    struct MyEntry: Encodable {
        var competition: String
        var trade: String
        var number: Int
        var statusLabel: String
        var rank: Int?
        var award: String
        var certificate: String?
    }

    struct Context: Encodable {
        var layout: Layout
        var open: [OpenEvent]
        var entries: [MyEntry]
        var error: FormError?
    }

    static func render(_ req: Request, error: AppError?) async throws -> Response {
        let member = try await CompetitionAPIController.ownMember(req)
        let memberID = try member.requireID()
        let mine = try await CompetitionEntrant.query(on: req.db).filter(\.$memberID == memberID).all()
        let entered = Set(mine.map(\.eventID))
        let events = try await CompetitionAPIController.openEvents(for: member, on: req.db)
        let competitionIDs = Set(events.map(\.competitionID))
        var names = Dictionary(
            try await Competition.query(on: req.db).filter(\.$id ~~ Array(competitionIDs)).all().compactMap { row in
                row.id.map { ($0, row.name) }
            },
            uniquingKeysWith: { first, _ in first })
        var entries: [MyEntry] = []
        for entry in try await CompetitionEntry.query(on: req.db).filter(\.$id ~~ mine.map(\.entryID)).all() {
            guard let event = try await CompetitionEvent.find(entry.eventID, on: req.db) else { continue }
            if names[entry.competitionID] == nil {
                names[entry.competitionID] = try await Competition.find(entry.competitionID, on: req.db)?.name
            }
            let published = event.status != .open
            entries.append(
                MyEntry(
                    competition: names[entry.competitionID] ?? "", trade: event.trade, number: entry.number,
                    statusLabel: req.t("eventStatus.\(event.status.rawValue)"), rank: published ? entry.rank : nil,
                    award: published
                        ? entry.award.map { event.kind == .individual ? req.t("competitionAward.\($0)") : req.t("teamPrize.\($0)") } ?? ""
                        : "",
                    certificate: event.status == .final ? entry.certificateNumber : nil))
        }
        let context = Context(
            layout: Pages.layout(req, titleKey: "myCompetitions.title"),
            open: try events.map { event in
                OpenEvent(
                    id: try event.requireID().uuidString, trade: event.trade, team: event.kind == .team,
                    kindLabel: req.t("eventKind.\(event.kind.rawValue)"),
                    competition: names[event.competitionID] ?? "", entered: entered.contains(try event.requireID()))
            },
            entries: entries, error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("competitions/mine", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}
