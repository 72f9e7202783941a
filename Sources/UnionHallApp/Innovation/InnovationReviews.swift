import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Reviewers: assigned by officers (one item or many at once), each keeping private notes and
/// scoring once, by the criteria of the item's kind weighted as the admin set them.
enum InnovationReviews {
    /// Gives every item every reviewer. All or nothing: one conflict refuses the whole assignment.
    static func assign(items: [InnovationItem], reviewerIDs: [UUID], context: WriteContext) async throws -> Int {
        let db = context.app.db
        guard !reviewerIDs.isEmpty else { throw AppError.invalid("reviewerIds", "error.required") }
        guard !items.isEmpty else { throw AppError.invalid("itemIds", "error.required") }
        guard items.count <= 500, reviewerIDs.count <= 20 else { throw AppError.invalid("itemIds", "error.innovation.tooManyAtOnce") }
        // Everything the checks need, read in a few queries however many items there are.
        let wantedReviewers = Set(reviewerIDs)
        let reviewers = try await User.query(on: db).filter(\.$id ~~ wantedReviewers).filter(\.$role == .reviewer).filter(\.$active == true)
            .all()
        guard reviewers.count == wantedReviewers.count else { throw AppError.invalid("reviewerIds", "error.innovation.notReviewer") }
        let itemIDs = try items.map { try $0.requireID() }
        let coAuthors = try await InnovationAuthor.query(on: db).filter(\.$itemID ~~ itemIDs).all()
        let people = Set(coAuthors.map(\.memberID) + items.map(\.authorID) + reviewers.compactMap(\.memberID))
        let unitOf = Dictionary(
            try await Member.query(on: db).filter(\.$id ~~ people).all().compactMap { member in member.id.map { ($0, member.unitID) } },
            uniquingKeysWith: { first, _ in first })
        let existing = Set(
            try await InnovationReview.query(on: db).filter(\.$itemID ~~ itemIDs).all().map { "\($0.itemID)/\($0.reviewerID)" })
        let tree = context.scope.tree
        func team(of member: UUID?) -> UUID? { member.flatMap { unitOf[$0] }.flatMap { tree.nodes[$0]?.kind == .team ? $0 : nil } }

        var assignments: [InnovationReview] = []
        for item in items {
            guard item.status == .submitted || item.status == .underReview else {
                throw AppError.conflict("status", "error.innovation.reviewClosed")
            }
            let itemID = try item.requireID()
            let authors = coAuthors.filter { $0.itemID == itemID }.map(\.memberID) + [item.authorID]
            let authorTeams = authors.compactMap(team)
            for reviewer in reviewers {
                let reviewerID = try reviewer.requireID()
                if let issue = ReviewConflict.check(
                    reviewerMember: reviewer.memberID, reviewerTeam: team(of: reviewer.memberID),
                    authors: authors, authorTeams: authorTeams, itemTeam: item.teamID)
                {
                    throw AppError(
                        status: .unprocessableEntity, key: issue.key, field: issue.field, arguments: [reviewer.displayName, item.title])
                }
                if existing.contains("\(itemID)/\(reviewerID)") { continue }
                let review = InnovationReview()
                review.itemID = itemID
                review.unitID = item.unitID
                review.reviewerID = reviewerID
                review.assignedBy = try context.user.requireID()
                review.assignedAt = context.editor.at
                assignments.append(review)
            }
        }
        let editor = context.editor
        let newReviews = assignments
        let toReview = items.filter { $0.status == .submitted }
        try await context.app.write { db in
            for review in newReviews {
                try await review.create(on: db)
                try await Audit.record(.create, review, by: editor, on: db)
            }
            // The first assignment puts a submitted item under review.
            for item in toReview {
                let before = item.auditSnapshot()
                item.status = .underReview
                item.authorUnread = true
                try await item.claimVersion(item.version, on: db)
                try await item.update(on: db)
                try await InnovationEvent(itemID: item.requireID(), at: editor.at, status: .underReview, note: nil).create(on: db)
                try await Audit.record(.update, item, before: before, by: editor, on: db)
            }
        }
        return assignments.count
    }

    /// The reviewer's own assignment; 404 for anyone else's.
    static func assignment(_ id: UUID, reviewer: User, on db: any Database) async throws -> InnovationReview {
        guard let review = try await InnovationReview.find(id, on: db), review.reviewerID == reviewer.id,
            let item = try await InnovationItem.find(review.itemID, on: db), item.deletedAt == nil
        else { throw AppError.notFound }
        return review
    }

