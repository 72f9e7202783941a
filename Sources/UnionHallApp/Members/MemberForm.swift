import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The member form's fields as typed, so a rejected form comes back exactly as the user left it.
struct MemberForm: RecordForm {
    var name: String?
    var gender: String?
    var idNumber: String?
    var mobile: String?
    var unitId: String?
    var organizationId: String?
    var trade: String?
    var skillLevel: String?
    var professionalTitle: String?
    var post: String?
    var migrant: String?
    var hardship: String?
    var version: String?
    var _once: String?

    init(_ member: Member?) {
        name = member?.name
        gender = member?.gender.rawValue
        // Personal data starts masked in the edit form too; left as it is, it stays unchanged.
        idNumber = member.map { Masking.idNumber($0.idNumber) }
        mobile = member?.mobile.map(Masking.mobile)
        unitId = member?.unitID.uuidString
        organizationId = member?.organizationID?.uuidString
        trade = member?.trade
        skillLevel = member?.skillLevel.map(String.init)
        professionalTitle = member?.title?.rawValue
        post = member?.post
        migrant = member?.migrant == true ? "on" : nil
        hardship = member?.hardship == true ? "on" : nil
        version = member.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> MemberForm {
        var form = MemberForm(nil)
        form.unitId = (try? request.query.get(String.self, at: "unitId")) ?? context.user.unitID?.uuidString
        return form
    }

    /// Converts to the API's input; an unparsable number or ID names its field. Masked values
    /// left as shown mean "unchanged".
    func input(editing existing: Member?, on request: Request) async throws -> MemberInput {
        var level: Int?
        if let skillLevel, !skillLevel.isEmpty {
            guard let parsed = Int(skillLevel) else { throw AppError.invalid("skillLevel", "error.skillLevel.invalid") }
            level = parsed
        }
        var input = MemberInput(
            name: name ?? "", gender: gender.flatMap(Gender.init(rawValue:)), idNumber: idNumber ?? "", mobile: mobile ?? "",
            unitId: try FormValue.uuid(unitId, field: "unitId"), organizationId: try .form(organizationId, field: "organizationId"),
            trade: trade ?? "", skillLevel: level, professionalTitle: professionalTitle.flatMap(ProfessionalTitle.init(rawValue:)),
            post: post ?? "", migrant: migrant != nil, hardship: hardship != nil, version: version.flatMap { Int($0) })
        if let existing {
            if input.idNumber == Masking.idNumber(existing.idNumber) { input.idNumber = nil }
            if let mobile = existing.mobile, input.mobile == Masking.mobile(mobile) { input.mobile = nil }
        }
        return input
    }

    static func render(_ req: Request, form: MemberForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let scope = context.scope
        let organizations = try await scope.apply(to: Organization.query(on: req.db), unitKey: \.$unitID)
            .filter(\.$deletedAt == nil).sort(\.$name).all()
        let fields = FormFields(req, error: error)
        var checks = [(name: "migrant", label: "member.migrant", checked: form.migrant != nil)]
        if context.scope.seesAid { checks.append((name: "hardship", label: "member.hardship", checked: form.hardship != nil)) }
        return try await fields.page(
            titleKey: id == nil ? "members.new" : "members.edit", path: "/members", id: id, version: form.version, once: form._once,
            fields: [
                fields.input("name", "member.name", form.name, required: true, ["maxlength": "30"]),
                fields.input(
                    "idNumber", "field.idNumber", form.idNumber, required: true, hint: "member.idHint",
                    ["maxlength": "18", "autocomplete": "off", "class": "mono"]),
                fields.select(
                    "gender", "field.gender", Pages.enumOptions(Gender.self, prefix: "gender", selected: form.gender, request: req),
                    empty: "member.genderFromID"),
                fields.input("mobile", "field.mobile", form.mobile, ["inputmode": "tel", "maxlength": "20", "class": "mono"]),
                fields.select(
                    "unitId", "field.unitId", Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
                    empty: "form.choose", required: true),
                fields.select(
                    "organizationId", "field.organizationId",
                    organizations.compactMap { org in
                        org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == form.organizationId) }
                    }, empty: "form.none"),
                fields.select(
                    "trade", "field.trade", try await TradeBook.load(on: req.db).options(selected: form.trade),
                    empty: "form.none"),
                fields.select(
                    "skillLevel", "field.skillLevel",
                    MemberPages.skillOptions(selected: form.skillLevel.flatMap { Int($0) }, request: req), empty: "form.none"),
                fields.select(
                    "professionalTitle", "field.professionalTitle",
                    Pages.enumOptions(ProfessionalTitle.self, prefix: "professionalTitle", selected: form.professionalTitle, request: req),
                    empty: "form.none"),
                fields.input("post", "field.post", form.post, hint: "members.postHint", ["maxlength": "30"]),
                fields.checks("migrant", nil, checks),
            ])
    }
}
