import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Many items at once from a spreadsheet (CSV in UTF-8 or GBK, or xlsx). Every row is checked
/// first; if any row fails, the report lists each failure by row and column and nothing is
/// written. Otherwise all rows land in one transaction.
enum InnovationImport {
    enum Column: String, ImportColumn {
        case kind, subKind, title, problem, proposal, expectedBenefit, authorIdNumber, coAuthorIdNumbers, submittedDate

        /// The header as the template writes it; English names are accepted too.
        var header: String {
            switch self {
            case .kind: "类别"
            case .subKind: "五小类别"
            case .title: "标题"
            case .problem: "存在问题"
            case .proposal: "建议或方案"
            case .expectedBenefit: "预期效益（元）"
            case .authorIdNumber: "第一作者身份证号"
            case .coAuthorIdNumbers: "共同作者身份证号"
            case .submittedDate: "提交日期"
            }
        }

        var isRequired: Bool { [.kind, .title, .problem, .proposal, .authorIdNumber].contains(self) }
    }

    /// Checks every row and, if all pass, writes them; throws `ImportFailure` with the report.
    /// Walks the file twice, holding one row at a time: once for the people it names, once to
    /// check and plan each row. The source is let go before the rows are written.
    static func run(_ source: SpreadsheetSource, context: WriteContext, localize: @escaping (String, [String]) -> String)
        async throws -> Int
    {
        var check = ImportCheck<Column>(localize: localize)
        try check.checkHeader(source.header)
        func cell(_ row: [String], _ column: Column) -> String { check.cell(row, column) }
        func fail(_ row: Int, _ column: Column?, _ key: String, _ arguments: [String] = []) { check.fail(row, column, key, arguments) }

        // Every ID number in the file, looked up in a few queries rather than one per row.
        // Reading and checking the rows is CPU work: on the thread pool, off the event loop.
        let (named, count) = try await Offload.blocking(context.app) { [check] in
            var named: [String] = []
            var count = 0
            try source.forEachRow { _, row in
                named.append(check.cell(row, .authorIdNumber))
                named += splitList(check.cell(row, .coAuthorIdNumbers))
                count += 1
            }
            return (named, count)
        }
        try check.requireRows(count)
        let members = try await ImportUpload.members(idNumbers: named, on: context.app.db)
        func member(_ text: String, row: Int, column: Column) -> ImportUpload.MemberRef? {
            let id: IDNumber
            switch IDNumber.parse(text) {
            case .success(let parsed): id = parsed
            case .failure(let problem):
                fail(row, column, "error.idNumber.\(problem.rawValue)")
                return nil
            }
            guard let member = members[id.value], context.scope.contains(member.unitID) else {
                fail(row, column, "error.import.memberNotHeld", [Masking.idNumber(id.value)])
                return nil
            }
            return member
        }

        let today = CivilDate(context.editor.at)
        var planned: [Planned] = []
        planned.reserveCapacity(count)
        try await Offload.blocking(context.app) {
            try source.forEachRow { index, row in
                let number = index + 2
                let draft = InnovationDraft(
                    kind: cell(row, .kind), subKind: cell(row, .subKind), title: cell(row, .title), problem: cell(row, .problem),
                    proposal: cell(row, .proposal), expectedBenefit: cell(row, .expectedBenefit), submittedDate: cell(row, .submittedDate))
                var valid: InnovationDraft.Valid?
                switch draft.validate(today: today) {
                case .success(let value): valid = value
                case .failure(let issue): fail(number, column(for: issue.field), issue.key, issue.arguments)
                }
                let author = member(cell(row, .authorIdNumber), row: number, column: .authorIdNumber)
                var coAuthors: [UUID] = []
                for text in splitList(cell(row, .coAuthorIdNumbers)) {
                    if let co = member(text, row: number, column: .coAuthorIdNumbers), co.id != author?.id, !coAuthors.contains(co.id) {
                        coAuthors.append(co.id)
                    }
                }
                guard let valid, let author, check.passed else { return }
                planned.append(Planned(id: UUID(), unitID: author.unitID, valid: valid, authorID: author.id, coAuthors: coAuthors))
            }
        }
        try check.throwIfFailed()

        // Rows are made per statement from the plans, so a large file never holds its models or
        // their bound values all at once.
        let editor = context.editor
        let actor = editor.id as UUID?
        let submitter = context.user.id
        let items = planned
        let authors = items.flatMap { item in ([item.authorID] + item.coAuthors).enumerated().map { (item.id, $1, $0) } }
        try await context.app.write { db in
            try await BulkInsert.rows(
                into: InnovationItem.schema,
                columns: [
                    "id", "unit_id", "kind", "sub_kind", "title", "problem", "proposal", "expected_benefit_fen", "author_id",
                    "submitted_date", "submitted_by",
                    "status", "seconds_count", "benefit_fen", "author_unread", "version", "created_at", "updated_at",
                ],
                items.lazy.map { item -> [any Encodable & Sendable] in
                    let v = item.valid
                    return [
                        item.id, item.unitID, v.kind.rawValue, v.subKind?.rawValue as String?, v.title, v.problem, v.proposal,
                        v.expectedBenefitFen,
                        item.authorID, v.submittedDate.description, submitter, InnovationStatus.submitted.rawValue, 0, Int64(0), false, 1,
                        editor.at, editor.at,
                    ]
                }, on: db)
            try await BulkInsert.rows(
                into: InnovationAuthor.schema, columns: ["id", "item_id", "member_id", "position"],
                authors.lazy.map { [UUID(), $0.0, $0.1, $0.2] }, on: db)
            try await BulkInsert.rows(
                into: InnovationEvent.schema, columns: ["id", "item_id", "at", "status"],
                items.lazy.map { [UUID(), $0.id, editor.at, InnovationStatus.submitted.rawValue] }, on: db)
            try await BulkInsert.rows(
                into: AuditEntry.schema,
                columns: ["id", "at", "actor_id", "actor_name", "unit_id", "entity", "entity_id", "action", "after"],
                items.lazy.map { item -> [any Encodable & Sendable] in
                    let snapshot = item.model(submittedBy: submitter).auditSnapshot()
                    return [
                        UUID(), editor.at, actor, editor.name, item.unitID, InnovationItem.auditEntity, item.id,
                        AuditEntry.Action.create.rawValue, Audit.encode(snapshot),
                    ]
                }, on: db)
        }
        return items.count
    }

