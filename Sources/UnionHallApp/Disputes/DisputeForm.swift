import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A case as typed at intake. Claimants one per line: `姓名,身份证号,手机号[,农民工]`, or a
/// member's ID number alone.
struct DisputeForm: RecordForm {
    var unitId: String?
    var channel: String?
    var type: String?
    var employerId: String?
    var employerName: String?
    var summary: String?
    var claimed: String?
    var acceptedDate: String?
    var courtId: String?
    var courtCaseNumber: String?
    var claimants: String?
    var version: String?
    var _once: String?

    init(_ row: DisputeCase?) {
        unitId = row?.unitID.uuidString
        channel = row?.channel.rawValue
        type = row?.type.rawValue
        employerId = row?.employerID?.uuidString
        employerName = row?.employerName
        summary = row?.summary
        claimed = row.map { Fen($0.claimedFen).plainYuan }
        acceptedDate = row?.acceptedDate
        courtId = row?.courtID?.uuidString
        courtCaseNumber = row?.courtCaseNumber
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> DisputeForm {
        var form = DisputeForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.channel = DisputeChannel.walkIn.rawValue
        form.type = DisputeType.wageArrears.rawValue
        form.acceptedDate = request.today.description
        return form
    }

    func input(editing existing: DisputeCase?, on request: Request) async throws -> DisputeInput {
        var people: [ClaimantInput] = []
        if existing == nil {
            for line in (claimants ?? "").split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let parts = line.split(whereSeparator: { ",，\t".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 1 {
                    people.append(ClaimantInput(memberId: try await MemberLookup.byIDNumber(parts[0], field: "claimants", on: request)))
                } else {
                    people.append(
                        ClaimantInput(
                            name: parts[0], idNumber: parts[1], mobile: parts.count > 2 ? parts[2] : nil,
                            migrant: parts.count > 3 && ["农民工", "migrant", "是"].contains(parts[3])))
                }
            }
        }
        return DisputeInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), channel: channel.flatMap(DisputeChannel.init(rawValue:)),
            type: type.flatMap(DisputeType.init(rawValue:)),
            employerId: try .form(employerId, field: "employerId"), employerName: employerName ?? "", summary: summary ?? "",
            claimedFen: try FormValue.fen(claimed, field: "claimedFen"), acceptedDate: acceptedDate,
            courtId: try FormValue.uuid(courtId, field: "courtId"),
            courtCaseNumber: courtCaseNumber, claimants: existing == nil ? people : nil, version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: DisputeForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let scope = context.scope
        let fields = FormFields(req, error: error)
        let intake = [
            fields.select(
                "channel", "dispute.channel",
                Pages.enumOptions(DisputeChannel.self, prefix: "disputeChannel", selected: form.channel, request: req), required: true),
            fields.select(
                "courtId", "dispute.court",
                try await PageOptions.organizations([.court], scope: scope.widenedToRoot, selected: form.courtId, on: req.db),
                empty: "form.none", hint: "dispute.courtHint"),
            fields.input("courtCaseNumber", "dispute.courtCaseNumber", form.courtCaseNumber, ["maxlength": "50"]),
            fields.input("acceptedDate", "dispute.accepted", form.acceptedDate, type: "date", required: true),
            fields.select(
                "unitId", "field.unitId", Pages.unitOptions(scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
            fields.textarea(
                "claimants", "dispute.claimants", form.claimants, required: true, hint: "dispute.claimantsHint",
                ["rows": "3", "placeholder": req.t("dispute.claimantsPlaceholder")]),
        ]
        return try await fields.page(
            titleKey: id == nil ? "dispute.new" : "dispute.edit", path: "/dispute-cases", id: id, version: form.version,
            once: form._once, hidden: ["channel": id == nil ? nil : form.channel],
            fields: (id == nil ? intake : []) + [
                fields.select(
                    "type", "dispute.type", Pages.enumOptions(DisputeType.self, prefix: "disputeType", selected: form.type, request: req),
                    required: true),
                fields.select(
                    "employerId", "dispute.employer",
                    try await PageOptions.organizations(
                        [.employer, .cooperative, .other], scope: scope, selected: form.employerId, on: req.db),
                    empty: "dispute.employerNotListed"),
                fields.input("employerName", "dispute.employerName", form.employerName, ["maxlength": "200"]),
                fields.input(
                    "claimed", "dispute.claimedYuan", form.claimed, required: true, errors: ["claimedFen"],
                    ["inputmode": "decimal", "maxlength": "15"]),
                fields.textarea("summary", "dispute.summary", form.summary, required: true, ["rows": "4", "maxlength": "2000"]),
            ])
    }
}
