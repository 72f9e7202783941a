import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Certification and the talent register in the browser: figures for a subtree and period that
/// link to the certifications behind them, the register by level, trade, unit and employer, and
/// a certification's page. Forms are `RecordPages<CertificationForm>`.
struct CertificationPages: RouteCollection {
    static let path = "/" + Certification.routeName

    func boot(routes: any RoutesBuilder) throws {
        let certifications = routes.grouped(.constant(Certification.routeName))
        certifications.get(use: index)
        certifications.get(":id", use: show)
        let member = routes.grouped("members", ":id")
        member.post("participation") { req in
            try await Self.changeMember(req) { member, context in
                let form = try req.content.decode(ParticipationForm.self)
                _ = try await MemberCareer.addParticipation(
                    ParticipationInput(
                        kind: form.kind.flatMap(ParticipationKind.init(rawValue:)),
                        level: form.level.flatMap(HonorLevel.init(rawValue:)), date: form.date, note: form.note),
                    to: member, context: context)
            }
        }
        member.post("participation", ":entryId", "delete") { req in
            try await Self.changeMember(req) { member, context in
                try await MemberCareer.removeParticipation(try req.parameters.require("entryId"), of: member, context: context)
            }
        }
        member.post("external-results") { req in
            try await Self.changeMember(req) { member, context in
                let form = try req.content.decode(ExternalResultForm.self)
                _ = try await MemberCareer.addExternalResult(
                    ExternalResultInput(
                        contest: form.contest, level: form.level.flatMap(HonorLevel.init(rawValue:)),
                        year: form.year.flatMap { Int($0) }, placing: form.placing.flatMap { Int($0) }, award: form.award),
                    to: member, context: context)
            }
        }
    }

    struct ParticipationForm: Content {
        var kind: String?
        var level: String?
        var date: String?
        var note: String?
    }

    struct ExternalResultForm: Content {
        var contest: String?
        var level: String?
        var year: String?
        var placing: String?
        var award: String?
    }

    /// A change from the member's page; a refusal goes back to it with the reason.
    static func changeMember(_ req: Request, _ body: (Member, WriteContext) async throws -> Void) async throws -> Response {
        let (member, context) = try await MemberCareerAPIController.member(req)
        let path = "/members/\(try member.requireID())"
        do {
            try await body(member, context)
            return Pages.redirect(path + "#career", notice: "saved", on: req)
        } catch let error as AppError where error.field != nil {
            return req.redirect(
                to: path + "?careerError="
                    + (req.t(error.key, error.arguments).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "#career",
                redirectType: .normal)
        }
    }

    struct Row: Encodable {
        var certification: CertificationOutput
        var levelLabel: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var totals: [Figure]
        var certifications: [Figure]
        var newSkilled: [Figure]
        var register: [Figure]
        var participation: [Figure]
        var byTrade: [NamedCount]
        var byUnit: [NamedCount]
        var byEmployer: [NamedCount]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var levels: [SelectOption]
        var first: Bool
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(CertificationFilter.self)
        let stats = try await TalentRegister.compute(scope: scope, list: list, on: req.db)
        let page = try await CertificationService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let unit = list.unitId.map { "&unitId=\($0)" } ?? ""
        let members = "/members?skilled=true" + unit
        let dated = "participationFrom=\(list.from ?? "")&participationTo=\(list.to ?? "")" + unit
        func level(_ key: String) -> String { req.t("skill.\(key)") }
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "certification.title"),
            totals: [
                Figure(label: req.t("certification.total"), count: stats.certificationsTotal, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("certification.newSkilled"), count: stats.newSkilledTotal, href: "\(Self.path)?first=true&\(period)"),
                Figure(label: req.t("certification.register"), count: stats.registerTotal, href: members),
                Figure(label: req.t("certification.highSkilled"), count: stats.highSkilled, href: members),
            ],
            certifications: stats.certifications.map {
                Figure(label: level($0.key), count: $0.count, href: "\(Self.path)?level=\($0.key)&\(period)")
            },
            newSkilled: stats.newSkilled.map {
                Figure(label: level($0.key), count: $0.count, href: "\(Self.path)?first=true&level=\($0.key)&\(period)")
            },
            register: stats.register.map {
                Figure(
                    label: level($0.key), count: $0.count,
                    href: "/members?skillLevel=\($0.key)" + (list.unitId.map { "&unitId=\($0)" } ?? ""))
            },
            participation: [
                Figure(
                    label: req.t("certification.delegates"), count: stats.delegatesAndDeputies,
                    href: "/members?participation=roles" + unit),
                Figure(
                    label: req.t("participationKind.joinedParty"), count: stats.joinedParty,
                    href: "/members?participation=joinedParty&" + dated),
                Figure(
                    label: req.t("participationKind.partyActivist"), count: stats.activists,
                    href: "/members?participation=partyActivist&" + dated),
            ],
            byTrade: stats.byTrade, byUnit: stats.byUnit, byEmployer: stats.byEmployer,
            rows: page.items.map { Row(certification: $0, levelLabel: req.t("skill.\($0.level)")) },
            pager: Pager(metadata: page.metadata, request: req), from: list.from ?? "", to: list.to ?? "",
            levels: MemberPages.skillOptions(selected: filter.level, request: req), first: filter.first == true,
            deleted: list.deleted == true)
        return try await Pages.render("certifications/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var certification: CertificationOutput
        var levelLabel: String
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let row = try await Certification.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "certification.one"), certification: try await row.output(on: req),
            levelLabel: req.t("skill.\(row.level)"), deleted: row.deletedAt != nil,
            history: try await Pages.recentHistory(of: row, scope: scope, on: req))
        return try await Pages.render("certifications/show", context, on: req)
    }
}

