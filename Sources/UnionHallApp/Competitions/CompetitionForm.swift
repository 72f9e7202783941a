import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

struct CompetitionForm: RecordForm {
    var unitId: String?
    var name: String?
    var year: String?
    var organizer: String?
    var level: String?
    var version: String?
    var _once: String?

    init(_ row: Competition?) {
        unitId = row?.unitID.uuidString
        name = row?.name
        year = row.map { String($0.year) }
        organizer = row?.organizer
        level = row?.level.rawValue
        version = row.map { String($0.version) }
    }

    static func blank(for request: Request, context: WriteContext) -> CompetitionForm {
        var form = CompetitionForm(nil)
        form.unitId = context.user.unitID?.uuidString
        form.year = String(request.today.year)
        form.level = HonorLevel.city.rawValue
        return form
    }

    func input(editing existing: Competition?, on request: Request) async throws -> CompetitionInput {
        guard let year = Int(year?.trimmingCharacters(in: .whitespaces) ?? "") else { throw AppError.invalid("year", "error.required") }
        return CompetitionInput(
            unitId: try FormValue.uuid(unitId, field: "unitId"), name: name ?? "", year: year, organizer: organizer ?? "",
            level: level.flatMap(HonorLevel.init(rawValue:)), version: version.flatMap { Int($0) })
    }

    static func render(_ req: Request, form: CompetitionForm, id: UUID?, context: WriteContext, error: AppError?) async throws -> Response {
        let fields = FormFields(req, error: error)
        return try await fields.page(
            titleKey: id == nil ? "competition.new" : "competition.edit", path: "/competitions", id: id, version: form.version,
            once: form._once,
            fields: [
                fields.input("name", "field.name", form.name, required: true, ["maxlength": "200"]),
                fields.input("year", "competition.year", form.year, required: true, ["inputmode": "numeric", "maxlength": "4"]),
                fields.input(
                    "organizer", "competition.organizer", form.organizer, required: true, hint: "competition.organizerHint",
                    ["maxlength": "200"]),
                fields.select("level", "career.level", PageOptions.levels(selected: form.level, request: req)),
                fields.select(
                    "unitId", "field.unitId",
                    Pages.unitOptions(context.scope, selected: form.unitId.flatMap(UUID.init(uuidString:)), request: req)),
            ])
    }
}

/// An event as typed on the competition's page: the items one per line, `名称,满分,测量|评判`.
struct EventForm: Content {
    var trade: String?
    var kind: String?
    var theoryWeight: String?
    var practicalWeight: String?
    var items: String?
    var expertCount: String?
    var pacesetterCount: String?
    var outstandingCount: String?
    var minimumTotal: String?
    var firstPrizes: String?
    var secondPrizes: String?
    var thirdPrizes: String?

    func input() throws -> EventInput {
        func number(_ text: String?, _ field: String) throws -> Int? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text) else { throw AppError.invalid(field, "error.invalid") }
            return value
        }
        var lines: [ItemInput] = []
        for line in (items ?? "").split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = line.split(whereSeparator: { ",，\t".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, let maximum = CompetitionScoring.parseMarks(parts[1]) else {
                throw AppError.invalid("items", "error.competition.itemLine", [String(line)])
            }
            let kind: ItemKind = parts.count > 2 && ["测量", "measurement"].contains(parts[2]) ? .measurement : .judgement
            lines.append(ItemInput(name: parts[0], maximum: maximum, kind: kind))
        }
        var minimum: Int?
        if let text = minimumTotal?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = CompetitionScoring.parseMarks(text) else { throw AppError.invalid("minimumTotal", "error.invalid") }
            minimum = value
        }
        return EventInput(
            trade: trade ?? "", kind: kind.flatMap(EventKind.init(rawValue:)), theoryWeight: try number(theoryWeight, "theoryWeight"),
            practicalWeight: try number(practicalWeight, "practicalWeight"), items: lines,
            expertCount: try number(expertCount, "expertCount"),
            pacesetterCount: try number(pacesetterCount, "pacesetterCount"),
            outstandingCount: try number(outstandingCount, "outstandingCount"),
            minimumTotal: minimum, firstPrizes: try number(firstPrizes, "firstPrizes"),
            secondPrizes: try number(secondPrizes, "secondPrizes"),
            thirdPrizes: try number(thirdPrizes, "thirdPrizes"))
    }
}
