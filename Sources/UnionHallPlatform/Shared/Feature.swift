import Fluent
import OpenAPIKit30
import Vapor

/// A closed vocabulary whose values the catalogues name: `honorLevel.provincial` → 省部级. Exports,
/// the audit log and the localization checks read every code through it.
package protocol Vocabulary: RawRepresentable<String>, CaseIterable, Sendable {
    /// The catalogue prefix: `honorLevel`.
    static var catalogue: String { get }
}

extension Vocabulary {
    package static var labelKeys: [String] { allCases.map { "\(catalogue).\($0.rawValue)" } }
    package var labelKey: String { "\(Self.catalogue).\(rawValue)" }
}

extension Request {
    /// A code as the reader calls it.
    package func name(of code: some Vocabulary) -> String { t(code.labelKey) }
}

/// A kind of record written to the audit log, as the audit page names and links it.
package struct AuditedKind: Sendable {
    package let entity: String
    /// Its page, for a link from the log: `/honors`.
    package let path: String?
    /// Snapshot fields whose values are codes, with the catalogue that names them: `["level": HonorLevel.catalogue]`.
    package let codes: [String: String]
    /// Entries about children's and hardship data: for `UnitScope.seesAid` alone.
    package let aidData: Bool

    package init<M: Audited>(_ type: M.Type, path: String? = nil, codes: [String: String] = [:], aidData: Bool = false) {
        entity = M.auditEntity
        self.path = path
        self.codes = codes
        self.aidData = aidData
    }

    /// Entries about a document that is not a record (the statistics, a report): their downloads.
    package init(document entity: String, codes: [String: String] = [:]) {
        self.entity = entity
        self.path = nil
        self.codes = codes
        self.aidData = false
    }

    package var labelKey: String { "entity.\(entity)" }

    /// Fields every kind's entries may hold: an export's format.
    package static let commonCodes = ["format": SpreadsheetWriter.Format.catalogue]
}

/// Where a menu entry sits and who sees it.
package struct MenuEntry: Sendable {
    package enum Group: String, CaseIterable, Sendable {
        case home, people, craftsmen, skills, innovation, care, admin, reviewer, mine

        package var labelKey: String {
            switch self {
            case .home: "nav.home"
            case .innovation: "nav.innovation"
            case .reviewer: "nav.group.reviewer"
            default: "nav.group.\(rawValue)"
            }
        }
    }

    package let group: Group
    package let href: String
    package let key: String
    package let shown: @Sendable (User) -> Bool
    /// Its place in the group; entries of equal rank keep the order of `Features.all`.
    package let rank: Int

    package init(
        _ group: Group, _ href: String, _ key: String, rank: Int = 0,
        shown: @escaping @Sendable (User) -> Bool = { $0.role.managesRecords }
    ) {
        self.group = group
        self.href = href
        self.key = key
        self.rank = rank
        self.shown = shown
    }
}

/// The route groups a feature adds its routes to.
package struct FeatureRoutes {
    /// Pages anyone may open (sign-in, a certificate check).
    package let publicPages: any RoutesBuilder
    /// Pages behind sign-in and CSRF checks.
    package let pages: any RoutesBuilder
    /// The API without a token.
    package let publicAPI: any RoutesBuilder
    /// The API with a bearer token.
    package let api: any RoutesBuilder

    package init(publicPages: any RoutesBuilder, pages: any RoutesBuilder, publicAPI: any RoutesBuilder, api: any RoutesBuilder) {
        self.publicPages = publicPages
        self.pages = pages
        self.publicAPI = publicAPI
        self.api = api
    }
}

