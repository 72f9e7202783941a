import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Worker innovation in the officer's browser: the period's figures and the list (filter, sort by
/// seconds or score, pick items for reviewers in bulk), an item's page with its next steps, its
/// reviewers, seconds, files, awards and subsidies.
struct InnovationPages: RouteCollection {
    static let path = "/" + InnovationItem.routeName

    func boot(routes: any RoutesBuilder) throws {
        let items = routes.grouped(.constant(InnovationItem.routeName))
        items.get(use: index)
        items.get(":id", use: show)
        items.post("reviewers", use: assignInBulk)
        items.post(":id", "reviewers", use: assign)
        items.post(":id", "subsidies", use: pay)
        items.upload(":id", "attachments", maxSize: InnovationFiles.bodyLimit, use: attach)
        items.get(":id", "attachments", ":attachmentId", use: download)
        routes.workflowSteps(InnovationStep.self, of: InnovationItem.routeName) { try await Self.perform($0, req: $1) }
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var kind: String
        var author: String
        var status: String
        var submittedDate: String
        var seconds: Int
        var score: String
        var reviewable: Bool
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var kindFigures: [Figure]
        var statusFigures: [Figure]
        var awardFigures: [Figure]
        var patentFigures: [Figure]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var kinds: [SelectOption]
        var statuses: [SelectOption]
        var sorts: [SelectOption]
        var minSeconds: String
        var reviewers: [SelectOption]
        var error: FormError?
    }

    @Sendable func index(req: Request) async throws -> Response {
        try await Self.renderIndex(req, error: nil)
    }

    static func score(_ hundredths: Int?) -> String {
        guard let hundredths else { return "" }
        return String(format: "%.2f", Double(hundredths) / 100)
    }

    static func renderIndex(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(InnovationItemFilter.self)
        let stats = try await InnovationStatistics.compute(scope: scope, list: list, on: req.db)
        let page = try await InnovationService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let figures = [
            Figure(label: req.t("innovation.submitted"), count: stats.submitted, href: "\(path)?\(period)"),
            Figure(
                label: req.t("innovation.adopted"), count: stats.adopted,
                detail: stats.adoptionPerMille.map { req.t("innovation.adoptionRate", [String(format: "%.1f", Double($0) / 10)]) } ?? "",
                href: "\(path)?adopted=true&on=decided&\(period)"),
            Figure(
                label: req.t("innovation.benefit"), value: Fen(stats.benefitFen).description,
                href: "\(path)?on=assessed&status=assessed&\(period)&sort=-benefit"),
            Figure(
                label: req.t("innovation.subsidies"), value: Fen(stats.subsidiesPaidFen).description,
                detail: stats.budgetFen > 0
                    ? req.t("innovation.ofBudget", [Fen(stats.budgetFen).description]) : req.t("innovation.fromAbove"),
                href: "/innovation-budgets"),
        ]
        let kindFigures =
            stats.byKind.map { Figure(label: req.t("innovationKind.\($0.key)"), count: $0.count, href: "\(path)?kind=\($0.key)&\(period)") }
            + stats.bySubKind.filter { $0.count > 0 }.map {
                Figure(label: req.t("fiveSmall.\($0.key)"), count: $0.count, href: "\(path)?kind=fiveSmall&subKind=\($0.key)&\(period)")
            }
        let statusFigures = stats.byStatus.map {
            Figure(label: req.t("innovationStatus.\($0.key)"), count: $0.count, href: "\(path)?status=\($0.key)&\(period)")
        }
        let awardFigures = stats.awards.map {
            Figure(
                label: req.t("awardLevel.\($0.level.rawValue)") + req.t("awardGrade.\($0.grade.rawValue)"), count: $0.count,
                href: "\(path)?awardLevel=\($0.level.rawValue)&awardGrade=\($0.grade.rawValue)&from=\(list.from ?? "")&to=\(list.to ?? "")")
        }
        let patentFigures = stats.patents.map {
            Figure(label: req.t("patentKind.\($0.key)"), count: $0.count, href: "/patents?kind=\($0.key)&\(period)")
        }
        let reviewers = try await User.query(on: req.db).filter(\.$role == .reviewer).filter(\.$active == true).sort(\.$displayName).all()
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, title: $0.title,
                kind: req.t("innovationKind.\($0.kind.rawValue)") + ($0.subKind.map { "·" + req.t("fiveSmall.\($0.rawValue)") } ?? ""),
                author: $0.authorName, status: req.t("innovationStatus.\($0.status.rawValue)"), submittedDate: $0.submittedDate,
                seconds: $0.secondsCount,
                score: score($0.reviewScore), reviewable: $0.status == .submitted || $0.status == .underReview)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "innovation.title"), figures: figures, kindFigures: kindFigures,
            statusFigures: statusFigures,
            awardFigures: awardFigures, patentFigures: patentFigures, rows: rows, pager: Pager(metadata: page.metadata, request: req),
            from: list.from ?? "", to: list.to ?? "",
            kinds: Pages.enumOptions(InnovationKind.self, prefix: "innovationKind", selected: filter.kind?.rawValue, request: req),
            statuses: Pages.enumOptions(InnovationStatus.self, prefix: "innovationStatus", selected: filter.status?.rawValue, request: req),
            sorts: ["-submittedDate", "-seconds", "-reviewScore", "-benefit"].map {
                SelectOption(value: $0, label: req.t("innovation.sort.\($0.dropFirst())"), selected: $0 == list.sort)
            },
            minSeconds: filter.minSeconds.map(String.init) ?? "",
            reviewers: reviewers.compactMap { user in
                user.id.map { SelectOption(value: $0.uuidString, label: user.displayName, selected: false) }
            },
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("innovation/index", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    // MARK: An item's page

    struct ShowContext: Encodable {
        var layout: Layout
        var item: InnovationItemOutput
        var kindLabel: String
        var statusLabel: String
        var expectedBenefit: String
        var benefit: String
        var subsidy: String
        var score: String
        var team: String
        var studio: String
        var steps: [String]
        var reviews: [InnovationReviewOutput]
        var reviewers: [SelectOption]
        var seconds: [SecondOutput]
        var events: [EventRow]
        var awards: [String]
        var grants: [String]
        var patents: [PatentOutput]
        var levels: [SelectOption]
        var grades: [SelectOption]
        var today: String
        var year: Int
        var error: FormError?
        var deleted: Bool
        var history: [Pages.HistoryRow]
        var reviewable: Bool
        var adopted: Bool
        /// What was typed into a step or payment that was refused, shown again beside the refusal.
        var typed: StepForm
        var pay: PayForm
    }

    struct EventRow: Encodable {
        var at: String
        var status: String
        var note: String
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    static func events(_ item: InnovationItem, on req: Request) async throws -> [EventRow] {
        try await InnovationWorkflow.events(of: item, on: req.db).map {
            EventRow(at: Pages.timestamp($0.at), status: req.t("innovationStatus.\($0.status.rawValue)"), note: $0.note ?? "")
        }
    }

    static func awardLabels(_ output: InnovationItemOutput, on req: Request) -> [String] {
        output.awards.map {
            "\($0.year) · \(req.name(of: $0.level))\(req.name(of: $0.grade)) · \($0.name)（\($0.awardedBy)）"
        }
    }

    static func renderShow(_ req: Request, error: AppError?, typed: StepForm = StepForm(), pay: PayForm = PayForm()) async throws
        -> Response
    {
        let (_, scope) = try await req.requireManager()
        let item = try await InnovationItem.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await item.output(on: req)
        let steps =
            item.deletedAt != nil
            ? [] : InnovationStep.allCases.filter { $0 != .review && (try? $0.apply(to: item.status).get()) != nil }.map(\.rawValue)
        let reviewers = try await User.query(on: req.db).filter(\.$role == .reviewer).filter(\.$active == true).sort(\.$displayName).all()
        let studio = try await item.studioID.asyncMap { try await Studio.find($0, on: req.db) }
        let patents = try await Patent.query(on: req.db).filter(\.$itemID == item.requireID()).filter(\.$deletedAt == nil).sort(\.$date)
            .all()
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "innovation.show"), item: output,
            kindLabel: req.t("innovationKind.\(item.kind.rawValue)")
                + (item.subKind.map { " · " + req.t("fiveSmall.\($0.rawValue)") } ?? ""),
            statusLabel: req.t("innovationStatus.\(item.status.rawValue)"), expectedBenefit: Fen(item.expectedBenefitFen).description,
            benefit: Fen(item.benefitFen).description, subsidy: Fen(output.subsidyFen).description, score: score(item.reviewScore),
            team: scope.tree.name(of: item.teamID), studio: studio??.name ?? "", steps: steps,
            reviews: try await InnovationReviews.reviews(of: item, on: req.db),
            reviewers: reviewers.compactMap { user in
                user.id.map { SelectOption(value: $0.uuidString, label: user.displayName, selected: false) }
            },
            seconds: try await InnovationWorkflow.seconds(of: item, on: req.db), events: try await events(item, on: req),
            awards: awardLabels(output, on: req),
            grants: try await InnovationSubsidies.grants(of: item, on: req.db).map { "\($0.paidDate) · \(Fen($0.amountFen))" },
            patents: try patents.map(PatentOutput.init),
            levels: Pages.enumOptions(InnovationAwardLevel.self, prefix: "awardLevel", selected: typed.level, request: req),
            grades: Pages.enumOptions(InnovationAwardGrade.self, prefix: "awardGrade", selected: typed.grade, request: req),
            today: req.today.description, year: req.today.year, error: error.map { Pages.formError($0, on: req) },
            deleted: item.deletedAt != nil,
            history: try await Pages.recentHistory(of: item, scope: scope, on: req),
            reviewable: item.status == .submitted || item.status == .underReview, adopted: item.status.isAdopted, typed: typed, pay: pay)
        return try await Pages.render("innovation/show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    struct StepForm: Content {
        init() {}
        var version: String?
        var reason: String?
        var date: String?
        var benefit: String?
        var method: String?
        var level: String?
        var grade: String?
        var year: String?
        var awardedBy: String?
        var name: String?
    }

    static func perform(_ step: InnovationStep, req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        return try await InnovationItem.changeFromPage(req, rerender: { try await renderShow(req, error: $0, typed: form) }) {
            item, context in
            let benefit = try FormValue.fen(form.benefit, field: "benefitFen")
            let input = InnovationStepInput(
                version: form.version.flatMap { Int($0) }, reason: form.reason, date: form.date, benefitFen: benefit, method: form.method,
                level: form.level.flatMap(InnovationAwardLevel.init(rawValue:)),
                grade: form.grade.flatMap(InnovationAwardGrade.init(rawValue:)),
                year: form.year.flatMap { Int($0) }, awardedBy: form.awardedBy, name: form.name)
            try await InnovationWorkflow.step(step, item, input: input, context: context)
        }
    }

    struct AssignForm: Content {
        var reviewerIds: [String]?
        var itemIds: [String]?
    }

    static func uuids(_ values: [String]?, field: String) throws -> [UUID] {
        try (values ?? []).filter { !$0.isEmpty }.map {
            guard let id = UUID(uuidString: $0) else { throw AppError.invalid(field, "error.invalid") }
            return id
        }
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let form = try req.content.decode(AssignForm.self)
        return try await InnovationItem.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { item, context in
            _ = try await InnovationReviews.assign(
                items: [item], reviewerIDs: try Self.uuids(form.reviewerIds, field: "reviewerIds"), context: context)
        }
    }

    /// Reviewers for the items ticked in the list; back to the same list.
    @Sendable func assignInBulk(req: Request) async throws -> Response {
        let context = try await req.writeContext()
        let form = try req.content.decode(AssignForm.self)
        let back =
            req.headers.first(name: .referer).flatMap { URL(string: $0) }.map { $0.path + ($0.query.map { "?" + $0 } ?? "") } ?? Self.path
        return try await Pages.act(
            req, redirect: back.hasPrefix(Self.path) ? back : Self.path,
            change: {
                let items = try await InnovationService.find(
                    try Self.uuids(form.itemIds, field: "itemIds"), scope: context.scope, on: req.db)
                _ = try await InnovationReviews.assign(
                    items: items, reviewerIDs: try Self.uuids(form.reviewerIds, field: "reviewerIds"), context: context)
            }, rerender: { try await Self.renderIndex(req, error: $0) })
    }

    struct PayForm: Content {
        init() {}
        var amount: String?
        var paidDate: String?
    }

    @Sendable func pay(req: Request) async throws -> Response {
        let form = try req.content.decode(PayForm.self)
        return try await InnovationItem.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0, pay: form) }) {
            item, context in
            guard let amount = try FormValue.fen(form.amount, field: "amountFen") else {
                throw AppError.invalid("amountFen", "error.required")
            }
            _ = try await InnovationSubsidies.pay(item, input: SubsidyInput(amountFen: amount, paidDate: form.paidDate), context: context)
        }
    }

    @Sendable func attach(req: Request) async throws -> Response {
        try await InnovationItem.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }) { item, _ in
            guard let upload = try? req.content.decode(FileUpload.self) else { throw AppError.invalid("file", "error.file.empty") }
            _ = try await InnovationFiles.add(to: item, file: upload.file, request: req)
        }
    }

    @Sendable func download(req: Request) async throws -> Response {
        let (item, _) = try await InnovationService.readable(try req.parameters.require("id"), request: req)
        return try await InnovationFiles.download(try req.parameters.require("attachmentId"), of: item, request: req)
    }
}
