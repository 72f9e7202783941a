import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A case's parts beyond the shared record routes: the deadline's extension, sessions,
/// payments, judicial confirmation, its history, the figures, and a worker's own requests.
struct DisputeAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let cases = routes.grouped(.constant(DisputeCase.routeName))
        cases.get("statistics") { req async throws -> DisputeStatistics in
            let (_, scope) = try await req.requireManager()
            return try await DisputeService.counts(
                scope: scope, list: try req.query.decode(PeriodQuery.self).list, today: req.today, on: req.db)
        }
        cases.post("request") { req async throws -> Response in
            let row = try await DisputeRequests.file(try req.content.decode(DisputeRequestInput.self), request: req)
            return try await row.output(on: req).encodeResponse(status: .created, for: req)
        }
        cases.get("mine") { req async throws -> [DisputeOutput] in
            try await DisputeService.outputs(try await DisputeRequests.mine(req), today: req.today, on: req.db)
        }
        let one = cases.grouped(":id")
        one.post("extend") { req async throws -> DisputeOutput in
            let (row, context) = try await Self.dispute(req)
            try await DisputeService.extend(row, input: try req.content.decode(DisputeExtensionInput.self), context: context)
            return try await row.output(on: req)
        }
        one.get("sessions") { req async throws -> [DisputeSessionOutput] in
            try await Self.sessions(of: try await Self.dispute(req).row, on: req.db)
        }
        one.post("sessions") { req async throws -> Response in
            let (row, context) = try await Self.dispute(req)
            let session = try await DisputeService.addSession(
                row, input: try req.content.decode(DisputeSessionInput.self), context: context)
            return try await DisputeSessionOutput(id: try session.requireID(), date: session.date, notes: session.notes).encodeResponse(
                status: .created, for: req)
        }
        one.get("payments") { req async throws -> [DisputePaymentOutput] in
            try await Self.payments(of: try await Self.dispute(req).row, on: req.db)
        }
        one.post("payments") { req async throws -> Response in
            let (row, context) = try await Self.dispute(req)
            let payment = try await DisputeService.pay(row, input: try req.content.decode(DisputePaymentInput.self), context: context)
            return try await DisputePaymentOutput(id: try payment.requireID(), date: payment.date, amountFen: payment.amountFen)
                .encodeResponse(status: .created, for: req)
        }
        one.post("confirm") { req async throws -> DisputeOutput in
            let (row, context) = try await Self.dispute(req)
            try await DisputeService.confirm(row, input: try req.content.decode(DisputeConfirmationInput.self), context: context)
            return try await row.output(on: req)
        }
        one.get("events") { req async throws -> [DisputeEventOutput] in
            let row = try await DisputeRequests.readable(try req.parameters.require("id"), request: req)
            return try await Self.events(of: row, on: req.db)
        }
    }

    static func dispute(_ req: Request) async throws -> (row: DisputeCase, context: WriteContext) {
        let context = try await req.writeContext()
        return (
            try await DisputeCase.find(try req.parameters.require("id"), scope: context.scope, includingDeleted: false, on: req.db), context
        )
    }

    static func sessions(of row: DisputeCase, on db: any Database) async throws -> [DisputeSessionOutput] {
        try await DisputeSession.query(on: db).filter(\.$caseID == row.requireID()).sort(\.$date).all().map {
            DisputeSessionOutput(id: try $0.requireID(), date: $0.date, notes: $0.notes)
        }
    }

    static func payments(of row: DisputeCase, on db: any Database) async throws -> [DisputePaymentOutput] {
        try await DisputePayment.query(on: db).filter(\.$caseID == row.requireID()).sort(\.$date).all().map {
            DisputePaymentOutput(id: try $0.requireID(), date: $0.date, amountFen: $0.amountFen)
        }
    }

    static func events(of row: DisputeCase, on db: any Database) async throws -> [DisputeEventOutput] {
        try await DisputeEvent.query(on: db).filter(\.$caseID == row.requireID()).sort(\.$at).all().map {
            DisputeEventOutput(at: $0.at, what: $0.what, note: $0.note)
        }
    }
}

/// A worker's own disputes: filed from their pages, followed there, nobody else's.
enum DisputeRequests {
    static func file(_ input: DisputeRequestInput, request req: Request) async throws -> DisputeCase {
        let member = try await req.requireMember()
        let user = try req.requireUser()
        let row = DisputeCase()
        guard let type = input.type else { throw AppError.invalid("type", "error.required") }
        row.type = type
        row.employerName = try Held.text(input.employerName, field: "employerName")
        row.summary = try Held.text(input.summary, field: "summary", max: 2_000)
        guard let claimed = input.claimedFen else { throw AppError.invalid("claimedFen", "error.required") }
        guard claimed >= 0 else { throw AppError.invalid("claimedFen", "error.amount.positive") }
        row.claimedFen = claimed
        let today = req.today
        row.unitID = member.unitID
        row.channel = .memberRequest
        row.status = .accepted
        row.recoveredFen = 0
        row.acceptedDate = today.description
        row.deadline = MediationDeadline.deadline(accepted: today).description
        row.extended = false
        row.requestedBy = member.id
        row.version = 1
        let claimant = DisputeClaimant()
        claimant.memberID = member.id
        claimant.name = member.name
        claimant.idNumber = member.idNumber
        claimant.mobile = member.mobile
        claimant.migrant = member.migrant
        let editor = Editor(id: user.id, name: user.username, at: req.now)
        try await req.application.write { db in
            try await row.create(on: db)
            claimant.caseID = try row.requireID()
            try await claimant.create(on: db)
            try await DisputeEvent(caseID: try row.requireID(), at: editor.at, what: "accepted").create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
        }
        return row
    }

    static func mine(_ req: Request) async throws -> [DisputeCase] {
        let member = try await req.requireMember()
        let memberID = try member.requireID()
        let claimed = try await DisputeClaimant.query(on: req.db).filter(\.$memberID == memberID).all(\.$caseID)
        return try await DisputeCase.query(on: req.db).filter(\.$deletedAt == nil)
            .group(.or) { $0.filter(\.$id ~~ claimed).filter(\.$requestedBy == memberID) }.sort(\.$acceptedDate, .descending).all()
    }

    /// The case for its officers, or for a worker who claims in it; 404 for anyone else.
    static func readable(_ id: UUID, request req: Request) async throws -> DisputeCase {
        let user = try req.requireUser()
        if user.role == .member {
            guard let row = try await mine(req).first(where: { $0.id == id }) else { throw AppError.notFound }
            return row
        }
        let (_, scope) = try await req.requireManager()
        return try await DisputeCase.find(id, scope: scope, includingDeleted: false, on: req.db)
    }
}
