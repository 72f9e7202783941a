import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The innovation routes beyond the shared record routes: a worker's own submissions and
/// seconding, reviewers and their scores, attachments, subsidies, the import and the figures.
struct InnovationAPIController: RouteCollection {
    /// The spreadsheet's limit, and room for the multipart framing around it.
    static let importBodyLimit = ByteCount(value: SpreadsheetReader.Limits().maxBytes + 1_048_576)

    func boot(routes: any RoutesBuilder) throws {
        let items = routes.grouped(.constant(InnovationItem.routeName))
        items.post("submit") { req async throws -> Response in
            let item = try await InnovationService.createForWorker(try req.content.decode(InnovationItemInput.self), request: req)
            return try await item.output(on: req).encodeResponse(status: .created, for: req)
        }
        items.get("mine") { req async throws -> [InnovationItemOutput] in
            guard let memberID = try req.requireRole(.member).memberID else { throw AppError.forbidden }
            return try await InnovationService.outputs(try await InnovationService.mine(memberID: memberID, on: req.db), on: req.db)
        }
        items.get("statistics") { req async throws -> InnovationStatistics in
            let (_, scope) = try await req.requireManager()
            return try await InnovationStatistics.compute(scope: scope, list: try req.query.decode(PeriodQuery.self).list, on: req.db)
        }
        items.get("template") { req async throws -> Response in
            _ = try await req.requireManager()
            return try InnovationImport.template(req)
        }
        items.upload("import", maxSize: Self.importBodyLimit) { req async throws -> Response in
            let context = try await req.writeContext()
            return try await ImportUpload.respond(req) { try await Self.runImport(context: context, request: req) }
        }
        items.post("reviewers") { req async throws -> AssignmentResult in
            let context = try await req.writeContext()
            let input = try req.content.decode(ReviewerAssignmentInput.self)
            let found = try await InnovationService.find(input.itemIds ?? [], scope: context.scope, on: req.db)
            return AssignmentResult(
                assigned: try await InnovationReviews.assign(items: found, reviewerIDs: input.reviewerIds ?? [], context: context))
        }
        let item = items.grouped(":id")
        item.post("reviewers") { req async throws -> [InnovationReviewOutput] in
            let context = try await req.writeContext()
            let found = try await InnovationItem.find(try req.parameters.require("id"), scope: context.scope, on: req.db)
            _ = try await InnovationReviews.assign(
                items: [found], reviewerIDs: try req.content.decode(ReviewerAssignmentInput.self).reviewerIds ?? [], context: context)
            return try await InnovationReviews.reviews(of: found, on: req.db)
        }
        item.get("reviews") { req async throws -> [InnovationReviewOutput] in
            let (_, scope) = try await req.requireManager()
            return try await InnovationReviews.reviews(
                of: try await InnovationItem.find(try req.parameters.require("id"), scope: scope, on: req.db), on: req.db)
        }
        item.post("second") { req async throws -> InnovationItemOutput in
            _ = try req.requireRole(.member)
            guard let found = try await InnovationItem.find(try req.parameters.require("id"), on: req.db), found.deletedAt == nil else {
                throw AppError.notFound
            }
            try await InnovationWorkflow.second(found, request: req)
            return try await found.output(on: req)
        }
        item.get("seconds") { req async throws -> [SecondOutput] in
            try await InnovationWorkflow.seconds(of: try await Self.readableOrSecondable(req), on: req.db)
        }
        item.get("events") { req async throws -> [InnovationEventOutput] in
            let (found, reader) = try await InnovationService.readable(try req.parameters.require("id"), request: req)
            guard reader != .reviewer else { throw AppError.notFound }
            return try await InnovationWorkflow.events(of: found, on: req.db).map {
                InnovationEventOutput(at: $0.at, status: $0.status, note: $0.note)
            }
        }
        item.upload("attachments", maxSize: InnovationFiles.bodyLimit) { req async throws -> Response in
            let (found, reader) = try await InnovationService.readable(try req.parameters.require("id"), request: req)
            guard reader != .reviewer else { throw AppError.forbidden }
            let attachment = try await InnovationFiles.add(
                to: found, file: try req.content.decode(FileUpload.self).file, request: req)
            return try await InnovationAttachmentOutput(attachment).encodeResponse(status: .created, for: req)
        }
        item.get("attachments", ":attachmentId") { req async throws -> Response in
            let (found, _) = try await InnovationService.readable(try req.parameters.require("id"), request: req)
            return try await InnovationFiles.download(try req.parameters.require("attachmentId"), of: found, request: req)
        }
        item.post("subsidies") { req async throws -> Response in
            let context = try await req.writeContext()
            let found = try await InnovationItem.find(try req.parameters.require("id"), scope: context.scope, on: req.db)
            let grant = try await InnovationSubsidies.pay(found, input: try req.content.decode(SubsidyInput.self), context: context)
            return try await SubsidyOutput(grant).encodeResponse(status: .created, for: req)
        }
        item.get("subsidies") { req async throws -> [SubsidyOutput] in
            let (_, scope) = try await req.requireManager()
            return try await InnovationSubsidies.grants(
                of: try await InnovationItem.find(try req.parameters.require("id"), scope: scope, on: req.db), on: req.db)
        }

        let reviews = routes.grouped("innovation-reviews")
        reviews.get { req async throws -> [InnovationReviewOutput] in
            try await InnovationReviews.assignments(of: try req.requireRole(.reviewer), on: req.db)
        }
        reviews.patch(":id") { req async throws -> InnovationReviewOutput in
            let reviewer = try req.requireRole(.reviewer)
            let review = try await InnovationReviews.assignment(try req.parameters.require("id"), reviewer: reviewer, on: req.db)
            try await InnovationReviews.saveNotes(review, notes: try req.content.decode(ReviewNotesInput.self).notes, app: req.application)
            return try InnovationReviews.output(review, reviewerName: reviewer.displayName, item: nil, withNotes: true)
        }
        reviews.post(":id", "score") { req async throws -> InnovationReviewOutput in
            let reviewer = try req.requireRole(.reviewer)
            let review = try await InnovationReviews.assignment(try req.parameters.require("id"), reviewer: reviewer, on: req.db)
            try await InnovationReviews.score(
                review, input: try req.content.decode(ReviewScoreInput.self), editor: try req.editor(), app: req.application)
            let fresh = try await InnovationReviews.assignment(try review.requireID(), reviewer: reviewer, on: req.db)
            return try InnovationReviews.output(fresh, reviewerName: reviewer.displayName, item: nil, withNotes: true)
        }

        routes.get("innovation-weights") { req async throws -> [WeightsOutput] in
            _ = try req.requireRole(.admin, .officer, .reviewer)
            return try await InnovationReviews.allWeights(on: req.db)
        }
        routes.put("innovation-weights") { req async throws -> [WeightsOutput] in
            _ = try req.requireRole(.admin)
            try await InnovationReviews.setWeights(
                try req.content.decode(WeightsInput.self), editor: try req.editor(), app: req.application)
            return try await InnovationReviews.allWeights(on: req.db)
        }
        routes.get("innovation-budgets") { req async throws -> [BudgetOutput] in
            let (_, scope) = try await req.requireManager()
            return try await InnovationSubsidies.budgets(scope: scope, year: try req.query.decode(YearQuery.self).year, on: req.db).map(
                InnovationSubsidies.output)
        }
        routes.post("innovation-budgets") { req async throws -> Response in
            let budget = try await InnovationSubsidies.setBudget(
                try req.content.decode(BudgetInput.self), context: try await req.writeContext())
            return try await InnovationSubsidies.output(budget).encodeResponse(status: .created, for: req)
        }
    }

    struct AssignmentResult: Content {
        var assigned: Int
    }

    /// Reads the file and imports it; a file that is not a readable spreadsheet is a 422 on `file`.
    static func runImport(context: WriteContext, request: Request) async throws -> Int {
        try await InnovationImport.run(try await ImportUpload.source(request), context: context) { key, arguments in
            request.t(key, arguments)
        }
    }

    /// The seconds list: for the item's readers, and for a co-worker who may second it.
    static func readableOrSecondable(_ req: Request) async throws -> InnovationItem {
        let id: UUID = try req.parameters.require("id")
        if let (found, reader) = try? await InnovationService.readable(id, request: req) {
            guard reader != .reviewer else { throw AppError.notFound }
            return found
        }
        let (_, context) = try await InnovationService.workerContext(req)
        guard let found = try await InnovationItem.find(id, on: req.db), found.deletedAt == nil, context.scope.contains(found.unitID) else {
            throw AppError.notFound
        }
        return found
    }
}
