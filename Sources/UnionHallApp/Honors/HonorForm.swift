import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The honor form's fields as typed. A new honor is recorded from its member's page, which
/// passes `?memberId=`; the form names the member it is for.
struct HonorForm: RecordForm {
    var memberId: String?
    var title: String?
    var level: String?
    var year: String?
    var awardingBody: String?
    var version: String?
    var _once: String?

    init(_ honor: Honor?) {
        memberId = honor?.memberID.uuidString
        title = honor?.title.rawValue
        level = honor?.level.rawValue
        year = honor.map { String($0.year) }
        awardingBody = honor?.awardingBody
        version = honor.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> HonorForm {
        var form = HonorForm(nil)
        form.memberId = try? request.query.get(String.self, at: "memberId")
        form.year = String(request.today.year)
        return form
    }

    func input(editing existing: Honor?, on request: Request) async throws -> HonorInput {
        var yearValue: Int?
        if let year, !year.isEmpty {
            guard let parsed = Int(year) else { throw AppError.invalid("year", "error.invalid") }
            yearValue = parsed
        }
        return HonorInput(
            memberId: try FormValue.uuid(memberId, field: "memberId"), title: title.flatMap(HonorTitle.init(rawValue:)),
            level: level.flatMap { $0.isEmpty ? nil : HonorLevel(rawValue: $0) }, year: yearValue, awardingBody: awardingBody ?? "",
            version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: HonorForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        var memberName: String?
        if let memberID = form.memberId.flatMap(UUID.init(uuidString:)),
            let member = try await Member.find(memberID, on: req.db), member.deletedAt == nil, context.scope.contains(member.unitID)
        {
            memberName = member.name
        }
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "honors.new" : "honors.edit", path: "/honors", id: id, version: form.version, once: form._once,
            cancel: id == nil ? "/members/\(form.memberId ?? "")" : nil, notes: memberName.map { [req.t("honors.for", [$0])] } ?? [],
            hidden: ["memberId": form.memberId],
            fields: [
                fields.select(
                    "title", "field.title", Pages.enumOptions(HonorTitle.self, prefix: "honorTitle", selected: form.title, request: req),
                    empty: "form.choose", required: true),
                fields.select(
                    "level", "field.level", Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: form.level, request: req),
                    empty: "honors.levelFromTitle"),
                fields.input("year", "field.year", form.year, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input("awardingBody", "field.awardingBody", form.awardingBody, required: true, ["maxlength": "60"]),
            ],
            missing: memberName == nil
                ? RecordFormPage.Missing(text: req.t("honors.pickMember"), href: "/members", label: req.t("nav.members")) : nil)
    }
}
