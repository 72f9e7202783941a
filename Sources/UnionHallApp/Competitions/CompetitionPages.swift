import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Competitions in the browser: figures and the list, a competition's events, and an event's
/// page with its scheme, judges, entries, results, public notice and objections.
struct CompetitionPages: RouteCollection {
    static let path = "/" + Competition.routeName

    func boot(routes: any RoutesBuilder) throws {
        let competitions = routes.grouped(.constant(Competition.routeName))
        competitions.get(use: index)
        competitions.get(":id", use: show)
        competitions.post(":id", "events") { req in
            let (competition, context) = try await CompetitionAPIController.competition(req)
            let form = try req.content.decode(EventForm.self)
            let id = try competition.requireID()
            return try await Pages.act(
                req, redirect: "\(Self.path)/\(id)",
                change: {
                    try await CompetitionService.saveEvent(
                        try form.input(), to: CompetitionEvent(), competition: competition, context: context)
                }, rerender: { try await Self.renderShow(req, error: $0, form: form) })
        }
        let event = competitions.grouped(":id", "events", ":eventId")
        event.get { try await Self.renderEvent($0, error: nil) }
        event.get("export") { try await Self.export($0) }
        event.post("judges") { req in
            try await Self.changeEvent(req) { _, event, context in
                let form = try req.content.decode(JudgeForm.self)
                try await CompetitionService.addJudge(
                    JudgeInput(
                        userId: try FormValue.uuid(form.userId, field: "userId"),
                        organizationId: try FormValue.uuid(form.organizationId, field: "organizationId"),
                        chief: form.chief == "true"), to: event, context: context)
            }
        }
        event.post("judges", ":judgeId", "delete") { req in
            try await Self.changeEvent(req) { _, event, context in
                try await CompetitionService.removeJudge(try req.parameters.require("judgeId"), from: event, context: context)
            }
        }
        event.post("entries") { req in
            try await Self.changeEvent(req) { _, event, context in
                let form = try req.content.decode(EntryForm.self)
                var ids: [UUID] = []
                for number in InnovationImport.splitList(form.idNumbers ?? "") {
                    ids.append(
                        try await MemberLookup.byIDNumber(
                            number, field: event.kind == .individual ? "memberId" : "memberIds", within: context.scope, on: req.db))
                }
                let input =
                    event.kind == .individual ? EntryInput(memberId: ids.first) : EntryInput(teamName: form.teamName, memberIds: ids)
                _ = try await CompetitionEntries.enter(
                    input, event: event, scope: context.scope, required: nil, editor: context.editor, app: req.application)
            }
        }
        event.post("entries", ":entryId", "theory") { req in
            try await Self.changeEvent(req) { _, event, context in
                let form = try req.content.decode(TheoryForm.self)
                let entry = try await CompetitionEntries.entry(try req.parameters.require("entryId"), of: event, on: req.db)
                var marks: Int?
                if let text = form.theoryMarks?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                    guard let value = CompetitionScoring.parseMarks(text) else { throw AppError.invalid("theoryMarks", "error.invalid") }
                    marks = value
                }
                let seconds = try FormValue.integer(form.completionSeconds, field: "completionSeconds")
                try await CompetitionEntries.setTheory(
                    TheoryInput(theoryMarks: marks, completionSeconds: seconds), entry: entry, event: event, context: context)
            }
        }
        for step in EventStep.allCases {
            event.post(.constant(step.rawValue)) { req in
                try await Self.changeEvent(req) { competition, event, context in
                    let form = try req.content.decode(StepForm.self)
                    try await CompetitionResults.step(
                        step, event: event, competition: competition,
                        input: EventStepInput(
                            version: form.version.flatMap { Int($0) },
                            noticeDays: try FormValue.integer(form.noticeDays, field: "noticeDays")), context: context)
                }
            }
        }
        event.post("objections") { req in
            try await Self.changeEvent(req) { _, event, context in
                let form = try req.content.decode(ObjectionForm.self)
                _ = try await CompetitionResults.raise(
                    ObjectionInput(
                        entryId: try FormValue.uuid(form.entryId, field: "entryId"), raisedBy: form.raisedBy, content: form.content),
                    event: event, context: context)
            }
        }
        event.post("objections", ":objectionId", "resolve") { req in
            try await Self.changeEvent(req) { _, event, context in
                let form = try req.content.decode(ResolveForm.self)
                _ = try await CompetitionResults.resolve(
                    ResolveInput(upheld: form.upheld.map { $0 == "true" }, resolution: form.resolution),
                    objectionID: try req.parameters.require("objectionId"), event: event, context: context)
            }
        }
    }

    struct JudgeForm: Content {
        var userId: String?
        var organizationId: String?
        var chief: String?
    }
    struct EntryForm: Content {
        var idNumbers: String?
        var teamName: String?
    }
    struct TheoryForm: Content {
        var theoryMarks: String?
        var completionSeconds: String?
    }
    struct StepForm: Content {
        var version: String?
        var noticeDays: String?
    }
    struct ObjectionForm: Content {
        var entryId: String?
        var raisedBy: String?
        var content: String?
    }
    struct ResolveForm: Content {
        var upheld: String?
        var resolution: String?
    }

    static func changeEvent(_ req: Request, _ body: @escaping (Competition, CompetitionEvent, WriteContext) async throws -> Void)
        async throws -> Response
    {
        let (competition, event, context) = try await CompetitionAPIController.event(req)
        let path = "\(Self.path)/\(try competition.requireID())/events/\(try event.requireID())"
        return try await Pages.act(
            req, redirect: path, change: { try await body(competition, event, context) },
            rerender: { try await renderEvent(req, error: $0) })
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var awards: [Figure]
        var prizes: [Figure]
        var rows: [CompetitionOutput]
        var pager: Pager
        var from: String
        var to: String
        var deleted: Bool
        var openObjections: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let stats = try await CompetitionStatisticsService.compute(scope: scope, list: list, on: req.db)
        let filter = try req.query.decode(CompetitionFilter.self)
        let page = try await CompetitionService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let honors = "/honors?" + (list.from.flatMap { CivilDate($0) }.map { "year=\($0.year)&" } ?? "")
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "competition.title"),
            totals: [
                Figure(label: req.t("competition.competitions"), count: stats.competitions, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("competition.trades"), count: stats.trades, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("competition.entries"), count: stats.entries, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("competition.entrants"), count: stats.entrants, href: "\(Self.path)?\(period)"),
            ],
            awards: stats.awards.map {
                Figure(label: req.t("competitionAward.\($0.key)"), count: $0.count, href: honors + "title=\($0.key)")
            },
            prizes: stats.teamPrizes.map { Figure(label: req.t("teamPrize.\($0.key)"), count: $0.count, href: "\(Self.path)?\(period)") }
                + [Figure(label: req.t("competition.teamPrizes"), count: stats.teamPrizesTotal, href: "\(Self.path)?\(period)")],
            rows: page.items, pager: Pager(metadata: page.metadata, request: req), from: list.from ?? "", to: list.to ?? "",
            deleted: list.deleted == true, openObjections: filter.openObjections == true)
        return try await Pages.render("competitions/index", context, on: req)
    }

    struct EventRow: Encodable {
        var event: EventOutput
        var kindLabel: String
        var statusLabel: String
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var competition: CompetitionOutput
        var levelLabel: String
        var events: [EventRow]
        var error: FormError?
        var fields: [FormField]
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil, form: nil)
    }

    static func renderShow(_ req: Request, error: AppError?, form: EventForm?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let competition = try await Competition.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let events = try await CompetitionService.events(of: competition, on: req.db)
        let form =
            form
            ?? EventForm(
                kind: EventKind.individual.rawValue, theoryWeight: "30", practicalWeight: "70", items: "", expertCount: "1",
                pacesetterCount: "1", outstandingCount: "2", minimumTotal: "60")
        let fields = FormFields(req, error: error)
        let numeric: KeyValuePairs<String, String> = ["size": "3", "inputmode": "numeric"]
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "competition.one"), competition: try CompetitionService.output(competition),
            levelLabel: req.t("honorLevel.\(competition.level.rawValue)"),
            events: events.map {
                EventRow(
                    event: $0, kindLabel: req.t("eventKind.\($0.kind.rawValue)"), statusLabel: req.t("eventStatus.\($0.status.rawValue)"))
            },
            error: fields.error,
            fields: [
                fields.select(
                    "trade", "field.trade", try await TradeBook.load(on: req.db).options(selected: form.trade), empty: "form.choose",
                    required: true),
                fields.select(
                    "kind", "competition.kind", Pages.enumOptions(EventKind.self, prefix: "eventKind", selected: form.kind, request: req)),
                fields.inline(
                    "practicalWeight", "competition.weights",
                    [
                        (name: "theoryWeight", label: "competition.theory", value: form.theoryWeight),
                        (name: "practicalWeight", label: "competition.practical", value: form.practicalWeight),
                    ], errors: ["theoryWeight"], suffix: "%", numeric),
                fields.textarea(
                    "items", "competition.items", form.items, hint: "competition.itemsHint",
                    ["rows": "4", "placeholder": req.t("competition.itemsPlaceholder")]),
                fields.inline(
                    "expertCount", "competition.bands",
                    [
                        (name: "expertCount", label: "competitionAward.technicalExpert", value: form.expertCount),
                        (name: "pacesetterCount", label: "competitionAward.technicalPacesetter", value: form.pacesetterCount),
                        (name: "outstandingCount", label: "competitionAward.outstandingContestant", value: form.outstandingCount),
                    ], errors: ["pacesetterCount", "outstandingCount"], numeric),
                fields.inline(
                    "firstPrizes", "competition.teamPrizes",
                    [
                        (name: "firstPrizes", label: "teamPrize.first", value: form.firstPrizes),
                        (name: "secondPrizes", label: "teamPrize.second", value: form.secondPrizes),
                        (name: "thirdPrizes", label: "teamPrize.third", value: form.thirdPrizes),
                    ], errors: ["secondPrizes", "thirdPrizes"], numeric),
                fields.input("minimumTotal", "competition.minimumTotal", form.minimumTotal, ["size": "6", "inputmode": "decimal"]),
            ], deleted: competition.deletedAt != nil,
            history: try await Pages.recentHistory(of: competition, scope: scope, on: req))
        return try await Pages.render("competitions/show", context, status: fields.status, on: req)
    }

    struct EntryRow: Encodable {
        var entry: EntryOutput
        var names: String
        var theory: String
        var total: String
        var practical: String
        var awardLabel: String
    }

    struct EventContext: Encodable {
        var layout: Layout
        var competition: CompetitionOutput
        var event: EventOutput
        var kindLabel: String
        var statusLabel: String
        var itemLabels: [String]
        var minimumLabel: String
        var rows: [EntryRow]
        var objections: [ObjectionOutput]
        var reviewers: [SelectOption]
        var organizations: [SelectOption]
        var steps: [String]
        var error: FormError?
        var today: String
        var history: [Pages.HistoryRow]
    }

    /// The event's entries in result order, as the page and the export show them.
    static func rows(_ event: CompetitionEvent, on req: Request) async throws -> [EntryRow] {
        let entries = try await CompetitionEntries.entries(of: event, on: req.db)
        func score(_ value: Int?) -> String { value.map { String(format: "%.4f", Double($0) / Double(CompetitionScoring.scale)) } ?? "" }
        return entries.sorted { ($0.rank ?? Int.max, $0.number) < ($1.rank ?? Int.max, $1.number) }.map { entry in
            EntryRow(
                entry: entry, names: (entry.teamName.map { $0 + "：" } ?? "") + entry.entrants.map(\.name).joined(separator: "、"),
                theory: entry.theoryMarks.map { CompetitionScoring.format(hundredths: $0) } ?? "", total: score(entry.total),
                practical: score(entry.practical),
                awardLabel: entry.award.map { event.kind == .individual ? req.t("competitionAward.\($0)") : req.t("teamPrize.\($0)") } ?? ""
            )
        }
    }

    /// The results table as CSV or xlsx, audited like every export.
    static func export(_ req: Request) async throws -> Response {
        let (competition, event, context) = try await CompetitionAPIController.event(req)
        let format = try req.query.decode(ListExport.Options.self).format ?? .xlsx
        let rows = try await rows(event, on: req)
        let header = [
            "#", "competition.entrant", "competition.theory", "competition.time", "competition.practical", "competition.total",
            "competition.rank",
            "competition.award", "certificate.number",
        ].map { $0 == "#" ? "#" : req.t($0) }
        let cells = rows.map { row in
            [
                String(row.entry.number), row.names, row.theory, row.entry.completionSeconds.map(String.init) ?? "", row.practical,
                row.total,
                row.entry.rank.map(String.init) ?? "", row.awardLabel, row.entry.certificateNumber ?? "",
            ]
        }
        let editor = context.editor
        let entry = AuditEntry(
            at: editor.at, actorID: editor.id, actorName: editor.name, unitID: event.unitID, entity: CompetitionEvent.auditEntity,
            entityID: event.id,
            action: .export, before: nil, after: Audit.encode(["format": format.rawValue, "rows": String(cells.count)]))
        try await req.application.write { db in try await entry.create(on: db) }
        return try SpreadsheetWriter.download(
            format, name: "competition-\(competition.year)-event-\(event.number)", header: header, rows: cells)
    }

    static func renderEvent(_ req: Request, error: AppError?) async throws -> Response {
        let (competition, event, context) = try await CompetitionAPIController.event(req)
        let output = try await CompetitionAPIController.eventOutput(event, on: req.db)
        let rows = try await rows(event, on: req)
        let page = EventContext(
            layout: Pages.layout(req, titleKey: "competition.event"), competition: try CompetitionService.output(competition),
            event: output,
            kindLabel: req.t("eventKind.\(event.kind.rawValue)"), statusLabel: req.t("eventStatus.\(event.status.rawValue)"),
            itemLabels: output.items.map {
                "\($0.name) \(CompetitionScoring.format(hundredths: $0.maximum)) · \(req.t("itemKind.\($0.kind.rawValue)"))"
            },
            minimumLabel: CompetitionScoring.format(hundredths: output.minimumTotal), rows: rows,
            objections: try await CompetitionResults.objections(of: event, on: req.db),
            reviewers: try await PageOptions.reviewers(on: req.db),
            organizations: try await PageOptions.organizations([.employer, .cooperative], scope: context.scope, selected: nil, on: req.db),
            steps: EventStep.allCases.filter { (try? $0.apply(to: event.status).get()) != nil }.map(\.rawValue),
            error: error.map { Pages.formError($0, on: req) }, today: req.today.description,
            history: try await Pages.recentHistory(of: event, scope: context.scope, on: req))
        return try await Pages.render("competitions/event", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
