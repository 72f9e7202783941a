import Fluent
import UnionHallCore
import Vapor

/// Any list as a CSV or xlsx file: the same records, filters, scope and masking as the page or
/// API list, every page of it, with headers and values in the reader's language. Audited.
enum ListExport {
    /// The most rows one export writes; a longer list is narrowed with its filters first.
    static let maxRows = 100_000

    struct Options: Content {
        var format: SpreadsheetWriter.Format?
    }

    /// `<route>/export?format=csv|xlsx` beside a list, for the API and for the pages alike.
    static func route<R: ManagedRecord>(_ type: R.Type, on records: any RoutesBuilder) {
        records.get("export") { try await response(R.self, request: $0) }
    }

    static func response<R: ManagedRecord>(_ type: R.Type, request: Request) async throws -> Response {
        let (user, scope) = try await request.requireManager()
        guard let format = try request.query.decode(Options.self).format else { throw AppError.invalid("format", "error.export.format") }
        var list = try request.query.decode(ListQuery.self)
        let filter = try request.query.decode(R.Filter.self)
        list.per = ListQuery.maxPer
        list.page = 1
        var outputs: [R.Output] = []
        while true {
            let page = try await R.list(list, filter: filter, scope: scope, request: request)
            outputs += page.items
            guard page.metadata.page < page.metadata.pageCount, outputs.count < maxRows else { break }
            list.page = page.metadata.page + 1
        }
        let (header, rows) = table(
            outputs.prefix(maxRows), headerPrefix: "\(R.auditEntity)Field", valuePrefixes: R.exportValuePrefixes, request: request)
        let editor = try request.editor()
        let entry = AuditEntry(
            at: editor.at, actorID: editor.id, actorName: editor.name, unitID: user.unitID, entity: R.auditEntity, entityID: nil,
            action: .export, before: nil,
            after: Audit.encode([
                "format": format.rawValue, "rows": String(rows.count), "query": Audit.withoutSearchText(request.url.query),
            ]))
        try await request.application.write { db in try await entry.create(on: db) }
        return try SpreadsheetWriter.download(format, name: "\(R.routeName)-\(request.today)", header: header, rows: rows)
    }

    /// Columns in the order the output declares its fields; a field's header is
    /// `<entity>Field.<name>` or `field.<name>` when the catalogue has it. Money (`…Fen`) is written in yuan.
    static func table(_ outputs: some Collection<some Encodable>, headerPrefix: String, valuePrefixes: [String: String], request: Request)
        -> ([String], [[String]])
    {
        guard let first = outputs.first else { return ([], []) }
        let keys = Mirror(reflecting: first).children.compactMap(\.label)
        let header = keys.map { key in
            for catalogueKey in ["\(headerPrefix).\(key)", "field.\(key)"] where request.t(catalogueKey) != catalogueKey {
                return request.t(catalogueKey)
            }
            return key
        }
        let rows = outputs.map { output in
            Mirror(reflecting: output).children.map { child in
                cell(child.value, key: child.label ?? "", prefix: valuePrefixes[child.label ?? ""], request: request)
            }
        }
        return (header, rows)
    }

    static func cell(_ value: Any, key: String, prefix: String?, request: Request) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "" }
            return cell(wrapped, key: key, prefix: prefix, request: request)
        }
        switch value {
        case let text as String: return text
        case let fen as Int64 where key.hasSuffix("Fen"): return Fen(fen).plainYuan
        case let number as Int: return String(number)
        case let number as Int64: return String(number)
        case let flag as Bool: return request.t(flag ? "value.yes" : "value.no")
        case let id as UUID: return id.uuidString
        case let date as Date: return Pages.timestamp(date)
        case let raw as any RawRepresentable<String>:
            return prefix.map { request.t("\($0).\(raw.rawValue)") } ?? raw.rawValue
        case let person as PersonRef: return person.name
        case let list as [Any]: return list.map { cell($0, key: key, prefix: prefix, request: request) }.joined(separator: "；")
        default:
            // A nested record (an award, an attachment): its name or title if it has one.
            let fields = Dictionary(
                Mirror(reflecting: value).children.compactMap { child in child.label.map { ($0, child.value) } },
                uniquingKeysWith: { first, _ in first })
            if let name = (fields["name"] ?? fields["fileName"] ?? fields["title"]) as? String { return name }
            return String(describing: value)
        }
    }
}

extension ManagedRecord {
    static var exportValuePrefixes: [String: String] { [:] }
}
