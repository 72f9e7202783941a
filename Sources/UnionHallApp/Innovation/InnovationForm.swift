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

    /// The officer's form, or a worker's (`worker`: the author is the worker, not named).
    static func page(
        _ req: Request, form: InnovationForm, id: UUID?, scope: UnitScope, authors: String, error: AppError?, action: String,
        cancel: String, worker: Bool
    ) async throws -> Response {
        let teams = scope.tree.ordered(within: scope.unitIDs).filter { $0.node.kind == .team }
        let studios = try await scope.apply(to: Studio.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name)
            .all()
        let fields = FormFields(req, error: error)
        let author = fields.input(
            "authorIdNumber", "innovation.authorIdNumber", form.authorIdNumber, required: id == nil,
            note: authors.isEmpty ? nil : req.t("innovation.currentAuthors", [authors]), errors: ["authorId"],
            ["maxlength": "18", "class": "mono", "autocomplete": "off"])
        var all = worker ? [] : [author]
        all += [
            fields.select(
                "kind", "field.kind", Pages.enumOptions(InnovationKind.self, prefix: "innovationKind", selected: form.kind, request: req),
                required: true),
            fields.select(
                "subKind", "field.subKind",
                Pages.enumOptions(FiveSmallKind.self, prefix: "fiveSmall", selected: form.subKind, request: req),
                empty: "innovation.subKindHint"),
            fields.input("title", "innovation.itemTitle", form.title, required: true, ["maxlength": "100"]),
            fields.textarea("problem", "field.problem", form.problem, required: true, ["rows": "3", "maxlength": "4000"]),
            fields.textarea("proposal", "field.proposal", form.proposal, required: true, ["rows": "5", "maxlength": "4000"]),
            fields.input(
                "expectedBenefit", "innovation.expectedBenefitYuan", form.expectedBenefit, errors: ["expectedBenefitFen"],
                ["inputmode": "decimal"]),
            fields.input(
                "coAuthorIdNumbers", "innovation.coAuthorIdNumbers", form.coAuthorIdNumbers, hint: "innovation.coAuthorHint",
                errors: ["coAuthorIds"], ["class": "mono", "autocomplete": "off"]),
        ]
        if !teams.isEmpty {
            all.append(
                fields.select(
                    "teamId", "field.teamId",
                    teams.map {
                        SelectOption(value: $0.node.id.uuidString, label: $0.node.name, selected: $0.node.id.uuidString == form.teamId)
                    }, empty: "form.none"))
        }
        if !studios.isEmpty {
            all.append(
                fields.select(
                    "studioId", "field.studioId",
                    studios.compactMap { studio in
                        studio.id.map { SelectOption(value: $0.uuidString, label: studio.name, selected: $0.uuidString == form.studioId) }
                    }, empty: "form.none"))
        }
        all.append(fields.input("submittedDate", "field.submittedDate", form.submittedDate, type: "date"))
        return try await fields.page(
            titleKey: id == nil ? "innovation.new" : "innovation.edit", path: "/innovation-items", id: id, version: form.version,
            once: form._once, action: action, cancel: cancel, notes: worker ? [req.t("innovation.workerHint")] : [], fields: all)
    }
}
