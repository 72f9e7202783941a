import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A reviewer's pages: the items assigned to them, and for each the item, their private notes
/// and the score sheet for its kind, which can be sent once.
struct ReviewPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let reviews = routes.grouped("reviews")
        reviews.get(use: index)
        reviews.get(":id", use: show)
        reviews.post(":id", "notes", use: notes)
        reviews.post(":id", "score", use: score)
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var kind: String
        var assigned: String
        var done: Bool
        var weighted: String
    }

    @Sendable func index(req: Request) async throws -> Response {
        let reviewer = try req.requireRole(.reviewer)
        let rows = try await InnovationReviews.assignments(of: reviewer, on: req.db).map {
            Row(
                id: $0.id.uuidString, title: $0.itemTitle ?? "", kind: $0.itemKind.map { req.t("innovationKind.\($0.rawValue)") } ?? "",
                assigned: Pages.timestamp($0.assignedAt), done: $0.submittedAt != nil, weighted: InnovationPages.score($0.weightedScore))
        }
        struct Context: Encodable {
            var layout: Layout
            var rows: [Row]
            var open: Int
        }
        return try await Pages.render(
            "innovation/reviews",
            Context(layout: Pages.layout(req, titleKey: "reviews.title"), rows: rows, open: rows.filter { !$0.done }.count), on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var review: InnovationReviewOutput
        var item: BlindInnovationItem
        var kindLabel: String
        var expectedBenefit: String
        var weights: WeightsOutput
        var open: Bool
        var error: FormError?
        var form: ReviewScoreInput
        var fields: [FormField]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.render(req, form: nil, error: nil)
    }

    static func render(_ req: Request, form: ReviewScoreInput?, error: AppError?) async throws -> Response {
        let reviewer = try req.requireRole(.reviewer)
        let review = try await InnovationReviews.assignment(try req.parameters.require("id"), reviewer: reviewer, on: req.db)
        guard let item = try await InnovationItem.find(review.itemID, on: req.db) else { throw AppError.notFound }
        let weights = try await InnovationReviews.weights(for: item.kind, on: req.db)
        let typed =
            form
            ?? ReviewScoreInput(
                innovation: review.innovationScore, feasibility: review.feasibilityScore, benefit: review.benefitScore, notes: review.notes)
        let fields = FormFields(req, error: error)
        func score(_ name: String, _ value: Int?, weight: Int) -> FormField {
            var field = fields.input(
                name, "field.\(name)", value.map(String.init), type: "number", ["min": "0", "max": "100", "inputmode": "numeric"])
            field.label += "（" + req.t("reviews.weight", [String(weight)]) + "）"
            return field
        }
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "reviews.show"),
            review: try InnovationReviews.output(review, reviewerName: reviewer.displayName, item: item, withNotes: true),
            item: BlindInnovationItem(try await item.output(on: req)),
            kindLabel: req.t("innovationKind.\(item.kind.rawValue)")
                + (item.subKind.map { " · " + req.t("fiveSmall.\($0.rawValue)") } ?? ""),
            expectedBenefit: Fen(item.expectedBenefitFen).description,
            weights: WeightsOutput(
                kind: item.kind, innovation: weights.innovation, feasibility: weights.feasibility, benefit: weights.benefit),
            open: review.submittedAt == nil && item.status == .underReview, error: fields.error, form: typed,
            fields: [
                score("innovation", typed.innovation, weight: weights.innovation),
                score("feasibility", typed.feasibility, weight: weights.feasibility),
                score("benefit", typed.benefit, weight: weights.benefit),
            ])
        return try await Pages.render("innovation/review", context, status: fields.status, on: req)
    }

    struct ScoreForm: Content {
        var innovation: String?
        var feasibility: String?
        var benefit: String?
        var notes: String?

        func input() throws -> ReviewScoreInput {
            func number(_ text: String?, _ field: String) throws -> Int? {
                guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
                guard let value = Int(text) else { throw AppError.invalid(field, "error.range", ["0", "100"]) }
                return value
            }
            return ReviewScoreInput(
                innovation: try number(innovation, "innovation"), feasibility: try number(feasibility, "feasibility"),
                benefit: try number(benefit, "benefit"), notes: notes)
        }
    }

    @Sendable func notes(req: Request) async throws -> Response {
        let reviewer = try req.requireRole(.reviewer)
        let id: UUID = try req.parameters.require("id")
        let form = try req.content.decode(ScoreForm.self)
        return try await Pages.act(
            req, redirect: "/reviews/\(id)",
            change: {
                let review = try await InnovationReviews.assignment(id, reviewer: reviewer, on: req.db)
                try await InnovationReviews.saveNotes(review, notes: form.notes, app: req.application)
            }, rerender: { try await Self.render(req, form: nil, error: $0) })
    }

    @Sendable func score(req: Request) async throws -> Response {
        let reviewer = try req.requireRole(.reviewer)
        let id: UUID = try req.parameters.require("id")
        let form = try req.content.decode(ScoreForm.self)
        let typed = try? form.input()
        do {
            let review = try await InnovationReviews.assignment(id, reviewer: reviewer, on: req.db)
            try await InnovationReviews.score(review, input: try form.input(), editor: try req.editor(), app: req.application)
            return Pages.redirect("/reviews/\(id)", notice: "saved", on: req)
        } catch let error as AppError where error.field != nil {
            return try await Self.render(req, form: typed, error: error)
        }
    }
}
