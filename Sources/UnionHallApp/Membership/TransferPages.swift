import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Transfers in the browser: both sides' list, one transfer with the receiving side's answer, and
/// asking from a member's record (officers) or from `/me` (the member).
struct TransferPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let transfers = routes.grouped(.constant(MemberTransfer.routeName))
        transfers.get(use: index)
        ListExport.route(MemberTransfer.self, on: transfers)
        transfers.get(":id", use: show)
        transfers.post(use: create)
        routes.post("me", "transfer", use: createForWorker)
        routes.workflowSteps(TransferStep.self, of: MemberTransfer.routeName) { try await Self.perform($0, req: $1) }
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var rows: [TransferOutput]
        var labels: [String: String]
        var pager: Pager
        var statuses: [SelectOption]
        var directions: [SelectOption]
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(TransferFilter.self)
        let page = try await TransferService.list(list, filter: filter, scope: scope, on: req.db)
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "transfers.title"), rows: page.items,
            labels: Dictionary(uniqueKeysWithValues: TransferStatus.allCases.map { ($0.rawValue, req.name(of: $0)) }),
            pager: Pager(metadata: page.metadata, request: req),
            statuses: Pages.enumOptions(
                TransferStatus.self, prefix: TransferStatus.catalogue, selected: filter.status?.rawValue, request: req),
            directions: ["in", "out"].map { SelectOption(value: $0, label: req.t("transfers.\($0)"), selected: $0 == filter.direction) })
        return try await Pages.render("membership/transfers", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var transfer: TransferOutput
        var statusLabel: String
        var steps: [String]
        var error: FormError?
    }

    @Sendable func show(req: Request) async throws -> Response { try await Self.renderShow(req, error: nil) }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await MemberTransfer.find(try req.parameters.require("id"), scope: scope, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "transfers.show"), transfer: try await row.output(on: req),
            statusLabel: req.name(of: row.status),
            steps: row.status.isOpen && scope.contains(row.toUnitID) ? TransferStep.allCases.map(\.rawValue) : [],
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("membership/transfer", context, status: error?.status ?? .ok, on: req)
    }

    struct AskForm: Content {
        var memberId: String?
        var toUnitId: String?
        var reason: String?
        var version: String?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let form = try req.content.decode(AskForm.self)
        let context = try await req.writeContext()
        let memberID = try FormValue.uuid(form.memberId, field: "memberId")
        return try await Pages.act(
            req, redirect: "/members/\(memberID?.uuidString ?? "")",
            change: {
                let input = TransferInput(
                    memberId: memberID, toUnitId: try FormValue.uuid(form.toUnitId, field: "toUnitId"), reason: form.reason)
                _ = try await TransferService.create(input, context: context, once: nil)
            },
            rerender: { error in
                guard let memberID else { throw error }
                return try await MemberPages.render(req, id: memberID, reveal: false, error: error)
            })
    }

    @Sendable func createForWorker(req: Request) async throws -> Response {
        let form = try req.content.decode(AskForm.self)
        return try await Pages.act(
            req, redirect: "/me",
            change: {
                let input = TransferInput(toUnitId: try FormValue.uuid(form.toUnitId, field: "toUnitId"), reason: form.reason)
                _ = try await TransferService.createForWorker(input, request: req)
            },
            rerender: { error in try await MyRecordPage.render(req, error: error) })
    }

    struct StepForm: Content {
        var version: String?
        var reason: String?
    }

    static func perform(_ step: TransferStep, req: Request) async throws -> Response {
        let form = try req.content.decode(StepForm.self)
        return try await MemberTransfer.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }) { row, context in
            try await TransferService.step(
                step, row, input: TransferStepInput(version: form.version.flatMap { Int($0) }, reason: form.reason), context: context)
        }
    }
}
