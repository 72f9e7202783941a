import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A worker's own aid page: apply for a child's scholarship, or for relief for their hardship
/// household, from the phone, and follow every application, each change shown.
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
                        admissionYear: try FormValue.integer(form.admissionYear, field: "admissionYear"), situation: form.situation,
                        medicalExpensesFen: try FormValue.fen(form.medicalExpenses, field: "medicalExpensesFen"),
                        payeeAccount: form.payeeAccount),
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
        var situation: String?
        var medicalExpenses: String?
        var payeeAccount: String?
        var _once: String?
    }

    struct Application: Encodable {
        var row: AidPages.Row
        var program: String
        var events: [AidPages.EventRow]
    }

    /// One form on the page: 金秋助学, or relief (送温暖, living aid, medical aid).
    struct ApplyFormView: Encodable {
        var anchor: String
        var title: String
        var hint: String?
        var error: FormError?
        var once: String
        var submit: String
        var fields: [FormField]
    }

    struct Context: Encodable {
        var layout: Layout
        var forms: [ApplyFormView]
        var applications: [Application]
    }

    static func render(_ req: Request, error: AppError?, form: ApplyForm?) async throws -> Response {
        let member = try await req.requireMember()
        let programs = try await AidPrograms.open(to: member.unitID, tree: try await UnitTree.load(on: req.db), on: req.db).filter {
            $0.year >= req.today.year - 1
        }
        let rows = try await AidApplications.mine(member, on: req.db)
        let events = try await AidAccess.events(of: rows.compactMap(\.id), on: req.db)
        let titles = Dictionary(programs.compactMap { p in p.id.map { ($0, AidPrograms.title(p)) } }, uniquingKeysWith: { a, _ in a })
        let applications = try await AidApplications.outputs(rows, on: req.db).map {
            Application(
                row: AidPages.row($0, on: req), program: titles[$0.programId] ?? req.t("aidKind.\($0.kind.rawValue)"),
                events: AidPages.events(events[$0.id] ?? [], on: req))
        }
        let hasVerifiedFile = try await HardshipService.verifiedFile(of: member.requireID(), today: req.today, on: req.db) != nil
        // The form the worker sent (the one its programme belongs to) shows their entries and the error.
        let sentRelief =
            form.flatMap { sent in programs.first { $0.id?.uuidString == sent.programId } }?.kind.isRelief
            ?? programs.allSatisfy(\.kind.isRelief)
        func section(relief: Bool) -> (typed: ApplyForm?, fields: FormFields) {
            let sent = form != nil && sentRelief == relief ? form : nil
            var fields = FormFields(req, error: sent == nil ? nil : error)
            // Both forms are on one page: the relief form's controls get ids of their own.
            if relief { fields.idPrefix = "relief-" }
            return (sent, fields)
        }
        var forms: [ApplyFormView] = []
        let scholarships = programs.filter { !$0.kind.isRelief }
        if !scholarships.isEmpty {
            let (sent, shown) = section(relief: false)
            var typed = sent ?? ApplyForm(stage: SchoolStage.university.rawValue, admissionYear: String(req.today.year))
            if typed.programId == nil { typed.programId = scholarships.first?.id?.uuidString }
            var all = [
                shown.select(
                    "programId", "aid.program",
                    AidPrograms.options(scholarships, selected: typed.programId.flatMap(UUID.init(uuidString:)))),
                shown.input("childName", "aid.childName", typed.childName, required: true, ["maxlength": "50"]),
                shown.input(
                    "childIdNumber", "aid.childIdNumber", typed.childIdNumber, required: true, ["maxlength": "18", "autocomplete": "off"]),
                shown.input("school", "aid.school", typed.school, required: true, ["maxlength": "100"]),
                shown.select(
                    "stage", "aid.stage", Pages.enumOptions(SchoolStage.self, prefix: "schoolStage", selected: typed.stage, request: req)),
                shown.input(
                    "admissionYear", "aid.admissionYear", typed.admissionYear, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                shown.input(
                    "payeeAccount", "aid.payeeAccount", typed.payeeAccount,
                    ["inputmode": "numeric", "maxlength": "30", "autocomplete": "off"]),
            ]
            if scholarships.contains(where: \.priorityIndustrial) {
                all.append(
                    shown.checks(
                        "priorityGroup", nil, [(name: "priorityGroup", label: "aid.priorityHint", checked: typed.priorityGroup != nil)],
                        errors: ["hardshipFileId"]))
            }
            forms.append(
                ApplyFormView(
                    anchor: "scholarship", title: req.t("aid.applyScholarship"), hint: hasVerifiedFile ? nil : req.t("aid.noFileHint"),
                    error: shown.error, once: sent?._once ?? Pages.once(), submit: req.t("aid.apply"), fields: all))
        }
        let relief = programs.filter(\.kind.isRelief)
        if !relief.isEmpty {
            let (sent, shown) = section(relief: true)
            var typed = sent ?? ApplyForm()
            if typed.programId == nil { typed.programId = relief.first?.id?.uuidString }
            let all = [
                shown.select(
                    "programId", "aid.program", AidPrograms.options(relief, selected: typed.programId.flatMap(UUID.init(uuidString:)))),
                shown.textarea(
                    "situation", "aid.situation", typed.situation, required: true, hint: "aid.situationHint", errors: ["hardshipFileId"],
                    ["rows": "3", "maxlength": "1000"]),
                shown.input(
                    "medicalExpenses", "aid.medicalExpensesYuan", typed.medicalExpenses, hint: "aid.medicalExpensesHint",
                    errors: ["medicalExpensesFen"], ["inputmode": "decimal"]),
                shown.input(
                    "payeeAccount", "aid.payeeAccount", typed.payeeAccount,
                    ["inputmode": "numeric", "maxlength": "30", "autocomplete": "off"]),
            ]
            forms.append(
                ApplyFormView(
                    anchor: "relief", title: req.t("aid.applyRelief"), hint: req.t(hasVerifiedFile ? "aid.reliefHint" : "aid.reliefNoFile"),
                    error: shown.error, once: sent?._once ?? Pages.once(), submit: req.t("aid.applyReliefSubmit"), fields: all))
        }
        let context = Context(layout: Pages.layout(req, titleKey: "aid.mine"), forms: forms, applications: applications)
        return try await Pages.render("aid/mine", context, status: error?.status ?? .ok, on: req)
    }
}