    /// A row that passed: what its item needs, without a model's weight.
    struct Planned: Sendable {
        var id: UUID
        var unitID: UUID
        var valid: InnovationDraft.Valid
        var authorID: UUID
        var coAuthors: [UUID]

        /// The item as it is created, for its audit snapshot.
        func model(submittedBy: UUID?) -> InnovationItem {
            let item = InnovationItem()
            item.id = id
            item.unitID = unitID
            item.kind = valid.kind
            item.subKind = valid.subKind
            item.title = valid.title
            item.problem = valid.problem
            item.proposal = valid.proposal
            item.expectedBenefitFen = valid.expectedBenefitFen
            item.authorID = authorID
            item.submittedDate = valid.submittedDate.description
            item.submittedBy = submittedBy
            item.status = .submitted
            item.secondsCount = 0
            item.benefitFen = 0
            item.authorUnread = false
            item.version = 1
            return item
        }
    }

    static func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { ";；,，、 \n".contains($0) }).map { String($0) }
    }

    static func column(for field: String) -> Column? {
        switch field {
        case "expectedBenefitFen": .expectedBenefit
        default: Column(rawValue: field)
        }
    }

    /// The template an officer fills in, as a download: the header and one example row.
    static func template(_ request: Request) throws -> Response {
        let format = try request.query.decode(ListExport.Options.self).format ?? .xlsx
        return try SpreadsheetWriter.download(
            format, name: "innovation-items-template", header: Column.allCases.map(\.header),
            rows: [
                [
                    "合理化建议", "", "皮带机托辊更换工装", "更换托辊需停机两小时",
                    "制作快换工装，不停机更换", "12000",
                    "620102198001011234",
                    "", CivilDate(Date()).description,
                ]
            ])
    }
}
