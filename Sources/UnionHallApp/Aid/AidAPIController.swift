import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Aid beyond the shared record routes: a worker's own applications, histories, figures,
/// payment batches with the bank's list, and the public notice.
struct AidAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("hardship-files", ":id", "events") { req async throws -> [AidEventOutput] in
            let context = try await AidAccess.require(req)
            let row = try await HardshipFile.find(
                try req.parameters.require("id"), scope: context.scope, includingDeleted: true, on: req.db)
            return try await AidAccess.events(of: try row.requireID(), on: req.db)
        }

        let applications = routes.grouped(.constant(AidApplication.routeName))
        applications.post("apply") { req async throws -> Response in
            let member = try await req.requireMember()
            let row = try await AidApplications.apply(
                try req.content.decode(AidApplicationInput.self), member: member, editor: try req.editor(), app: req.application, once: nil)
            return try await row.output(on: req).encodeResponse(status: .created, for: req)
        }
        applications.get("mine") { req async throws -> [AidApplicationOutput] in
            try await AidApplications.outputs(try await AidApplications.mine(try await req.requireMember(), on: req.db), on: req.db)
        }
        applications.get("statistics") { req async throws -> AidStatistics in
            let context = try await AidAccess.require(req)
            return try await AidApplications.statistics(
                scope: context.scope, list: try req.query.decode(PeriodQuery.self).list, today: req.today, on: req.db)
        }
        applications.get(":id", "events") { req async throws -> [AidEventOutput] in
            let row = try await AidApplications.readable(try req.parameters.require("id"), request: req)
            return try await AidAccess.events(of: try row.requireID(), on: req.db)
        }

        let programs = routes.grouped(.constant(AidProgram.routeName))
        programs.get("open") { req async throws -> [AidProgramOutput] in
            let member = try await req.requireMember()
            return try AidProgram.outputs(
                try await AidPrograms.open(to: member.unitID, tree: try await UnitTree.load(on: req.db), on: req.db), on: req)
        }
        let program = programs.grouped(":id")
        program.get("notice") { req async throws -> [AidNoticeLine] in
            try await AidPayments.notice(try await Self.noticed(req), on: req.db)
        }
        program.get("batches") { req async throws -> [AidBatchOutput] in
            let (row, context) = try await Self.program(req)
            return try await AidPayments.batches(of: row, scope: context.scope, on: req.db).map(AidPayments.output)
        }
        program.post("batches") { req async throws -> Response in
            let (row, context) = try await Self.program(req)
            let batch = try await AidPayments.pay(row, input: try req.content.decode(AidBatchInput.self), context: context)
            return try await AidPayments.output(batch).encodeResponse(status: .created, for: req)
        }
        program.get("batches", ":batchId", "bank-list") { req async throws -> Response in
            let (row, context) = try await Self.program(req)
            try AidPayments.requirePayer(of: row, context)
            return try await AidPayments.bankList(
                try await Self.batch(req, of: row, scope: context.scope), format: Self.format(req), request: req)
        }
    }

    /// The programme as an aid handler sees it: in their subtree, or above it (the city's programme seen by a county).
    static func program(_ req: Request) async throws -> (row: AidProgram, context: WriteContext) {
        let context = try await AidAccess.require(req)
        guard let row = try await AidProgram.find(try req.parameters.require("id"), on: req.db), row.deletedAt == nil else {
            throw AppError.notFound
        }
        guard AidPrograms.reachable(row, by: context) else { throw AppError.notFound }
        return (row, context)
    }

    static func published(_ req: Request) async throws -> AidProgram {
        guard let row = try await AidProgram.find(try req.parameters.require("id"), on: req.db), row.deletedAt == nil else {
            throw AppError.notFound
        }
        return row
    }

    /// The programme whose notice this request may read: anyone during its notice period, an aid
    /// officer who reaches the programme at any time; 404 for everyone else.
    static func noticed(_ req: Request) async throws -> AidProgram {
        let program = try await published(req)
        if program.noticeIsPublic(on: req.today) { return program }
        guard req.auth.has(User.self), let context = try? await AidAccess.require(req), AidPrograms.reachable(program, by: context) else {
            throw AppError.notFound
        }
        return program
    }

    static func batch(_ req: Request, of program: AidProgram, scope: UnitScope) async throws -> AidPaymentBatch {
        guard let batch = try await AidPaymentBatch.find(try req.parameters.require("batchId"), on: req.db), batch.programID == program.id,
            scope.contains(batch.unitID)
        else {
            throw AppError.notFound
        }
        return batch
    }

    static func format(_ req: Request) throws -> SpreadsheetWriter.Format {
        guard let format = try req.query.decode(ListExport.Options.self).format else {
            throw AppError.invalid("format", "error.export.format")
        }
        return format
    }
}
