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

    static func render(_ req: Request, form: TrainingForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let scope = context.scope
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "training.new" : "training.edit", path: "/training-programs", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.select(
                    "kind", "training.kind",
                    Pages.enumOptions(TrainingKind.self, prefix: "trainingKind", selected: form.kind, request: req),
                    required: true, hint: "training.kindHint"),
                fields.input("title", "training.programTitle", form.title, required: true, ["maxlength": "200"]),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
                fields.select(
                    "trade", "field.trade", try await TradeBook.load(on: req.db).options(selected: form.trade), empty: "form.choose"),
                fields.select(
                    "collegeId", "training.college",
                    try await PageOptions.organizations([.college], scope: scope, selected: form.collegeId, on: req.db),
                    empty: "form.none"),
                fields.select(
                    "employerId", "training.employer",
                    try await PageOptions.organizations([.employer, .cooperative], scope: scope, selected: form.employerId, on: req.db),
                    empty: "form.none"),
                fields.select(
                    "partnershipId", "partnership.one",
                    try await PageOptions.partnerships(scope: scope, selected: form.partnershipId, on: req.db), empty: "form.none"),
                fields.input("places", "training.placesTotal", form.places, required: true, ["inputmode": "numeric", "maxlength": "6"]),
                fields.input("startDate", "training.startDate", form.startDate, type: "date", required: true),
                fields.input("endDate", "training.endDate", form.endDate, type: "date", required: true),
                fields.input(
                    "offerSalary", "training.offerSalary", form.offerSalary, errors: ["offerSalaryFen"],
                    ["inputmode": "decimal", "maxlength": "15"]),
                fields.input("offerNote", "training.offerNote", form.offerNote, ["maxlength": "500"]),
            ])
    }
}
