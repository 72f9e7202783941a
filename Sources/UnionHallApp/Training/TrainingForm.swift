import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A programme's terms as typed; the job offer in yuan a month.
struct TrainingForm: RecordForm {
    var unitId: String?
    var kind: String?
    var title: String?
    var trade: String?
    var collegeId: String?
    var employerId: String?
    var partnershipId: String?
    var places: String?
    var startDate: String?
    var endDate: String?
    var offerSalary: String?
    var offerNote: String?
    var version: String?
    var _once: String?

    init(_ program: TrainingProgram?) {
        unitId = program?.unitID.uuidString
        kind = program?.kind.rawValue
        title = program?.title
        trade = program?.trade
        collegeId = program?.collegeID?.uuidString
        employerId = program?.employerID?.uuidString
        partnershipId = program?.partnershipID?.uuidString
        places = program.map { String($0.places) }
        startDate = program?.startDate
        endDate = program?.endDate
        offerSalary = program?.offerSalaryFen.map { Fen($0).plainYuan }
        offerNote = program?.offerNote
        version = program.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> TrainingForm {
        var form = TrainingForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.kind = (try? request.query.get(String.self, at: "kind")) ?? TrainingKind.orderClass.rawValue
        form.partnershipId = try? request.query.get(String.self, at: "partnershipId")
        form.startDate = request.today.description
        form.endDate = request.today.adding(days: 90).description
        return form
    }

    func input(editing existing: TrainingProgram?, on request: Request) async throws -> TrainingProgramInput {
        guard let places = Int(places?.trimmingCharacters(in: .whitespaces) ?? "") else {
            throw AppError.invalid("places", "error.required")
        }
        return TrainingProgramInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), kind: kind.flatMap(TrainingKind.init(rawValue:)), title: title ?? "",
            trade: trade ?? "",
            collegeId: try .form(collegeId, field: "collegeId"), employerId: try .form(employerId, field: "employerId"),
            partnershipId: try .form(partnershipId, field: "partnershipId"), places: places, startDate: startDate ?? "",
            endDate: endDate ?? "",
            offerSalaryFen: try FormValue.fen(offerSalary, field: "offerSalaryFen"), offerNote: offerNote ?? "",
            version: version.flatMap { Int($0) })
    }

    struct Context: Encodable {
        var layout: Layout
        var form: TrainingForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var kinds: [SelectOption]
        var units: [SelectOption]
        var colleges: [SelectOption]
        var employers: [SelectOption]
        var partnerships: [SelectOption]
        var trades: [SelectOption]
    }

    static func render(_ req: Request, form: TrainingForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let page = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "training.new" : "training.edit"), form: form, id: id?.uuidString,
            once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            kinds: Pages.enumOptions(TrainingKind.self, prefix: "trainingKind", selected: form.kind, request: req),
            units: Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
            colleges: try await PageOptions.organizations([.college], scope: context.scope, selected: form.collegeId, on: req.db),
            employers: try await PageOptions.organizations(
                [.employer, .cooperative], scope: context.scope, selected: form.employerId, on: req.db),
            partnerships: try await PageOptions.partnerships(scope: context.scope, selected: form.partnershipId, on: req.db),
            trades: PageOptions.trades(selected: form.trade))
        return try await Pages.render("training/form", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
