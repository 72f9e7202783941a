import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// An item's form: the officer's (entering it for a worker, by ID number) and the worker's own.
struct InnovationForm: RecordForm {
    var kind: String?
    var subKind: String?
    var title: String?
    var problem: String?
    var proposal: String?
    var expectedBenefit: String?
    var authorIdNumber: String?
    var coAuthorIdNumbers: String?
    var teamId: String?
    var studioId: String?
    var submittedDate: String?
    var version: String?
    var _once: String?

    init(_ item: InnovationItem?) {
        kind = item?.kind.rawValue
        subKind = item?.subKind?.rawValue
        title = item?.title
        problem = item?.problem
        proposal = item?.proposal
        expectedBenefit = item.map { $0.expectedBenefitFen == 0 ? "" : Fen($0.expectedBenefitFen).plainYuan }
        teamId = item?.teamID?.uuidString
        studioId = item?.studioID?.uuidString
        submittedDate = item?.submittedDate
        version = item.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> InnovationForm {
        var form = InnovationForm(nil)
        form.kind = (try? request.query.get(String.self, at: "kind")) ?? InnovationKind.proposal.rawValue
        form.submittedDate = request.today.description
        return form
    }

    func input(editing existing: InnovationItem?, on request: Request) async throws -> InnovationItemInput {
        try await input(scope: try await request.scope(), on: request)
    }

    /// ID numbers are looked up within `scope`: the officer's subtree, or the worker's enterprise.
    func input(scope: UnitScope, on request: Request) async throws -> InnovationItemInput {
        func member(_ text: String, field: String) async throws -> UUID {
            try await MemberLookup.byIDNumber(text, field: field, within: scope, on: request.db)
        }
        var author: UUID?
        if let number = authorIdNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            author = try await member(number, field: "authorId")
        }
        var coAuthors: [UUID]?
        if let text = coAuthorIdNumbers, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            var ids: [UUID] = []
            for number in InnovationImport.splitList(text) { ids.append(try await member(number, field: "coAuthorIds")) }
            coAuthors = ids
        }
        let benefit = try FormValue.fen(expectedBenefit, field: "expectedBenefitFen")
        return InnovationItemInput(
            kind: kind ?? "", subKind: subKind ?? "", title: title ?? "", problem: problem ?? "", proposal: proposal ?? "",
            expectedBenefitFen: benefit ?? 0, authorId: author, coAuthorIds: coAuthors,
            teamId: try .form(teamId, field: "teamId"), studioId: try .form(studioId, field: "studioId"),
            submittedDate: submittedDate ?? "", version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: InnovationForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var kinds: [SelectOption]
        var subKinds: [SelectOption]
        var teams: [SelectOption]
        var studios: [SelectOption]
        var authors: String
        var action: String
        var cancel: String
        var worker: Bool
    }

    static func render(_ req: Request, form: InnovationForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        var authors = ""
        if let id, let item = try await InnovationItem.find(id, on: req.db),
            let output = try await InnovationService.outputs([item], on: req.db).first
        {
            authors = ([output.authorName] + output.coAuthors.map(\.name)).joined(separator: "、")
        }
        return try await page(
            req, form: form, id: id, scope: context.scope, authors: authors, error: error,
            action: id.map { "/innovation-items/\($0)" } ?? "/innovation-items",
            cancel: id.map { "/innovation-items/\($0)" } ?? "/innovation-items", worker: false)
    }

    static func page(
        _ req: Request, form: InnovationForm, id: UUID?, scope: UnitScope, authors: String, error: AppError?, action: String,
        cancel: String, worker: Bool
    ) async throws -> Response {
        let teams = scope.tree.ordered(within: scope.unitIDs).filter { $0.node.kind == .team }
        let studios = try await scope.apply(to: Studio.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name)
            .all()
        let context = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "innovation.new" : "innovation.edit"),
            form: form, id: id?.uuidString, once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            kinds: Pages.enumOptions(InnovationKind.self, prefix: "innovationKind", selected: form.kind, request: req),
            subKinds: Pages.enumOptions(FiveSmallKind.self, prefix: "fiveSmall", selected: form.subKind, request: req),
            teams: teams.map {
                SelectOption(value: $0.node.id.uuidString, label: $0.node.name, selected: $0.node.id.uuidString == form.teamId)
            },
            studios: studios.compactMap { studio in
                studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: $0.uuidString == form.studioId) }
            },
            authors: authors, action: action, cancel: cancel, worker: worker)
        return try await Pages.render("innovation/form", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}