    static func saveNotes(_ review: InnovationReview, notes: String?, app: Application) async throws {
        let notes = (notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard notes.count <= 4_000 else { throw AppError.invalid("notes", "error.tooLong", ["4000"]) }
        review.notes = notes.isEmpty ? nil : notes
        try await app.write { db in try await review.update(on: db) }
    }

    /// Scores once: a submitted review cannot be scored again.
    static func score(_ review: InnovationReview, input: ReviewScoreInput, editor: Editor, app: Application) async throws {
        guard review.submittedAt == nil else { throw AppError.conflict("reviewId", "error.innovation.scoredTwice") }
        let scores = try ReviewScores.check(innovation: input.innovation, feasibility: input.feasibility, benefit: input.benefit)
            .orInvalid()
        guard let item = try await InnovationItem.find(review.itemID, on: app.db), item.deletedAt == nil else { throw AppError.notFound }
        guard item.status == .underReview else { throw AppError.conflict("status", "error.innovation.reviewClosed") }
        let weights = try await self.weights(for: item.kind, on: app.db)
        if let notes = input.notes {
            let trimmed = notes.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= 4_000 else { throw AppError.invalid("notes", "error.tooLong", ["4000"]) }
            review.notes = trimmed.isEmpty ? nil : trimmed
        }
        review.innovationScore = scores.innovation
        review.feasibilityScore = scores.feasibility
        review.benefitScore = scores.benefit
        review.weightedScore = scores.weighted(by: weights)
        review.submittedAt = editor.at
        let reviewID = try review.requireID()
        try await app.write { db in
            // Claimed in one conditional update, so a double submission scores once.
            let sql = try db.sql()
            let claimed = try await sql.update(InnovationReview.schema)
                .set("innovation_score", to: scores.innovation).set("feasibility_score", to: scores.feasibility).set(
                    "benefit_score", to: scores.benefit
                )
                .set("weighted_score", to: scores.weighted(by: weights)).set("submitted_at", to: editor.at).set("notes", to: review.notes)
                .where("id", .equal, reviewID).where("submitted_at", .is, SQLLiteral.null)
                .returning("id").all()
            guard !claimed.isEmpty else { throw AppError.conflict("reviewId", "error.innovation.scoredTwice") }
            let scored = try await InnovationReview.query(on: db).filter(\.$itemID == review.itemID).filter(\.$submittedAt != nil).all(
                \.$weightedScore
            ).compactMap { $0 }
            item.reviewScore = scored.isEmpty ? nil : scored.reduce(0, +) / scored.count
            try await item.update(on: db)
            try await Audit.record(.update, review, by: editor, on: db)
        }
    }

    static func reviews(of item: InnovationItem, on db: any Database) async throws -> [InnovationReviewOutput] {
        let rows = try await InnovationReview.query(on: db).filter(\.$itemID == item.requireID()).sort(\.$assignedAt).all()
        let users = try await User.query(on: db).filter(\.$id ~~ rows.map(\.reviewerID)).all()
        let names = Dictionary(users.compactMap { user in user.id.map { ($0, user.displayName) } }, uniquingKeysWith: { first, _ in first })
        return try rows.map { try output($0, reviewerName: names[$0.reviewerID] ?? "", item: nil, withNotes: false) }
    }

    static func output(
        _ review: InnovationReview, reviewerName: String, item: InnovationItem?, withNotes: Bool,
        blind: InnovationItemOutput? = nil
    ) throws -> InnovationReviewOutput {
        InnovationReviewOutput(
            id: try review.requireID(), itemId: review.itemID, reviewerId: review.reviewerID, reviewerName: reviewerName,
            assignedAt: review.assignedAt,
            innovation: review.innovationScore, feasibility: review.feasibilityScore, benefit: review.benefitScore,
            weightedScore: review.weightedScore,
            submittedAt: review.submittedAt, notes: withNotes ? review.notes : nil, itemTitle: item?.title, itemKind: item?.kind,
            item: blind.map(BlindInnovationItem.init))
    }

    /// A reviewer's assignments, open ones first.
    static func assignments(of reviewer: User, on db: any Database) async throws -> [InnovationReviewOutput] {
        let rows = try await InnovationReview.query(on: db).filter(\.$reviewerID == reviewer.requireID()).sort(\.$assignedAt, .descending)
            .all()
        let items = try await InnovationItem.query(on: db).filter(\.$id ~~ rows.map(\.itemID)).filter(\.$deletedAt == nil).all()
        let byID = Dictionary(items.compactMap { item in item.id.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
        let contents = Dictionary(
            try await InnovationService.outputs(items, on: db).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try rows.compactMap { review in
            guard let item = byID[review.itemID] else { return nil }
            return try output(review, reviewerName: reviewer.displayName, item: item, withNotes: true, blind: contents[review.itemID])
        }.sorted { ($0.submittedAt == nil ? 0 : 1) < ($1.submittedAt == nil ? 0 : 1) }
    }

    // MARK: Weights

    static func weights(for kind: InnovationKind, on db: any Database) async throws -> ScoreWeights {
        try await InnovationWeights.query(on: db).filter(\.$kind == kind).first()?.weights ?? .standard(for: kind)
    }

    static func allWeights(on db: any Database) async throws -> [WeightsOutput] {
        let stored = try await InnovationWeights.query(on: db).all()
        return InnovationKind.allCases.map { kind in
            let weights = stored.first { $0.kind == kind }?.weights ?? .standard(for: kind)
            return WeightsOutput(kind: kind, innovation: weights.innovation, feasibility: weights.feasibility, benefit: weights.benefit)
        }
    }

    /// The admin sets a kind's weights; scores already given keep the weights they were given under.
    static func setWeights(_ input: WeightsInput, editor: Editor, app: Application) async throws {
        guard let kind = input.kind else { throw AppError.invalid("kind", "error.required") }
        guard let innovation = input.innovation else { throw AppError.invalid("innovation", "error.required") }
        guard let feasibility = input.feasibility else { throw AppError.invalid("feasibility", "error.required") }
        guard let benefit = input.benefit else { throw AppError.invalid("benefit", "error.required") }
        let weights = ScoreWeights(innovation: innovation, feasibility: feasibility, benefit: benefit)
        if let issue = weights.check() { throw AppError.invalid(issue) }
        try await app.write { db in
            let row = try await InnovationWeights.query(on: db).filter(\.$kind == kind).first() ?? InnovationWeights()
            let before = row.id == nil ? nil : row.auditSnapshot()
            row.kind = kind
            row.innovation = innovation
            row.feasibility = feasibility
            row.benefit = benefit
            try await row.save(on: db)
            try await Audit.record(before == nil ? .create : .update, row, before: before, by: editor, on: db)
        }
    }
}
