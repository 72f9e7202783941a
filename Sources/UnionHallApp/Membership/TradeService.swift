import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

struct TradeOutput: Content {
    var id: UUID
    var name: String
    var position: Int
    var retired: Bool

    init(_ trade: Trade) throws {
        id = try trade.requireID()
        name = trade.name
        position = trade.position
        retired = trade.retired
    }
}

struct TradeInput: Content {
    var name: String?
    var retired: Bool?
}

/// The admin keeps the trades: adds one, renames one (every record holding it follows, in the same
/// transaction), retires one (no longer offered) or brings it back.
enum TradeService {
    static func all(on db: any Database) async throws -> [TradeOutput] {
        try await Trade.query(on: db).sort(\.$position).sort(\.$name).all().map(TradeOutput.init)
    }

    static func add(_ input: TradeInput, editor: Editor, app: Application) async throws -> Trade {
        let name = try Held.text(input.name, field: "name", max: 50)
        let trade = Trade(name: name, position: 0)
        try await app.write { db in
            try await refuseTaken(name, except: nil, on: db)
            trade.position = (try await Trade.query(on: db).max(\.$position) ?? 0) + 1
            try await trade.create(on: db)
            try await Audit.record(.create, trade, by: editor, on: db)
        }
        return trade
    }

    static func change(_ trade: Trade, with input: TradeInput, editor: Editor, app: Application) async throws {
        let before = trade.auditSnapshot()
        let former = trade.name
        let name = input.name == nil ? former : try Held.text(input.name, field: "name", max: 50)
        try await app.write { db in
            if name != former {
                try await refuseTaken(name, except: trade.id, on: db)
                try await renameEverywhere(from: former, to: name, on: db)
            }
            trade.name = name
            if let retired = input.retired { trade.retired = retired }
            try await trade.update(on: db)
            try await Audit.record(.update, trade, before: before, by: editor, on: db)
        }
    }

    private static func refuseTaken(_ name: String, except id: UUID?, on db: any Database) async throws {
        let query = Trade.query(on: db).filter(\.$name == name)
        if let id { query.filter(\.$id != id) }
        if try await query.count() > 0 { throw AppError.conflict("name", "error.trade.taken") }
    }

    /// Every table with a `trade` column, read from the schema, so a register added later follows too.
    private static func renameEverywhere(from former: String, to name: String, on db: any Database) async throws {
        let sql = try db.sql()
        struct Row: Decodable { var t: String }
        let tables = try await sql.raw(
            sql.dialect.name == "sqlite"
                ? """
                SELECT m.name AS t FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'trade'
                """
                : """
                SELECT table_name AS t FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'trade'
                """
        ).all(decoding: Row.self)
        for table in tables {
            try await sql.update(table.t).set("trade", to: name).where("trade", .equal, former).run()
        }
    }
}

/// `/api/v1/trades` and the admin's page.
struct TradeRoutes: RouteCollection {
    let pages: Bool

    func boot(routes: any RoutesBuilder) throws {
        let trades = routes.grouped("trades")
        if !pages {
            trades.get { req async throws -> [TradeOutput] in
                _ = try req.requireUser()
                return try await TradeService.all(on: req.db)
            }
            trades.post { req async throws -> Response in
                _ = try req.requireRole(.admin)
                let trade = try await TradeService.add(
                    try req.content.decode(TradeInput.self), editor: try req.editor(), app: req.application)
                return try await TradeOutput(trade).encodeResponse(status: .created, for: req)
            }
            trades.patch(":id") { req async throws -> TradeOutput in
                _ = try req.requireRole(.admin)
                guard let trade = try await Trade.find(try req.parameters.require("id"), on: req.db) else { throw AppError.notFound }
                try await TradeService.change(
                    trade, with: try req.content.decode(TradeInput.self), editor: try req.editor(), app: req.application)
                return try TradeOutput(trade)
            }
            return
        }
        trades.get { try await Self.render($0, error: nil) }
        trades.post { req async throws -> Response in
            _ = try req.requireRole(.admin)
            let input = try req.content.decode(TradeInput.self)
            return try await Pages.act(
                req, redirect: "/trades", change: { _ = try await TradeService.add(input, editor: try req.editor(), app: req.application) },
                rerender: { try await Self.render(req, error: $0) })
        }
        trades.post(":id") { req async throws -> Response in
            _ = try req.requireRole(.admin)
            struct Form: Content {
                var name: String?
                var retired: String?
            }
            let form = try req.content.decode(Form.self)
            return try await Pages.act(
                req, redirect: "/trades",
                change: {
                    guard let trade = try await Trade.find(try req.parameters.require("id"), on: req.db) else { throw AppError.notFound }
                    let input = TradeInput(name: form.name, retired: form.retired.map { $0 == "true" })
                    try await TradeService.change(trade, with: input, editor: try req.editor(), app: req.application)
                },
                rerender: { try await Self.render(req, error: $0) })
        }
    }

    struct Context: Encodable {
        var layout: Layout
        var trades: [TradeOutput]
        var error: FormError?
    }

    static func render(_ req: Request, error: AppError?) async throws -> Response {
        _ = try req.requireRole(.admin)
        let context = Context(
            layout: Pages.layout(req, titleKey: "trades.title"), trades: try await TradeService.all(on: req.db),
            error: error.map { Pages.formError($0, on: req) })
        return try await Pages.render("membership/trades", context, status: error?.status ?? .ok, on: req)
    }
}
