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

    struct Context: Encodable {
        var layout: Layout
        var form: DisputeForm
        var id: String?
        var once: String
        var error: FormError?
        var conflict: Bool
        var channels: [SelectOption]
        var types: [SelectOption]
        var units: [SelectOption]
        var employers: [SelectOption]
        var courts: [SelectOption]
    }

    static func render(_ req: Request, form: DisputeForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let page = Context(
            layout: Pages.layout(req, titleKey: id == nil ? "dispute.new" : "dispute.edit"), form: form, id: id?.uuidString,
            once: form._once ?? Pages.once(),
            error: error.map { Pages.formError($0, on: req) }, conflict: error?.isVersionConflict == true,
            channels: Pages.enumOptions(DisputeChannel.self, prefix: "disputeChannel", selected: form.channel, request: req),
            types: Pages.enumOptions(DisputeType.self, prefix: "disputeType", selected: form.type, request: req),
            units: Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req),
            employers: try await PageOptions.organizations(
                [.employer, .cooperative, .other], scope: context.scope, selected: form.employerId, on: req.db),
            courts: try await PageOptions.organizations([.court], scope: context.scope.widenedToRoot, selected: form.courtId, on: req.db))
        return try await Pages.render("disputes/form", page, status: error.map { $0.status } ?? .ok, on: req)
    }
}
