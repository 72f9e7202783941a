import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// `/api/v1/competitions/{id}/events/...` for officers, `/api/v1/judging/...` for judges, a
/// member's own entries, and the public certificate check.
struct CompetitionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let competitions = routes.grouped("competitions")
        competitions.get("statistics") { req async throws -> CompetitionStatistics in
            let (_, scope) = try await req.requireManager()
            return try await CompetitionStatisticsService.compute(
                scope: scope, list: try req.query.decode(PeriodQuery.self).list, on: req.db)
        }
        competitions.get("open") { req async throws -> [EventOutput] in
            let member = try await Self.ownMember(req)
            return try await CompetitionService.outputs(try await Self.openEvents(for: member, on: req.db), on: req.db)
        }
        let events = competitions.grouped(":id", "events")
        events.get { req async throws -> [EventOutput] in
            try await CompetitionService.events(of: try await Self.competition(req).competition, on: req.db)
        }
        events.post { req async throws -> Response in
            let (competition, context) = try await Self.competition(req)
            let event = CompetitionEvent()
            try await CompetitionService.saveEvent(
                try req.content.decode(EventInput.self), to: event, competition: competition, context: context)
            return try await Self.eventOutput(event, on: req.db).encodeResponse(status: .created, for: req)
        }
        let event = events.grouped(":eventId")
        event.get { req async throws -> EventOutput in
            try await Self.eventOutput(try await Self.event(req).event, on: req.db)
        }
        event.patch { req async throws -> EventOutput in
            let (competition, event, context) = try await Self.event(req)
            try await CompetitionService.saveEvent(
                try req.content.decode(EventInput.self), to: event, competition: competition, context: context)
            return try await Self.eventOutput(event, on: req.db)
        }
        for step in EventStep.allCases {
            event.post(.constant(step.rawValue)) { req async throws -> EventOutput in
                let (competition, event, context) = try await Self.event(req)
                try await CompetitionResults.step(
                    step, event: event, competition: competition, input: try req.content.decode(EventStepInput.self), context: context)
                return try await Self.eventOutput(event, on: req.db)
            }
        }
        event.post("judges") { req async throws -> Response in
            let (_, event, context) = try await Self.event(req)
            try await CompetitionService.addJudge(try req.content.decode(JudgeInput.self), to: event, context: context)
            return try await Self.eventOutput(event, on: req.db).encodeResponse(status: .created, for: req)
        }
        event.delete("judges", ":judgeId") { req async throws -> HTTPStatus in
            let (_, event, context) = try await Self.event(req)
            try await CompetitionService.removeJudge(try req.parameters.require("judgeId"), from: event, context: context)
            return .noContent
        }
        event.get("entries") { req async throws -> [EntryOutput] in
            try await CompetitionEntries.entries(of: try await Self.event(req).event, on: req.db)
        }
        event.post("entries") { req async throws -> Response in
            let (_, event, context) = try await Self.event(req)
            let entry = try await CompetitionEntries.enter(
                try req.content.decode(EntryInput.self), event: event, scope: context.scope, required: nil, editor: context.editor,
                app: req.application)
            return try await Self.entryOutput(entry, on: req.db).encodeResponse(status: .created, for: req)
        }
        event.put("entries", ":entryId", "theory") { req async throws -> EntryOutput in
            let (_, event, context) = try await Self.event(req)
            let entry = try await CompetitionEntries.entry(try req.parameters.require("entryId"), of: event, on: req.db)
            try await CompetitionEntries.setTheory(try req.content.decode(TheoryInput.self), entry: entry, event: event, context: context)
            return try await Self.entryOutput(entry, on: req.db)
        }
        event.get("sheets") { req async throws -> [SheetOutput] in
            let event = try await Self.event(req).event
            return try await CompetitionSheets.outputs(
                try await CompetitionSheet.query(on: req.db).filter(\.$eventID == event.requireID()).all(), on: req.db)
        }
        event.get("objections") { req async throws -> [ObjectionOutput] in
            try await CompetitionResults.objections(of: try await Self.event(req).event, on: req.db)
        }
        event.post("objections") { req async throws -> Response in
            let (_, event, context) = try await Self.event(req)
            let row = try await CompetitionResults.raise(try req.content.decode(ObjectionInput.self), event: event, context: context)
            return try await CompetitionResults.output(row).encodeResponse(status: .created, for: req)
        }
        event.post("objections", ":objectionId", "resolve") { req async throws -> ObjectionOutput in
            let (_, event, context) = try await Self.event(req)
            return try CompetitionResults.output(
                try await CompetitionResults.resolve(
                    try req.content.decode(ResolveInput.self), objectionID: try req.parameters.require("objectionId"), event: event,
                    context: context))
        }
        // A member enters an open event of a competition over their union.
        event.post("enter") { req async throws -> Response in
            let member = try await Self.ownMember(req)
            let (competitionID, eventID): (UUID, UUID) = (try req.parameters.require("id"), try req.parameters.require("eventId"))
            guard
                let event = try await Self.openEvents(for: member, on: req.db).first(where: {
                    $0.id == eventID && $0.competitionID == competitionID
                })
            else { throw AppError.notFound }
            let scope = UnitScope(unitIDs: try await Self.coworkers(of: member, on: req.db), tree: try await UnitTree.load(on: req.db))
            let entry = try await CompetitionEntries.enter(
                try req.content.decode(EntryInput.self), event: event, scope: scope, required: member.id, editor: try req.editor(),
                app: req.application)
            return try await Self.entryOutput(entry, on: req.db).encodeResponse(status: .created, for: req)
        }

        let judging = routes.grouped("judging")
        judging.get { req async throws -> [JudgingOutput] in
            let user = try req.requireRole(.reviewer)
            let panels = try await CompetitionJudge.query(on: req.db).filter(\.$userID == user.requireID()).all()
            var result: [JudgingOutput] = []
            for panel in panels {
                guard let event = try await CompetitionEvent.find(panel.eventID, on: req.db) else { continue }
                result.append(try await Self.judging(event, judge: panel, on: req.db))
            }
            return result.sorted {
                ($0.event.status == .open ? 0 : 1, $0.event.number) < ($1.event.status == .open ? 0 : 1, $1.event.number)
            }
        }
        judging.get("events", ":eventId") { req async throws -> JudgingOutput in
            let (event, judge, _) = try await Self.judgedEvent(req)
            return try await Self.judging(event, judge: judge, on: req.db)
        }
        judging.get("events", ":eventId", "sheets") { req async throws -> [SheetOutput] in
            let (event, judge, user) = try await Self.judgedEvent(req)
            let sheets = CompetitionSheet.query(on: req.db).filter(\.$eventID == (try event.requireID()))
            if !judge.chief { sheets.filter(\.$judgeID == (try user.requireID())) }
            return try await CompetitionSheets.outputs(try await sheets.all(), on: req.db)
        }
        judging.post("events", ":eventId", "entries", ":entryId", "sheet") { req async throws -> Response in
            let (event, _, user) = try await Self.judgedEvent(req)
            let entry = try await CompetitionEntries.entry(try req.parameters.require("entryId"), of: event, on: req.db)
            let sheet = try await CompetitionSheets.submit(
                try req.content.decode(SheetInput.self), entry: entry, event: event, user: user, editor: try req.editor(),
                app: req.application)
            return try await CompetitionSheets.outputs([sheet], on: req.db)[0].encodeResponse(status: .created, for: req)
        }
        judging.post("events", ":eventId", "sheets", ":sheetId", "correct") { req async throws -> SheetOutput in
            let (event, _, user) = try await Self.judgedEvent(req)
            let sheet = try await CompetitionSheets.correct(
                try req.content.decode(CorrectionInput.self), sheetID: try req.parameters.require("sheetId"), event: event,
                user: user, editor: try req.editor(), app: req.application)
            return try await CompetitionSheets.outputs([sheet], on: req.db)[0]
        }
    }

    static func competition(_ req: Request) async throws -> (competition: Competition, context: WriteContext) {
        let context = try await req.writeContext()
        return (try await Competition.find(try req.parameters.require("id"), scope: context.scope, on: req.db), context)
    }

    static func event(_ req: Request) async throws -> (competition: Competition, event: CompetitionEvent, context: WriteContext) {
        let (competition, context) = try await competition(req)
        return (
            competition, try await CompetitionService.event(try req.parameters.require("eventId"), of: competition, on: req.db), context
        )
    }

    static func eventOutput(_ event: CompetitionEvent, on db: any Database) async throws -> EventOutput {
        guard let output = try await CompetitionService.outputs([event], on: db).first else { throw AppError.notFound }
        return output
    }

    static func entryOutput(_ entry: CompetitionEntry, on db: any Database) async throws -> EntryOutput {
        guard let output = try await CompetitionEntries.outputs([entry], eventID: entry.eventID, on: db).first else {
            throw AppError.notFound
        }
        return output
    }

    /// The event and the signed-in judge's place on its panel; 403 for anyone not on it.
    static func judgedEvent(_ req: Request) async throws -> (CompetitionEvent, CompetitionJudge, User) {
        let user = try req.requireRole(.reviewer)
        guard let event = try await CompetitionEvent.find(try req.parameters.require("eventId"), on: req.db) else {
            throw AppError.notFound
        }
        return (event, try await CompetitionSheets.judge(user, of: event, on: req.db), user)
    }

    static func judging(_ event: CompetitionEvent, judge: CompetitionJudge, on db: any Database) async throws -> JudgingOutput {
        let entries = try await CompetitionEntry.query(on: db).filter(\.$eventID == event.requireID()).sort(\.$number).all()
        let submitted = Set(
            try await CompetitionSheet.query(on: db).filter(\.$eventID == event.requireID()).filter(\.$judgeID == judge.userID).all(
                \.$entryID))
        let competition = try await Competition.find(event.competitionID, on: db)
        return JudgingOutput(
            event: try await eventOutput(event, on: db), competitionName: competition?.name ?? "", chief: judge.chief,
            entries: try entries.map { entry in
                JudgingOutput.Entry(
                    id: try entry.requireID(), number: entry.number, submitted: submitted.contains(try entry.requireID()),
                    conflict: CompetitionSheets.isConflicted(judge, entry))
            })
    }

    /// The signed-in worker's own member record.
    static func ownMember(_ req: Request) async throws -> Member {
        guard let memberID = try req.requireRole(.member).memberID, let member = try await Member.find(memberID, on: req.db),
            member.deletedAt == nil
        else {
            throw AppError.forbidden
        }
        return member
    }

    /// Open events of the competitions run by the member's union or a union above it.
    static func openEvents(for member: Member, on db: any Database) async throws -> [CompetitionEvent] {
        let tree = try await UnitTree.load(on: db)
        let above = tree.ancestry(of: member.unitID)
        let competitions = try await Competition.query(on: db).filter(\.$unitID ~~ above).filter(\.$deletedAt == nil).all(\.$id)
        guard !competitions.isEmpty else { return [] }
        return try await CompetitionEvent.query(on: db).filter(\.$competitionID ~~ competitions).filter(\.$status == .open).sort(\.$trade)
            .all()
    }

    /// Members a worker may name on a team: those of their own enterprise union's subtree.
    static func coworkers(of member: Member, on db: any Database) async throws -> Set<UUID> {
        let tree = try await UnitTree.load(on: db)
        let enterprise = tree.ancestry(of: member.unitID).first { tree.nodes[$0]?.kind == .enterprise } ?? member.unitID
        return tree.subtree(of: enterprise)
    }
}

/// `GET /api/v1/certificates/{number}`: anyone may check a certificate's number.
struct CertificateAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("certificates", ":number") { req async throws -> CertificateOutput in
            try await CompetitionResults.verify(try req.parameters.require("number"), request: req).0
        }
    }
}
