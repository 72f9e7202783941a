import Fluent
import Foundation
import OpenAPIKit30
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// What each feature declares has its names in both languages and its place in the API document,
/// and what the app builds from the declarations reads as words: exports and the audit log.
@Suite struct FeatureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func catalogue(_ language: String) throws -> [String: String] {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Resources/Localization/\(language).json"))
        return try JSONDecoder().decode([String: String].self, from: data)
    }

    @Test func everyDeclarationIsNamedInBothLanguages() throws {
        for language in ["zh-Hans", "en"] {
            let names = try catalogue(language)
            var keys: [String] = []
            for feature in Features.all {
                keys += feature.audited.map(\.labelKey)
                keys += feature.vocabularies.flatMap { $0.labelKeys }
                keys += feature.menu.flatMap { [$0.key, $0.group.labelKey] }
            }
            let missing = keys.filter { names[$0] == nil }
            #expect(missing.isEmpty, "\(language) misses \(missing)")
        }
    }

    @Test func declarationsAreOneOfEach() {
        let entities = Features.all.flatMap(\.audited).map(\.entity)
        #expect(Set(entities).count == entities.count)
        #expect(entities.count >= 35)
        let migrations = Features.all.flatMap(\.migrations).map(\.name)
        #expect(Set(migrations).count == migrations.count)
        let routes = Features.all.flatMap(\.records).map { $0.routeName }
        #expect(Set(routes).count == routes.count)
        let hrefs = Features.all.flatMap(\.menu).map(\.href)
        #expect(Set(hrefs).count == hrefs.count)
    }

    /// What the declarations point at exists: each menu entry and each audited kind's page is a route.
    @Test func declaredPagesAreRoutes() async throws {
        try await TestWorld.runEmpty { app in
            let routes = Set(app.routes.all.filter { $0.method == .GET }.map { "/" + $0.path.map(\.description).joined(separator: "/") })
            for entry in Features.all.flatMap(\.menu) {
                #expect(routes.contains(entry.href == "/" ? "/" : entry.href), "menu: \(entry.href) is not a page")
            }
            for kind in Features.all.flatMap(\.audited) {
                guard let path = kind.path else { continue }
                #expect(routes.contains(path + ":id"), "audit: \(kind.entity) links to \(path), not a page")
            }
        }
    }

    /// The menu is the features' entries that the person may open, and nothing else.
    @Test func theMenuShowsWhatEachPersonMayOpen() async throws {
        try await TestWorld.run { world in
            for username in ["admin", "officerA", "expert", "worker"] {
                let user = try #require(try await User.query(on: world.app.db).filter(\.$username == username.lowercased()).first())
                var browser = try await Browser.signedIn(world, as: username)
                let home = try await browser.get("/").body.string
                let nav = home.components(separatedBy: "<nav").dropFirst().first?.components(separatedBy: "</nav>").first ?? ""
                for entry in Features.all.flatMap(\.menu) {
                    #expect(nav.contains(#"href="\#(entry.href)""#) == entry.shown(user), "\(username): \(entry.href)")
                }
            }
        }
    }

    static func schemaNames<Record: ManagedRecord>(_ record: Record.Type, in part: any APIDocumentPart.Type) -> [String?] {
        [RegisterDocument.name(of: Record.Output.self, in: part), RegisterDocument.name(of: Record.Input.self, in: part)]
    }

    /// A feature names the schemas of its registers' records and inputs in its part of the API
    /// document, and the document has each register's routes.
    @Test func everyRegisterIsInTheAPIDocument() throws {
        let paths = Set(OpenAPIDocument.document.paths.keys.map(\.rawValue))
        for feature in Features.all where !feature.records.isEmpty {
            let part = try #require(feature.api, "\(feature.name) has no part in the API document")
            for record in feature.records {
                #expect(!Self.schemaNames(record, in: part).contains(nil), "\(feature.name): \(record.routeName) has no schema")
                for suffix in ["", "/{id}", "/export", "/{id}/restore"] {
                    #expect(paths.contains("/api/v1/\(record.routeName)\(suffix)"), "\(record.routeName)\(suffix) is not documented")
                }
            }
        }
    }

    /// Every API route a feature registers itself is in the document, read from the route: a route
    /// without a note, a note without a route, a body, query or answer type without a schema fail.
    @Test func everyOwnRouteIsDocumentedFromItsRoute() throws {
        let names = OwnRoutesDocument.schemaNames(Features.all.compactMap(\.api))
        var problems: [String] = []
        var keys: [String] = []
        for feature in Features.all {
            let recorded = OwnRoutesDocument.routes(of: feature)
            keys += recorded.map(\.key)
            guard let part = feature.api else {
                if !recorded.isEmpty { problems.append("\(feature.name): API routes and no part in the document") }
                continue
            }
            problems += OwnRoutesDocument.paths(of: feature, part: part, names: names).problems.map { "\(feature.name): \($0)" }
        }
        #expect(problems.isEmpty, Comment(rawValue: "\n" + problems.joined(separator: "\n")))
        #expect(keys.count > 100)
        #expect(Set(keys).count == keys.count, "a route is registered by two features")
        let paths = OpenAPIDocument.document.paths
        #expect(paths["/api/v1/dispute-cases/{id}/extend"]?.pathItemValue?.post?.requestBody != nil)
        #expect(paths["/api/v1/openapi.json"]?.pathItemValue?.get?.security?.isEmpty == true)
    }

    /// The check sees a note that lost its route and a route that lost its note.
    @Test func theRouteCheckSeesWhatIsMissing() throws {
        enum Part: APIDocumentPart {
            static let schemas: [OpenAPI.ComponentKey: JSONSchema] = [:]
            static var types: [String: any Decodable.Type] { [:] }
            static var routes: [String: RouteNote] { ["GET /gone": RouteNote("Gone")] }
        }
        let feature = Feature(name: "probe", routes: { $0.api.get("probe", "here") { _ in KeyCount(key: "a", count: 1) } }, api: Part.self)
        let problems = OwnRoutesDocument.paths(of: feature, part: Part.self, names: [:]).problems
        #expect(problems.contains("GET /gone: a note without a route"))
        #expect(problems.contains("GET /probe/here: no note"))
    }

    /// Every audited kind the app writes is declared: the demo writes through the services.
    static let uuid = try! NSRegularExpression(pattern: "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-")
    /// A field key or code left as it is stored: `mediatorName`, `provincial`.
    static let rawWord = try! NSRegularExpression(pattern: "^[a-z][a-zA-Z]+$")

    static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func demoExportsAndTheAuditLogReadAsWords() async throws {
        try await TestWorld.runEmpty { app in
            _ = try await DemoData.load(on: app, members: 1_000)
            let http = try await LiveServer.start(app)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "qingyang").first())
            let (token, _) = try await Sessions.start(userID: user.id, kind: .api, on: app.db, environment: app.current)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)

            var exported = 0
            for record in Features.all.flatMap(\.records) {
                let response = try await http.sendRequest(.GET, "api/v1/\(record.routeName)/export?format=csv", headers: headers)
                #expect(response.status == .ok, "\(record.routeName): \(response.status)")
                let lines = response.body.string.split(whereSeparator: \.isNewline)
                guard let header = lines.first else { continue }
                exported += 1
                let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF}")) }
                let raw = columns.filter { Self.matches(Self.rawWord, $0) }
                #expect(raw.isEmpty, "\(record.routeName) headers left as keys: \(raw)")
                #expect(!Self.matches(Self.uuid, response.body.string), "\(record.routeName) exports ids")
                let cells = lines.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
                let codes = Set(cells.filter { Self.matches(Self.rawWord, $0) })
                #expect(codes.isEmpty, "\(record.routeName) exports codes: \(codes.sorted())")
            }
            #expect(exported >= 15)

            // An empty list still exports its columns.
            for record in Features.all.flatMap(\.records) {
                let empty = try await http.sendRequest(.GET, "api/v1/\(record.routeName)/export?format=csv&deleted=true", headers: headers)
                let header = empty.body.string.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                #expect(
                    header.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).contains(","), "\(record.routeName): no header")
            }
            // A skill level is exported by its name, as the members' audited kind declares it.
            let members = try await http.sendRequest(.GET, "api/v1/members/export?format=csv&skilled=true", headers: headers).body.string
            let table = members.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = try #require(table.first?.firstIndex { $0 == "技能等级" })
            let levels = Set(table.dropFirst().compactMap { $0.count > column ? String($0[column]) : nil })
            #expect(!levels.isEmpty && levels.allSatisfy { Int($0) == nil }, "\(levels)")

            var browser = try await Browser.signedIn(http, as: "qingyang", password: DemoData.password)
            let written = try await AuditEntry.query(on: app.db).unique().all(\.$entity)
            let declared = Set(Features.all.flatMap(\.audited).map(\.entity))
            #expect(Set(written).isSubset(of: declared), "undeclared: \(Set(written).subtracting(declared))")
            let index = try await browser.get("/audit")
            for entity in declared { #expect(index.body.string.contains("value=\"\(entity)\""), "\(entity) is not offered") }
            let username = try catalogue("zh-Hans")["field.username"] ?? "username"
            for entity in Set(written) {
                let page = try await browser.get("/audit?entity=\(entity)&per=200").body.string
                let changes = page.components(separatedBy: "<li>").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
                for change in changes {
                    let field = change.components(separatedBy: ":")[0]
                    #expect(!Self.matches(Self.rawWord, field), "\(entity): field \(field)")
                    #expect(!Self.matches(Self.uuid, change), "\(entity): \(change)")
                    for value in change.components(separatedBy: CharacterSet(charactersIn: "<>"))
                    where field != username && Self.matches(Self.rawWord, value) {
                        #expect(["del", "ins", "/del", "/ins"].contains(value), "\(entity): \(change)")
                    }
                }
            }
            await http.stop()
        }
    }
}
