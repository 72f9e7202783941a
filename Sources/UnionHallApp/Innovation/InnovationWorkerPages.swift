import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A worker's innovation pages (phone-first): their items with what changed since they last
/// looked, submitting one, an item's page with its history and files, and their co-workers'
/// items to second.
struct InnovationWorkerPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let mine = routes.grouped("me", "innovation")
        mine.get(use: index)
        mine.get("new", use: new)
        mine.post(use: submit)
        mine.get(":id", use: show)
        mine.upload(":id", "attachments", maxSize: InnovationFiles.bodyLimit, use: attach)
        mine.post(":id", "second", use: second)
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var kind: String
        var status: String
        var date: String
        var seconds: Int
        var unread: Bool
        var secondable: Bool
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var mine: [Row]
        var colleagues: [Row]
        var unread: Int
    }

    static func row(_ item: InnovationItem, req: Request, unread: Bool = false, secondable: Bool = false) -> Row {
        Row(
            id: item.id?.uuidString ?? "", title: item.title, kind: req.t("innovationKind.\(item.kind.rawValue)"),
            status: req.t("innovationStatus.\(item.status.rawValue)"),
            date: item.submittedDate, seconds: item.secondsCount, unread: unread, secondable: secondable)
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (member, context) = try await InnovationService.workerContext(req)
        let memberID = try member.requireID()
        let mine = try await InnovationService.mine(memberID: memberID, on: req.db)
        // Co-workers' undecided items, most seconded first, to second.
        let seconded = Set(try await InnovationSecond.query(on: req.db).filter(\.$memberID == memberID).all(\.$itemID))
        let mineIDs = Set(mine.compactMap(\.id))
        let open = try await context.scope.apply(to: InnovationItem.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$status ~~ [.submitted, .underReview]).sort(\.$secondsCount, .descending).sort(\.$submittedDate, .descending).limit(
                50
            ).all()
        let colleagues = open.filter { !mineIDs.contains($0.id ?? UUID()) }.map {
            Self.row($0, req: req, secondable: !seconded.contains($0.id ?? UUID()))
        }
        let rows = mine.map { Self.row($0, req: req, unread: $0.authorID == memberID && $0.authorUnread) }
        return try await Pages.render(
            "innovation/mine",
            IndexContext(
                layout: Pages.layout(req, titleKey: "innovation.mine"), mine: rows, colleagues: colleagues,
                unread: rows.filter(\.unread).count), on: req)
    }

    @Sendable func new(req: Request) async throws -> Response {
        let (_, context) = try await InnovationService.workerContext(req)
        var form = InnovationForm(nil)
        form.kind = InnovationKind.proposal.rawValue
        form.submittedDate = req.today.description
        return try await InnovationForm.page(
            req, form: form, id: nil, scope: context.scope, authors: "", error: nil, action: "/me/innovation", cancel: "/me/innovation",
            worker: true)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let (_, context) = try await InnovationService.workerContext(req)
        let form = try req.content.decode(InnovationForm.self)
        let once = FormOnce(form._once, pathPrefix: "/me/innovation/", at: req.now)
        return try await FormFlow.create(
            req, once: once,
            save: {
                var input = try await form.input(scope: context.scope, on: req)
                input.authorId = nil
                let item = try await InnovationService.createForWorker(input, once: once, request: req)
                return "/me/innovation/\(try item.requireID())"
            },
            rerender: { error in
                try await InnovationForm.page(
                    req, form: form, id: nil, scope: context.scope, authors: "", error: error, action: "/me/innovation",
                    cancel: "/me/innovation", worker: true)
            })
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var item: InnovationItemOutput
        var kindLabel: String
        var statusLabel: String
        var events: [InnovationPages.EventRow]
        var awards: [String]
        var benefit: String
        var error: FormError?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (item, reader) = try await InnovationService.readable(try req.parameters.require("id"), request: req)
        guard reader == .author else { throw AppError.notFound }
        // Read: the "new" mark goes.
        if item.authorUnread, item.authorID == req.auth.get(User.self)?.memberID, let id = item.id {
            try await req.application.write { db in
                try await InnovationItem.query(on: db).filter(\.$id == id).set(\.$authorUnread, to: false).update()
            }
        }
        let output = try await item.output(on: req)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "innovation.show"), item: output,
            kindLabel: req.t("innovationKind.\(item.kind.rawValue)")
                + (item.subKind.map { " · " + req.t("fiveSmall.\($0.rawValue)") } ?? ""),
            statusLabel: req.t("innovationStatus.\(item.status.rawValue)"), events: try await InnovationPages.events(item, on: req),
            awards: InnovationPages.awardLabels(output, on: req), benefit: Fen(item.benefitFen).description,
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("innovation/mine-show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    @Sendable func attach(req: Request) async throws -> Response {
        let (item, reader) = try await InnovationService.readable(try req.parameters.require("id"), request: req)
        guard reader == .author else { throw AppError.notFound }
        return try await Pages.act(
            req, redirect: "/me/innovation/\(try item.requireID())",
            change: {
                guard let upload = try? req.content.decode(FileUpload.self) else { throw AppError.invalid("file", "error.file.empty") }
                _ = try await InnovationFiles.add(to: item, file: upload.file, request: req)
            }, rerender: { try await Self.renderShow(req, error: $0) })
    }

    @Sendable func second(req: Request) async throws -> Response {
        _ = try req.requireRole(.member)
        guard let item = try await InnovationItem.find(try req.parameters.require("id"), on: req.db), item.deletedAt == nil else {
            throw AppError.notFound
        }
        do {
            try await InnovationWorkflow.second(item, request: req)
            return Pages.redirect("/me/innovation", notice: "seconded", on: req)
        } catch let error as AppError where error.status == .conflict {
            return Pages.redirect("/me/innovation", refused: error, on: req)
        }
    }
}
