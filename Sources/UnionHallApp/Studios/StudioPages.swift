import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Studios in the browser: the naming list (filter a year and a kind: "11 studios and 19
/// innovative teams named in 2024"), a studio's page with its team and results, which officers
/// add to and remove from there. Forms, delete and restore are `RecordPages<StudioForm>`.
struct StudioPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let studios = routes.grouped("studios")
        studios.get(use: index)
        studios.get(":id", use: show)
        studios.post(":id", "members", use: addMember)
        studios.post(":id", "members", ":memberId", "remove", use: removeMember)
        studios.post(":id", "results", use: addResult)
        studios.post(":id", "results", ":resultId", "remove", use: removeResult)
        studios.post(":id", "designations", use: addDesignation)
        studios.post(":id", "designations", ":designationId", "remove", use: removeDesignation)
        studios.post(":id", "partners", use: addPartner)
        studios.post(":id", "partners", ":organizationId", "remove", use: removePartner)
    }

    struct Row: Encodable {
        var id: String
        var name: String
        var kindLabel: String
        var levelLabel: String
        var yearNamed: Int
        var lead: String
        var leadId: String
        var memberCount: Int
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var figures: [Figure]
        var rows: [Row]
        var pager: Pager
        var q: String
        var yearNamed: String
        var kinds: [SelectOption]
        var levels: [SelectOption]
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(StudioFilter.self)
        let page = try await StudioService.list(list, filter: filter, scope: scope, on: req.db)
        let counts = try await StudioService.counts(scope: scope, years: filter.yearNamed.map { $0...$0 }, on: req.db)
        let year = filter.yearNamed.map { "yearNamed=\($0)&" } ?? ""
        let figures =
            StudioKind.allCases.map { kind in
                Figure(
                    label: req.t("studioKind.\(kind.rawValue)"), count: counts.byKind[kind.rawValue] ?? 0,
                    href: "/studios?\(year)kind=\(kind.rawValue)")
            }
            + [HonorLevel.national, .provincial, .city].map { level in
                Figure(
                    label: req.t("studios.atLevel", [req.t("honorLevel.\(level.rawValue)")]), count: counts.byLevel[level.rawValue] ?? 0,
                    href: "/studios?\(year)level=\(level.rawValue)")
            }
        let rows = page.items.map {
            Row(
                id: $0.id.uuidString, name: $0.name, kindLabel: req.t("studioKind.\($0.kind.rawValue)"),
                levelLabel: req.t("honorLevel.\($0.level.rawValue)"),
                yearNamed: $0.yearNamed, lead: $0.leadName, leadId: $0.leadId.uuidString, memberCount: $0.memberCount)
        }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "studios.title"), figures: figures, rows: rows,
            pager: Pager(metadata: page.metadata, request: req),
            q: list.q ?? "", yearNamed: filter.yearNamed.map(String.init) ?? "",
            kinds: Pages.enumOptions(StudioKind.self, prefix: "studioKind", selected: filter.kind?.rawValue, request: req),
            levels: Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: filter.level?.rawValue, request: req),
            deleted: list.deleted == true)
        return try await Pages.render("studios/index", context, on: req)
    }

    struct ResultRow: Encodable {
        var id: String
        var kindLabel: String
        var title: String
        var year: Int
        var amount: String
    }

    struct DesignationRow: Encodable {
        var id: String
        var kindLabel: String
        var levelLabel: String
        var year: Int
        var namedBy: String
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var studio: StudioOutput
        var kindLabel: String
        var levelLabel: String
        var employer: String
        var partners: [SelectOption]
        var partnerChoices: [SelectOption]
        var designations: [DesignationRow]
        var designationKinds: [SelectOption]
        var levels: [SelectOption]
        var figures: [Figure]
        var members: [StudioMemberOutput]
        var results: [ResultRow]
        var resultKinds: [SelectOption]
        var thisYear: Int
        var error: FormError?
        var deleted: Bool
        var history: [Pages.HistoryRow]
        var innovationItems: Int
        var patents: Int
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    static func renderShow(_ req: Request, error: AppError?) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let studio = try await Studio.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await studio.output(on: req)
        let organizations = try await Organization.query(on: req.db).filter(
            \.$id ~~ ([studio.organizationID].compactMap { $0 } + output.partnerIds)
        ).all()
        func name(_ id: UUID?) -> String { organizations.first { $0.id == id }?.name ?? "" }
        let choices = try await scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID).filter(\.$deletedAt == nil)
            .filter(\.$id !~ (output.partnerIds + [studio.organizationID].compactMap { $0 })).sort(\.$name).all()
        // Each total links to the results table on the same page.
        let figures = StudioResultKind.allCases.compactMap { kind -> Figure? in
            guard let total = output.figures[kind.rawValue] else { return nil }
            return Figure(
                label: req.t("studioResult.\(kind.rawValue)"), value: kind.isMoney ? Fen(total).description : String(total),
                href: "#results")
        }
        let results = try await StudioService.results(of: studio, on: req.db).map {
            ResultRow(
                id: $0.id.uuidString, kindLabel: req.t("studioResult.\($0.kind.rawValue)"), title: $0.title, year: $0.year,
                amount: Self.amount($0, on: req))
        }
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "studios.show"), studio: output, kindLabel: req.t("studioKind.\(studio.kind.rawValue)"),
            levelLabel: req.t("honorLevel.\(studio.level.rawValue)"), employer: name(studio.organizationID),
            partners: output.partnerIds.map { SelectOption(value: $0.uuidString, label: name($0), selected: false) },
            partnerChoices: choices.compactMap { org in org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: false) }
            },
            designations: output.designations.map {
                DesignationRow(
                    id: $0.id.uuidString, kindLabel: req.t($0.kind.labelKey), levelLabel: req.t($0.level.labelKey), year: $0.year,
                    namedBy: $0.namedBy)
            },
            designationKinds: Pages.enumOptions(
                StudioKind.self, prefix: "studioKind", selected: Pages.typed("kind", of: "designations", on: req), request: req
            ).filter {
                $0.value != studio.kind.rawValue
            },
            levels: Pages.enumOptions(
                HonorLevel.self, prefix: "honorLevel", selected: Pages.typed("level", of: "designations", on: req), request: req),
            figures: figures, members: try await StudioService.members(of: studio, on: req.db), results: results,
            resultKinds: Pages.enumOptions(
                StudioResultKind.self, prefix: "studioResult", selected: Pages.typed("kind", of: "results", on: req), request: req),
            thisYear: req.today.year, error: error.map { Pages.formError($0, on: req) }, deleted: studio.deletedAt != nil,
            history: try await Pages.recentHistory(of: studio, scope: scope, on: req),
            innovationItems: try await InnovationItem.query(on: req.db).filter(\.$studioID == studio.id).filter(\.$deletedAt == nil)
                .count(),
            patents: try await Patent.query(on: req.db).filter(\.$studioID == studio.id).filter(\.$deletedAt == nil).count())
        return try await Pages.render("studios/show", context, status: error.map { $0.status } ?? .ok, on: req)
    }

    /// Runs a change from the studio's page; a refused one comes back on the page with its reason.
    private func change(_ req: Request, _ body: (Studio, WriteContext) async throws -> Void) async throws -> Response {
        try await Studio.changeFromPage(req, rerender: { try await Self.renderShow(req, error: $0) }, body)
    }

    struct MemberForm: Content { var idNumber: String? }

    @Sendable func addMember(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            let number = try req.content.decode(MemberForm.self).idNumber ?? ""
            guard !number.isEmpty else { throw AppError.invalid("memberId", "error.required") }
            guard let memberID = try await MemberLookup.byIDNumber(number, field: "memberId", on: req) else { throw AppError.notFound }
            try await StudioService.addMember(memberID, to: studio, context: context)
        }
    }

    @Sendable func removeMember(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            try await StudioService.removeMember(try req.parameters.require("memberId"), from: studio, context: context)
        }
    }

    /// A result as its line reads: a count, an amount, or a measured benefit with its unit and baseline.
    static func amount(_ result: StudioResultOutput, on req: Request) -> String {
        if result.kind.isMoney { return Fen(result.amountFen).description }
        guard result.kind.isMeasured else { return String(result.quantity) }
        let measured = "\(result.quantity) \(result.unit ?? "")"
        return result.baseline.map { req.t("studios.againstBaseline", [measured, $0]) } ?? measured
    }

    struct ResultForm: Content {
        var kind: String?
        var title: String?
        var year: String?
        var quantity: String?
        var amount: String?
        var unit: String?
        var baseline: String?
    }

    @Sendable func addResult(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            let form = try req.content.decode(ResultForm.self)
            let kind = form.kind.flatMap(StudioResultKind.init(rawValue:))
            let amount = kind?.isMoney == true ? try FormValue.fen(form.amount, field: "amountFen") : nil
            let input = StudioResultInput(
                kind: kind, title: form.title, year: form.year.flatMap { Int($0) },
                quantity: kind?.isMoney == true ? nil : try FormValue.integer(form.quantity, field: "quantity"), amountFen: amount,
                unit: form.unit, baseline: form.baseline)
            _ = try await StudioService.addResult(input, to: studio, context: context)
        }
    }

    struct DesignationForm: Content {
        var kind: String?
        var level: String?
        var year: String?
        var namedBy: String?
    }

    @Sendable func addDesignation(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            let form = try req.content.decode(DesignationForm.self)
            let input = StudioDesignationInput(
                kind: form.kind.flatMap(StudioKind.init(rawValue:)), level: form.level.flatMap(HonorLevel.init(rawValue:)),
                year: try FormValue.integer(form.year, field: "yearNamed"), namedBy: form.namedBy)
            _ = try await StudioService.addDesignation(input, to: studio, context: context)
        }
    }

    @Sendable func removeDesignation(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            try await StudioService.removeDesignation(try req.parameters.require("designationId"), from: studio, context: context)
        }
    }

    struct PartnerForm: Content { var organizationId: String? }

    /// Partners change through the studio's own update, so the page and the API keep one rule.
    @Sendable func addPartner(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            guard let id = try FormValue.uuid(try req.content.decode(PartnerForm.self).organizationId, field: "partnerIds") else {
                throw AppError.invalid("partnerIds", "error.required")
            }
            let current = try await StudioPartner.query(on: req.db).filter(\.$studioID == studio.requireID()).all(\.$organizationID)
            try await StudioService.update(studio, with: StudioInput(partnerIds: current + [id], version: studio.version), context: context)
        }
    }

    @Sendable func removePartner(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            let id: UUID = try req.parameters.require("organizationId")
            let current = try await StudioPartner.query(on: req.db).filter(\.$studioID == studio.requireID()).all(\.$organizationID)
            try await StudioService.update(
                studio, with: StudioInput(partnerIds: current.filter { $0 != id }, version: studio.version), context: context)
        }
    }

    @Sendable func removeResult(req: Request) async throws -> Response {
        try await change(req) { studio, context in
            try await StudioService.removeResult(try req.parameters.require("resultId"), from: studio, context: context)
        }
    }
}
