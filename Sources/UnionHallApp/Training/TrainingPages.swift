import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Training in the browser: figures and the list, a programme's page with its sessions, places,
/// waiting list and sign-in import, and a session's attendance. Forms are `RecordPages<TrainingForm>`.
struct TrainingPages: RouteCollection {
    static let path = "/" + TrainingProgram.routeName

    func boot(routes: any RoutesBuilder) throws {
        let programs = routes.grouped(.constant(TrainingProgram.routeName))
        programs.get(use: index)
        programs.get(":id", use: show)
        programs.post(":id", "sessions") { req in
            try await Self.change(req) { program, context in
                let form = try req.content.decode(SessionForm.self)
                let heads = try FormValue.integer(form.headCount, field: "headCount")
                _ = try await TrainingAttendanceService.addSession(
                    program, input: TrainingSessionInput(date: form.date, place: form.place, trainers: form.trainers, headCount: heads),
                    context: context)
            }
        }
        programs.post(":id", "enrolments") { req in
            try await Self.change(req) { program, context in
                let number = try req.content.decode(EnrolForm.self).idNumber ?? ""
                let member = try await MemberLookup.byIDNumber(number, field: "memberId", within: context.scope, on: req.db)
                _ = try await TrainingPlaces.enrol(program, memberID: member, context: context)
            }
        }
        programs.post(":id", "enrolments", ":enrolmentId", "withdraw") { req in
            try await Self.change(req) { program, context in
                try await TrainingPlaces.withdraw(program, enrolmentID: try req.parameters.require("enrolmentId"), context: context)
            }
        }
        programs.get(":id", "sessions", ":sessionId", use: session)
        programs.post(":id", "sessions", ":sessionId", "attendance") { req in
            let (program, context) = try await TrainingAPIController.program(req)
            let session = try await TrainingAttendanceService.session(try req.parameters.require("sessionId"), of: program, on: req.db)
            let form = try req.content.decode(AttendanceForm.self)
            let path = "\(Self.path)/\(try program.requireID())/sessions/\(try session.requireID())"
            return try await Pages.act(
                req, redirect: path,
                change: {
                    var ids = (form.memberIds ?? []).compactMap(UUID.init(uuidString:))
                    if let number = form.idNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
                        ids.append(try await MemberLookup.byIDNumber(number, field: "memberIds", within: context.scope, on: req.db))
                    }
                    let heads = try FormValue.integer(form.headCount, field: "headCount")
                    try await TrainingAttendanceService.record(
                        AttendanceInput(memberIds: ids, headCount: heads), session: session, program: program, context: context)
                }, rerender: { try await Self.renderSession(req, error: $0) })
        }
        programs.get(":id", "attendance", "template") { req in
            try AttendanceImport.template(req, program: try await TrainingAPIController.program(req).program)
        }
        programs.upload(":id", "attendance", "import", maxSize: TrainingAPIController.importBodyLimit) { req in
            let (program, context) = try await TrainingAPIController.program(req)
            do {
                let count = try await AttendanceImport.run(try await ImportUpload.source(req), program: program, context: context) {
                    req.t($0, $1)
                }
                return req.redirect(to: "\(Self.path)/\(try program.requireID())?notice=imported&count=\(count)", redirectType: .normal)
            } catch let failure as ImportFailure {
                return try await Self.renderShow(req, error: nil, failure: failure)
            } catch let error as AppError where error.field != nil {
                return try await Self.renderShow(req, error: error)
            }
        }
    }

    struct SessionForm: Content {
        var date: String?
        var place: String?
        var trainers: String?
        var headCount: String?
    }

    struct EnrolForm: Content {
        var idNumber: String?
    }

    struct AttendanceForm: Content {
        var memberIds: [String]?
        var idNumber: String?
        var headCount: String?
    }

    /// A change from the programme's page; a refusal comes back on the page beside the form.
    static func change(_ req: Request, _ body: @escaping (TrainingProgram, WriteContext) async throws -> Void) async throws -> Response {
        try await TrainingProgram.changeFromPage(req, rerender: { try await renderShow(req, error: $0) }, body)
    }

    struct Row: Encodable {
        var id: String
        var title: String
        var kind: String
        var dates: String
        var places: String
        var personTimes: Int
        var unit: String
    }

    struct IndexContext: Encodable {
        var layout: Layout
        var programs: [Figure]
        var personTimes: [Figure]
        var totals: [Figure]
        var rows: [Row]
        var pager: Pager
        var from: String
        var to: String
        var kinds: [SelectOption]
        var deleted: Bool
    }

    @Sendable func index(req: Request) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let list = try req.query.decode(ListQuery.self)
        let filter = try req.query.decode(TrainingFilter.self)
        let counts = try await TrainingService.counts(scope: scope, list: list, on: req.db)
        let page = try await TrainingService.list(list, filter: filter, scope: scope, on: req.db)
        let period = "from=\(list.from ?? "")&to=\(list.to ?? "")" + (list.unitId.map { "&unitId=\($0)" } ?? "")
        let context = IndexContext(
            layout: Pages.layout(req, titleKey: "training.title"),
            programs: counts.programs.map {
                Figure(label: req.t("trainingKind.\($0.key)"), count: $0.count, href: "\(Self.path)?kind=\($0.key)&\(period)")
            },
            personTimes: counts.personTimes.map {
                Figure(label: req.t("trainingKind.\($0.key)"), count: $0.count, href: "\(Self.path)?kind=\($0.key)&\(period)")
            },
            totals: [
                Figure(label: req.t("training.programs"), count: counts.programsTotal, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("training.personTimes"), count: counts.personTimesTotal, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("training.sessions"), count: counts.sessions, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("enrolmentStatus.enrolled"), count: counts.enrolled, href: "\(Self.path)?\(period)"),
                Figure(label: req.t("enrolmentStatus.waiting"), count: counts.waiting, href: "\(Self.path)?\(period)"),
            ],
            rows: page.items.map { program in
                Row(
                    id: program.id.uuidString, title: program.title, kind: req.t("trainingKind.\(program.kind.rawValue)"),
                    dates: "\(program.startDate) – \(program.endDate)",
                    places: "\(program.enrolled) / \(program.places)" + (program.waiting > 0 ? " (+\(program.waiting))" : ""),
                    personTimes: program.personTimes,
                    unit: scope.tree.name(of: program.unitId))
            },
            pager: Pager(metadata: page.metadata, request: req), from: list.from ?? "", to: list.to ?? "",
            kinds: Pages.enumOptions(TrainingKind.self, prefix: "trainingKind", selected: filter.kind?.rawValue, request: req),
            deleted: list.deleted == true)
        return try await Pages.render("training/index", context, on: req)
    }

    struct ShowContext: Encodable {
        var layout: Layout
        var program: TrainingProgramOutput
        var kindLabel: String
        var college: String
        var employer: String
        var partnership: String
        var offer: String
        var sessions: [TrainingSessionOutput]
        var enrolled: [EnrolmentOutput]
        var waiting: [EnrolmentOutput]
        var withdrawn: [EnrolmentOutput]
        var today: String
        var error: FormError?
        var importRows: [ImportRowError]
        var importTotal: Int
        var importColumns: [String]
        var imported: String?
        var deleted: Bool
        var history: [Pages.HistoryRow]
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await Self.renderShow(req, error: nil)
    }

    static func renderShow(_ req: Request, error: AppError?, failure: ImportFailure? = nil) async throws -> Response {
        let (_, scope) = try await req.requireManager()
        let program = try await TrainingProgram.find(try req.parameters.require("id"), scope: scope, includingDeleted: true, on: req.db)
        let output = try await program.output(on: req)
        let names = try await Organization.query(on: req.db).filter(\.$id ~~ [program.collegeID, program.employerID].compactMap { $0 })
            .all()
        func name(_ id: UUID?) -> String { names.first { $0.id == id }?.name ?? "" }
        let partnership = try await program.partnershipID.asyncMap { try await Partnership.find($0, on: req.db) }
        let enrolments = try await TrainingPlaces.enrolments(of: program, on: req.db)
        let context = ShowContext(
            layout: Pages.layout(req, titleKey: "training.show"), program: output,
            kindLabel: req.t("trainingKind.\(program.kind.rawValue)"),
            college: name(program.collegeID), employer: name(program.employerID), partnership: partnership??.name ?? "",
            offer: program.offerSalaryFen.map { req.t("training.offerPerMonth", [Fen($0).description]) } ?? "",
            sessions: try await TrainingAttendanceService.sessions(of: program, on: req.db),
            enrolled: enrolments.filter { $0.status == .enrolled }, waiting: enrolments.filter { $0.status == .waiting },
            withdrawn: enrolments.filter { $0.status == .withdrawn }, today: req.today.description,
            error: error.map { Pages.formError($0, on: req) }, importRows: failure?.errors ?? [], importTotal: failure?.total ?? 0,
            importColumns: AttendanceImport.Column.allCases.map(\.header),
            imported: (try? req.query.get(Int.self, at: "count")).map { req.t("training.imported", [String($0)]) },
            deleted: program.deletedAt != nil, history: try await Pages.recentHistory(of: program, scope: scope, on: req))
        let failed = error != nil || failure != nil
        return try await Pages.render("training/show", context, status: failed ? (error?.status ?? .unprocessableEntity) : .ok, on: req)
    }

    struct Attendee: Encodable {
        var id: String
        var name: String
        var present: Bool
    }

    struct SessionContext: Encodable {
        var layout: Layout
        var program: TrainingProgramOutput
        var session: TrainingSessionOutput
        var attendees: [Attendee]
        var others: [String]
        var error: FormError?
        var fields: [FormField]
    }

    @Sendable func session(req: Request) async throws -> Response {
        try await Self.renderSession(req, error: nil)
    }

    static func renderSession(_ req: Request, error: AppError?) async throws -> Response {
        let (program, _) = try await TrainingAPIController.program(req)
        let session = try await TrainingAttendanceService.session(try req.parameters.require("sessionId"), of: program, on: req.db)
        let present = Set(try await TrainingAttendanceService.attendees(of: session, on: req.db))
        let enrolled = try await TrainingPlaces.enrolments(of: program, on: req.db).filter { $0.status == .enrolled }
        let others = try await MentorshipService.memberNames(Array(present.subtracting(enrolled.map(\.memberId))), on: req.db).values
            .sorted()
        let output = try TrainingAttendanceService.output(session)
        let fields = FormFields(req, error: error)
        let context = SessionContext(
            layout: Pages.layout(req, titleKey: "training.attendance"), program: try await program.output(on: req),
            session: output,
            attendees: enrolled.map { Attendee(id: $0.memberId.uuidString, name: $0.memberName, present: present.contains($0.memberId)) },
            others: others, error: fields.error,
            fields: [
                fields.input(
                    "idNumber", "training.addByID", nil, errors: ["memberIds"],
                    ["maxlength": "18", "class": "mono", "autocomplete": "off"]),
                fields.input(
                    "headCount", "training.headCount", String(output.headCount), hint: "training.headCountHint",
                    ["inputmode": "numeric", "maxlength": "6"]),
            ])
        return try await Pages.render("training/session", context, status: fields.status, on: req)
    }
}
