import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A member's own data (PIPL Art. 45): their record in full, their membership history, and every
/// row of every table that points at them, as the database holds it. Audited as an export.
struct MemberDataExport: Content {
    var exportedAt: Date
    var member: MemberOutput
    var history: [MembershipEventOutput]
    /// Table name → its rows that name this member, each column as text.
    var records: [String: [[String: String]]]
    /// Who changed, viewed or exported their record, and when.
    var auditTrail: [AuditLine]

    struct AuditLine: Content {
        var at: Date
        var actor: String
        var action: String
    }

    /// Columns no one is given back: secrets that prove nothing about the person.
    static let withheld: Set<String> = ["password_hash", "code_hash"]

    static func make(for member: Member, request: Request) async throws -> MemberDataExport {
        let memberID = try member.requireID()
        let sql = try request.db.sql()
        var records: [String: [[String: String]]] = [:]
        for link in try await MemberLinks.load(on: request.db).links where link.table != NameParts.schema {
            let rows = try await sql.select().column(SQLLiteral.all).from(link.table).where(
                SQLColumn(link.column), .equal, SQLBind(memberID)
            )
            .limit(10_000).all()
            guard !rows.isEmpty else { continue }
            records[link.table, default: []] += rows.map { text($0).filter { !withheld.contains($0.key) } }
        }
        let trail = try await AuditEntry.query(on: request.db).filter(\.$entityID == memberID).sort(\.$at).limit(10_000).all()
            .map { AuditLine(at: $0.at, actor: $0.actorName, action: $0.action.rawValue) }
        let export = MemberDataExport(
            exportedAt: request.now, member: try MemberOutput(member, reveal: true, seesAid: true),
            history: try await Membership.history(of: member, on: request.db), records: records,
            auditTrail: trail)
        let editor = try request.editor()
        try await request.write { db in try await Audit.record(.export, member, before: nil, after: ["format": "json"], by: editor, on: db)
        }
        return export
    }

    /// A row's columns as text, whatever their type on either database.
    private static func text(_ row: any SQLRow) -> [String: String] {
        var values: [String: String] = [:]
        for column in row.allColumns {
            if (try? row.decodeNil(column: column)) == true { continue }
            if let value = try? row.decode(column: column, as: String.self) {
                values[column] = value
            } else if let value = try? row.decode(column: column, as: UUID.self) {
                values[column] = value.uuidString
            } else if let value = try? row.decode(column: column, as: Int64.self) {
                values[column] = String(value)
            } else if let value = try? row.decode(column: column, as: Double.self) {
                values[column] = String(value)
            } else if let value = try? row.decode(column: column, as: Bool.self) {
                values[column] = String(value)
            } else if let value = try? row.decode(column: column, as: Date.self) {
                values[column] = ISO8601DateFormatter().string(from: value)
            }
        }
        return values
    }
}

/// `GET /api/v1/me/data-export` and the download on `/me`.
struct MemberDataExportRoutes: RouteCollection {
    let pages: Bool

    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", "data-export") { req async throws -> Response in
            let export = try await MemberDataExport.make(for: try await req.requireMember(), request: req)
            let response = try await export.encodeResponse(for: req)
            if pages {
                response.headers.replaceOrAdd(
                    name: .contentDisposition, value: "attachment; filename=\"my-union-data-\(req.today.description).json\"")
            }
            return response
        }
    }
}
