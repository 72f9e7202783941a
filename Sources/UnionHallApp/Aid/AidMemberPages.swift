import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A worker's own aid page: apply for a child's scholarship from the phone and follow every
/// application, each change shown.
struct AidMemberPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", "aid") { try await Self.render($0, error: nil, form: nil) }
        routes.post("me", "aid") { req in
            let form = try req.content.decode(ApplyForm.self)
            let member = try await req.requireMember()
            let once = FormOnce(form._once, pathPrefix: "/me/aid", at: req.now)
            do {
                _ = try await AidApplications.apply(
                    AidApplicationInput(
                        programId: try FormValue.uuid(form.programId, field: "programId"), priorityGroup: form.priorityGroup != nil,
                        childName: form.childName, childIdNumber: form.childIdNumber, school: form.school,
                        stage: form.stage.flatMap(SchoolStage.init(rawValue:)),
                        admissionYear: try FormValue.integer(form.admissionYear, field: "admissionYear"), payeeAccount: form.payeeAccount),
                    member: member, editor: try req.editor(), app: req.application, once: once)
                return req.redirect(to: "/me/aid?notice=created", redirectType: .normal)
            } catch is FormOnce.AlreadySubmitted {
                return req.redirect(to: "/me/aid", redirectType: .normal)
            } catch let error as AppError where error.field != nil {
                return try await Self.render(req, error: error, form: form)
            }
        }
    }

    struct ApplyForm: Content {
        var programId: String?
        var priorityGroup: String?
        var childName: String?
        var childIdNumber: String?
        var school: String?
        var stage: String?
        var admissionYear: String?
        var payeeAccount: String?
        var _once: String?
    }

    struct Application: Encodable {
        var row: AidPages.Row
        var events: [AidPages.EventRow]
    }

    struct Context: Encodable {
        var layout: Layout
        var hasProgram: Bool
        var hasVerifiedFile: Bool
        var once: String
        var error: FormError?
        var fields: [FormField]
        var applications: [Application]
    }

    static func render(_ req: Request, error: AppError?, form: ApplyForm?) async throws -> Response {
        let member = try await req.requireMember()
        let programs = try await AidPrograms.open(to: member.unitID, tree: try await UnitTree.load(on: req.db), on: req.db).filter {
            $0.year >= req.today.year - 1
        }
        let rows = try await AidApplications.mine(member, on: req.db)
        let events = try await AidAccess.events(of: rows.compactMap(\.id), on: req.db)
        let applications = try await AidApplications.outputs(rows, on: req.db).map {
            Application(row: AidPages.row($0, on: req), events: AidPages.events(events[$0.id] ?? [], on: req))
        }
        var typed = form ?? ApplyForm(stage: SchoolStage.university.rawValue, admissionYear: String(req.today.year))
        if typed.programId == nil { typed.programId = programs.first?.id?.uuidString }
        let fields = FormFields(req, error: error)
        var all = [
            fields.select(
                "programId", "aid.program", AidPrograms.options(programs, selected: typed.programId.flatMap(UUID.init(uuidString:)))),
            fields.input("childName", "aid.childName", typed.childName, required: true, ["maxlength": "50"]),
            fields.input(
                "childIdNumber", "aid.childIdNumber", typed.childIdNumber, required: true, ["maxlength": "18", "autocomplete": "off"]),
            fields.input("school", "aid.school", typed.school, required: true, ["maxlength": "100"]),
            fields.select(
                "stage", "aid.stage", Pages.enumOptions(SchoolStage.self, prefix: "schoolStage", selected: typed.stage, request: req)),
            fields.input(
                "admissionYear", "aid.admissionYear", typed.admissionYear, required: true, ["inputmode": "numeric", "maxlength": "4"]),
            fields.input(
                "payeeAccount", "aid.payeeAccount", typed.payeeAccount, ["inputmode": "numeric", "maxlength": "30", "autocomplete": "off"]),
        ]
        if programs.contains(where: \.priorityIndustrial) {
            all.append(
                fields.checks(
                    "priorityGroup", nil, [(name: "priorityGroup", label: "aid.priorityHint", checked: typed.priorityGroup != nil)],
                    errors: ["hardshipFileId"]))
        }
        let context = Context(
            layout: Pages.layout(req, titleKey: "aid.mine"), hasProgram: !programs.isEmpty,
            hasVerifiedFile: try await HardshipService.verifiedFile(of: member.requireID(), today: req.today, on: req.db) != nil,
            once: typed._once ?? Pages.once(), error: fields.error, fields: all, applications: applications)
        return try await Pages.render("aid/mine", context, status: fields.status, on: req)
    }
}