/// A result as typed from the appraisal certificate; the member named by ID number.
struct CertificationForm: RecordForm {
    var memberId: String?
    var idNumber: String?
    var trade: String?
    var level: String?
    var date: String?
    var certificateNumber: String?
    var issuingBody: String?
    var version: String?
    var _once: String?

    init(_ row: Certification?) {
        memberId = row?.memberID.uuidString
        trade = row?.trade
        level = row.map { String($0.level) }
        date = row?.date
        certificateNumber = row?.certificateNumber
        issuingBody = row?.issuingBody
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> CertificationForm {
        var form = CertificationForm(nil)
        form.memberId = try? request.query.get(String.self, at: "memberId")
        form.date = request.today.description
        return form
    }

    func input(editing existing: Certification?, on request: Request) async throws -> CertificationInput {
        var member = try FormValue.uuid(memberId, field: "memberId")
        if let number = idNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            member = try await MemberLookup.byIDNumber(number, field: "memberId", on: request)
        }
        return CertificationInput(
            memberId: member, trade: trade ?? "", level: level.flatMap { Int($0) }, date: date ?? "",
            certificateNumber: certificateNumber ?? "", issuingBody: issuingBody ?? "", version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: CertificationForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response
    {
        let memberID = form.memberId.flatMap(UUID.init(uuidString:))
        let names = try await MentorshipService.memberNames(memberID.map { [$0] } ?? [], on: req.db)
        let memberName = memberID.flatMap { names[$0] }
        let fields = FormFields(req, error: error)
        let person = fields.input(
            "idNumber", "field.name", form.idNumber, required: true, note: memberName, errors: ["memberId"],
            ["maxlength": "18", "class": "mono", "autocomplete": "off", "placeholder": req.t("mentorship.byID")])
        return try await fields.page(
            titleKey: id == nil ? "certification.new" : "certification.edit", path: "/certifications", id: id, version: form.version,
            once: form._once, notes: id == nil ? [] : [memberName].compactMap { $0 },
            hidden: ["memberId": memberName == nil ? nil : form.memberId, "level": id == nil ? nil : form.level],
            fields: (id == nil ? [person] : []) + [
                fields.select(
                    "trade", "field.trade", try await TradeBook.load(on: req.db).options(selected: form.trade), empty: "form.choose",
                    required: true),
                fields.select(
                    "level", "field.skillLevel", MemberPages.skillOptions(selected: form.level.flatMap { Int($0) }, request: req),
                    empty: "form.choose", required: true, hint: "certification.levelHint", id == nil ? [:] : ["disabled": "disabled"]),
                fields.input("date", "field.date", form.date, type: "date", required: true),
                fields.input(
                    "certificateNumber", "certification.number", form.certificateNumber, required: true,
                    ["maxlength": "50", "class": "mono"]),
                fields.input("issuingBody", "certification.issuingBody", form.issuingBody, required: true, ["maxlength": "100"]),
            ])
    }
}