/// One feature of UnionHall, declared once in its own folder: what it adds to the database, the
/// routes, the menu, the audit log and the catalogues. Routes, migrations, navigation, the audit
/// page and the localization checks are built from `Features.all`.
package struct Feature: Sendable {
    package let name: String
    /// Its migrations in the order they shipped; never edited once shipped.
    package var migrations: [any Migration] = []
    package var routes: @Sendable (FeatureRoutes) throws -> Void = { _ in }
    package var menu: [MenuEntry] = []
    package var audited: [AuditedKind] = []
    package var vocabularies: [any Vocabulary.Type] = []
    /// The registers it keeps: each gets the shared API routes (list, read, create, change,
    /// delete, restore, export).
    package var records: [any ManagedRecord.Type] = []
    /// The forms of its registers: each gets the shared pages (new, edit, save, delete, restore, export).
    package var forms: [any RecordForm.Type] = []
    /// The workflows of its registers.
    package var workflows: [Workflow] = []
    /// How its records are named where others link to them.
    package var names: [NameSource] = []
    /// Its part of the API document.
    package var api: (any APIDocumentPart.Type)?
    /// Its figures in the statistics document.
    package var figures: [StatisticsPart] = []
    /// What waits for an officer in it, for the dashboard.
    package var todos: [Todo] = []

    package init(
        name: String, migrations: [any Migration] = [], routes: @escaping @Sendable (FeatureRoutes) throws -> Void = { _ in },
        menu: [MenuEntry] = [], audited: [AuditedKind] = [], vocabularies: [any Vocabulary.Type] = [],
        records: [any ManagedRecord.Type] = [], forms: [any RecordForm.Type] = [], workflows: [Workflow] = [], names: [NameSource] = [],
        api: (any APIDocumentPart.Type)? = nil, figures: [StatisticsPart] = [], todos: [Todo] = []
    ) {
        self.name = name
        self.migrations = migrations
        self.routes = routes
        self.menu = menu
        self.audited = audited
        self.vocabularies = vocabularies
        self.records = records
        self.forms = forms
        self.workflows = workflows
        self.names = names
        self.api = api
        self.figures = figures
        self.todos = todos
    }
}

extension FeatureRoutes {
    /// A feature's routes: the shared ones of its registers and forms, then its own.
    package func add(_ feature: Feature) throws {
        for record in feature.records { try api.register(collection: Self.controller(record)) }
        for form in feature.forms { Self.pages(form, on: pages) }
        for workflow in feature.workflows { try api.register(collection: workflow.controller) }
        try feature.routes(self)
    }

    private static func controller<Record: ManagedRecord>(_ record: Record.Type) -> any RouteCollection {
        RecordAPIController<Record>()
    }

    private static func pages<Form: RecordForm>(_ form: Form.Type, on routes: any RoutesBuilder) {
        RecordPages<Form>.register(on: routes)
    }
}

extension Application {
    private struct FeaturesKey: StorageKey { typealias Value = [Feature] }

    /// The features this app was configured with.
    package var features: [Feature] {
        get { storage[FeaturesKey.self] ?? [] }
        set { storage[FeaturesKey.self] = newValue }
    }

    /// The audited kinds whose entries are aid data (`AuditedKind.aidData`).
    package var aidAuditEntities: [String] { features.flatMap(\.audited).filter(\.aidData).map(\.entity) }
}

/// A register's workflow (`POST /api/v1/<route>/{id}/<step>` for each step), declared once: its
/// routes and its part of the API document are made from the same types.
package struct Workflow: Sendable {
    package let controller: any RouteCollection & Sendable
    package let document: @Sendable (_ tag: String, _ part: any APIDocumentPart.Type) -> [(OpenAPI.Path, OpenAPI.PathItem)]

    package init<Record: ManagedRecord, Step: RawRepresentable & CaseIterable & Sendable, Input: Content>(
        _ record: Record.Type, _ steps: Step.Type, input: Input.Type,
        perform: @escaping @Sendable (Step, Record, Input, WriteContext) async throws -> Void
    ) where Step.RawValue == String {
        controller = WorkflowStepController<Record, Step, Input>(perform: perform)
        document = { tag, part in
            guard let schema = RegisterDocument.name(of: Record.Output.self, in: part),
                let input = RegisterDocument.name(of: Input.self, in: part)
            else { return [] }
            return OpenAPIDocument.steps("/api/v1/\(Record.routeName)", tag, Step.self, input: input, schema: schema)
        }
    }
}
