import Fluent
import UnionHallCore
import Vapor

/// Any list as a CSV or xlsx file: the same records, filters, scope and masking as the page or
/// API list, every page of it, with headers and values in the reader's language. Audited.
package enum ListExport {
    /// The most rows one export writes; a longer list is narrowed with its filters first.
    package static let maxRows = 100_000

    package struct Options: Content {
        package var format: SpreadsheetWriter.Format?

        package init(format: SpreadsheetWriter.Format? = nil) {
            self.format = format
        }
    }

    /// `<route>/export?format=csv|xlsx` beside a list, for the API and for the pages alike.
    package static func route<R: ManagedRecord>(_ type: R.Type, on records: any RoutesBuilder) {
        records.get("export") { try await response(R.self, request: $0) }
    }

    package static func response<R: ManagedRecord>(_ type: R.Type, request: Request) async throws -> Response {
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
            guard outputs.count < maxRows else { break }
            if let next = page.metadata.next {
                list.after = PageCursor(token: next)
            } else if list.after != nil {
                break
            } else {
                guard page.metadata.page < page.metadata.pageCount, !page.items.isEmpty else { break }
                list.page = page.metadata.page + 1
            }
        }
        let codes = request.application.features.flatMap(\.audited).first { $0.entity == R.auditEntity }?.codes ?? [:]
        let (header, rows) = try await table(
            outputs.prefix(maxRows), fields: TypeShape.keys(of: R.Output.self), headerPrefix: "\(R.auditEntity)Field",
            omitting: R.exportOmits, codes: codes, scope: scope, request: request)
        try await recordExport(entity: R.auditEntity, format: format.rawValue, rows: rows.count, user: user, request: request)
        return try SpreadsheetWriter.download(format, name: "\(R.routeName)-\(request.today)", header: header, rows: rows)
    }

    /// The columns a person reads, in the order the output declares its fields (`fields`, so an
    /// empty list still has its headers): no record ids or versions; a link by the name of what it
    /// names (the unit by its path), or left out when the output carries the name beside it; codes
    /// and flags in words (`codes`: fields whose numbers or strings are codes, as the kind declares
    /// them for the audit log); money (`…Fen`) in yuan. A header is `<entity>Field.<name>` or
    /// `field.<name>` from the catalogue.
    package static func table(
        _ outputs: some Collection<some Encodable>, fields: [String], headerPrefix: String, omitting: Set<String> = [],
        codes: [String: String] = [:], scope: UnitScope, request: Request
    ) async throws -> ([String], [[String]]) {
        let named = Set(request.nameSources.flatMap(\.fields))
        let keys = fields.filter { key in
            guard key != "id", key != "version", !omitting.contains(key) else { return false }
            guard isLink(key) else { return true }
            let base = String(key.dropLast(key.hasSuffix("Ids") ? 3 : 2))
            return !fields.contains(base + "Name") && !fields.contains(base + "Names") && named.contains(key)
        }
        let linkKeys = Set(keys.filter(isLink))
        var linked: [String: Set<UUID>] = [:]
        for output in outputs {
            for child in Mirror(reflecting: output).children {
                guard let key = child.label, linkKeys.contains(key) else { continue }
                linked[key, default: []].formUnion(ids(in: child.value))
            }
        }
        let names = try await NameBook.load(linked, sources: request.nameSources, scope: scope, on: request.db)
        let header = keys.map { key in
            for catalogueKey in ["\(headerPrefix).\(key)", "field.\(key)"] where request.t(catalogueKey) != catalogueKey {
                return request.t(catalogueKey)
            }
            return key
        }
        let rows = outputs.map { output in
            let values = Dictionary(
                Mirror(reflecting: output).children.compactMap { child in child.label.map { ($0, child.value) } },
                uniquingKeysWith: { first, _ in first })
            return keys.map { key in
                if let catalogue = codes[key], let code = plainCode(values[key] as Any) { return request.t("\(catalogue).\(code)") }
                return cell(values[key] as Any, key: key, names: names, request: request)
            }
        }
        return (header, rows)
    }

    /// `employerId`, `leaderIds`: fields that hold other records' ids.
    package static func isLink(_ key: String) -> Bool { key.hasSuffix("Id") || key.hasSuffix("Ids") }

    /// A code stored as a plain number or string (a skill level), not as a typed vocabulary.
    private static func plainCode(_ value: Any) -> String? {
        switch value {
        case let number as Int: return String(number)
        case let text as String: return text.isEmpty ? nil : text
        default:
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value else { return nil }
            return plainCode(wrapped)
        }
    }

    private static func ids(in value: Any) -> [UUID] {
        if let id = value as? UUID { return [id] }
        if let list = value as? [UUID] { return list }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional, let wrapped = mirror.children.first?.value { return ids(in: wrapped) }
        return []
    }

    package static func cell(_ value: Any, key: String, names: NameBook, request: Request) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return "" }
            return cell(wrapped, key: key, names: names, request: request)
        }
        switch value {
        case let text as String: return text
        case let fen as Int64 where key.hasSuffix("Fen"): return Fen(fen).plainYuan
        case let number as Int: return String(number)
        case let number as Int64: return String(number)
        case let flag as Bool: return request.t(flag ? "value.yes" : "value.no")
        case let id as UUID: return names.name(id, field: key)
        case let date as Date: return Pages.timestamp(date)
        case let code as any Vocabulary: return request.name(of: code)
        case let cell as any ExportCell: return cell.exportText(on: request)
        case let list as [Any]: return list.map { cell($0, key: key, names: names, request: request) }.joined(separator: "；")
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

/// A value that says how an export writes it (a numeric code, a reference to a person), where a
/// plain value or a `Vocabulary` code would not.
package protocol ExportCell {
    func exportText(on request: Request) -> String
}

extension ListExport {
    /// Who exported what, in which format and how many rows, with the filters but not the search text.
    package static func recordExport(entity: String, format: String, rows: Int, user: User, request: Request) async throws {
        let editor = try request.editor()
        let entry = AuditEntry(
            at: editor.at, actorID: editor.id, actorName: editor.name, unitID: user.unitID, entity: entity, entityID: nil,
            action: .export, before: nil,
            after: Audit.encode([
                "format": format, "rows": String(rows), "query": Audit.withoutSearchText(request.url.query),
            ]))
        try await request.application.write { db in try await entry.create(on: db) }
    }
}
