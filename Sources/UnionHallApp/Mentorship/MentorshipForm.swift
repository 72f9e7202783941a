import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The agreement's terms as typed. The mentor and apprentice are named by their resident ID
/// numbers, as on the paper agreement; opened from a member's page, the mentor is filled in.
struct MentorshipForm: RecordForm {
    var mentorId: String?
    var mentorIdNumber: String?
    var apprenticeId: String?
    var apprenticeIdNumber: String?
    var startDate: String?
    var endDate: String?
    var goals: String?
    var milestones: String?
    var version: String?
    var _once: String?

    init(_ agreement: MentorshipAgreement?) {
        mentorId = agreement?.mentorID.uuidString
        apprenticeId = agreement?.apprenticeID.uuidString
        startDate = agreement?.startDate
        endDate = agreement?.endDate
        goals = agreement?.goals
        milestones = agreement?.milestones
        version = agreement.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> MentorshipForm {
        var form = MentorshipForm(nil)
        form.mentorId = try? request.query.get(String.self, at: "mentorId")
        form.apprenticeId = try? request.query.get(String.self, at: "apprenticeId")
        form.startDate = request.today.description
        form.endDate = request.today.adding(days: 365).description
        return form
    }

    private static func member(id: String?, idNumber: String?, field: String, on request: Request) async throws -> UUID? {
        if let number = idNumber?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            return try await MemberLookup.byIDNumber(number, field: field, on: request)
        }
        return try FormValue.uuid(id, field: field)
    }

    func input(editing existing: MentorshipAgreement?, on request: Request) async throws -> MentorshipInput {
        MentorshipInput(
            mentorId: try await Self.member(id: mentorId, idNumber: mentorIdNumber, field: "mentorId", on: request),
            apprenticeId: try await Self.member(id: apprenticeId, idNumber: apprenticeIdNumber, field: "apprenticeId", on: request),
            startDate: startDate ?? "", endDate: endDate ?? "", goals: goals ?? "", milestones: milestones ?? "",
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: MentorshipForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let ids = [form.mentorId, form.apprenticeId].compactMap { $0.flatMap(UUID.init(uuidString:)) }
        let names = try await MentorshipService.memberNames(ids, on: req.db)
        let mentorName = form.mentorId.flatMap(UUID.init(uuidString:)).flatMap { names[$0] }
        let apprenticeName = form.apprenticeId.flatMap(UUID.init(uuidString:)).flatMap { names[$0] }
        let fields = FormFields(req, error: error)
        func person(_ name: String, _ label: String, value: String?, known: String?) -> FormField {
            fields.input(
                "\(name)IdNumber", label, value, required: true, note: known, errors: ["\(name)Id"],
                [
                    "maxlength": "18", "class": "mono", "autocomplete": "off",
                    "placeholder": req.t(known == nil ? "mentorship.byID" : "mentorship.changeByID"),
                ])
        }
        return try await fields.page(
            titleKey: id == nil ? "mentorship.new" : "mentorship.edit", path: "/mentorship-agreements", id: id, version: form.version,
            once: form._once,
            hidden: ["mentorId": mentorName == nil ? nil : form.mentorId, "apprenticeId": apprenticeName == nil ? nil : form.apprenticeId],
            fields: [
                person("mentor", "mentorship.mentor", value: form.mentorIdNumber, known: mentorName),
                person("apprentice", "mentorship.apprentice", value: form.apprenticeIdNumber, known: apprenticeName),
                fields.input("startDate", "mentorship.startDate", form.startDate, type: "date", required: true),
                fields.input("endDate", "mentorship.endDate", form.endDate, type: "date", required: true),
                fields.textarea("goals", "mentorship.goals", form.goals, required: true, ["rows": "3", "maxlength": "2000"]),
                fields.textarea("milestones", "mentorship.milestones", form.milestones, ["rows": "3", "maxlength": "2000"]),
            ])
    }
}
