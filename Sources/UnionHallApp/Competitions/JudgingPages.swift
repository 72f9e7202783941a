import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A judge's pages: the events on their panels, and a scoring sheet per entry (by number only),
/// submitted once. The chief judge also sees every sheet and corrects marks with a reason.
struct JudgingPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let judging = routes.grouped("judging")
        judging.get(use: index)
        judging.get("events", ":eventId") { try await Self.renderEvent($0, error: nil) }
        judging.post("events", ":eventId", "entries", ":entryId", "sheet") { req in
            let (event, _, user) = try await CompetitionAPIController.judgedEvent(req)
            let fields = try req.content.decode([String: String].self)
            return try await Self.act(req, event: event) {
                let entry = try await CompetitionEntries.entry(try req.parameters.require("entryId"), of: event, on: req.db)
                var marks: [MarkInput] = []
                for item in try await CompetitionService.items(of: event, on: req.db) {
                    let id = try item.requireID()
                    let text = fields["m-\(id)"] ?? ""
                    guard let value = CompetitionScoring.parseMarks(text) else {
                        throw AppError.invalid(
                            "marks", text.isEmpty ? "error.competition.markMissing" : "error.competition.markInvalid", [item.name])
                    }
                    marks.append(MarkInput(itemId: id, marks: value))
                }
                _ = try await CompetitionSheets.submit(
                    SheetInput(marks: marks), entry: entry, event: event, user: user, editor: try req.editor(), app: req.application)
            }
        }
        judging.post("events", ":eventId", "sheets", ":sheetId", "correct") { req in
            let (event, _, user) = try await CompetitionAPIController.judgedEvent(req)
            let form = try req.content.decode(CorrectionForm.self)
            return try await Self.act(req, event: event) {
                guard let marks = CompetitionScoring.parseMarks(form.marks ?? "") else {
                    throw AppError.invalid("marks", "error.competition.markInvalid", [""])
                }
                _ = try await CompetitionSheets.correct(
                    CorrectionInput(itemId: try FormValue.uuid(form.itemId, field: "itemId"), marks: marks, reason: form.reason),
                    sheetID: try req.parameters.require("sheetId"), event: event, user: user, editor: try req.editor(), app: req.application
                )
            }
        }
    }

    struct CorrectionForm: Content {
        var itemId: String?
        var marks: String?
        var reason: String?
    }

    static func act(_ req: Request, event: CompetitionEvent, _ change: () async throws -> Void) async throws -> Response {
        try await Pages.act(
            req, redirect: "/judging/events/\(try event.requireID())", change: change, rerender: { try await renderEvent(req, error: $0) })
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var panels: [Panel]
    }

    struct Panel: Encodable {
        var id: String
        var title: String
        var statusLabel: String
        var chief: Bool
        var pending: Int
    }

    @Sendable func index(req: Request) async throws -> Response {
        let user = try req.requireRole(.reviewer)
        var panels: [Panel] = []
        for judge in try await CompetitionJudge.query(on: req.db).filter(\.$userID == user.requireID()).all() {
            guard let event = try await CompetitionEvent.find(judge.eventID, on: req.db) else { continue }
            let view = try await CompetitionAPIController.judging(event, judge: judge, on: req.db)
            panels.append(
                Panel(
                    id: view.event.id.uuidString, title: "\(view.competitionName) · \(event.trade)",
                    statusLabel: req.t("eventStatus.\(event.status.rawValue)"),
                    chief: judge.chief, pending: event.status == .open ? view.entries.filter { !$0.submitted && !$0.conflict }.count : 0))
        }
        return try await Pages.render(
            "competitions/judging", IndexContext(layout: Pages.layout(req, titleKey: "judging.title"), panels: panels), on: req)
    }

    struct ItemField: Encodable {
        var id: String
        var label: String
        var maximum: String
    }

    struct SheetRow: Encodable {
        var id: String
        var entryNumber: Int
        var judgeName: String
        var marks: String
    }

    struct EventContext: Encodable {
        var layout: Layout
        var view: JudgingOutput
        var items: [ItemField]
        var open: Bool
        var sheets: [SheetRow]
        var error: FormError?
    }

    static func renderEvent(_ req: Request, error: AppError?) async throws -> Response {
        let (event, judge, user) = try await CompetitionAPIController.judgedEvent(req)
        let view = try await CompetitionAPIController.judging(event, judge: judge, on: req.db)
        let items = view.event.items
        let names = Dictionary(items.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let query = CompetitionSheet.query(on: req.db).filter(\.$eventID == (try event.requireID()))
        if !judge.chief { query.filter(\.$judgeID == (try user.requireID())) }
        let sheets = try await CompetitionSheets.outputs(try await query.all(), on: req.db).sorted {
            ($0.entryNumber, $0.judgeName) < ($1.entryNumber, $1.judgeName)
        }
        let context = EventContext(
            layout: Pages.layout(req, titleKey: "judging.sheet"), view: view,
            items: items.map {
                ItemField(id: $0.id.uuidString, label: $0.name, maximum: CompetitionScoring.format(hundredths: $0.maximum))
            },
            open: event.status == .open,
            sheets: sheets.map { sheet in
                SheetRow(
                    id: sheet.id.uuidString, entryNumber: sheet.entryNumber, judgeName: sheet.judgeName,
                    marks: sheet.marks.map { "\(names[$0.itemId] ?? "") \(CompetitionScoring.format(hundredths: $0.marks))" }.joined(
                        separator: " · "))
            },
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("competitions/judging-event", context, status: error.map { $0.status } ?? .ok, on: req)
    }
}
