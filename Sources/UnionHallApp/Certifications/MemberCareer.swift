import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// What an officer records on a skilled member beyond their certifications: political
/// participation (roles, Party activist and joining dates) and results at outside contests.
/// Officers only; every change is audited.
enum MemberCareer {
    static func participation(of member: Member, on db: any Database) async throws -> [ParticipationOutput] {
        try await Participation.query(on: db).filter(\.$memberID == member.requireID()).sort(\.$date).all().map { row in
            ParticipationOutput(
                id: try row.requireID(), memberId: row.memberID, kind: row.kind, level: row.level, date: row.date, note: row.note)
        }
    }

    static func addParticipation(_ input: ParticipationInput, to member: Member, context: WriteContext) async throws -> Participation {
        guard let kind = input.kind else { throw AppError.invalid("kind", "error.required") }
        if kind.isRole, input.level == nil { throw AppError.invalid("level", "error.required") }
        let row = Participation()
        row.memberID = try member.requireID()
        row.unitID = member.unitID
        row.kind = kind
        row.level = kind.isRole ? input.level : nil
        row.date = try Held.date(input.date, field: "date").description
        row.note = try Held.text(input.note, field: "note", required: false, max: 200)
        let editor = context.editor
        try await context.app.write { db in
            if !kind.isRole, try await Participation.query(on: db).filter(\.$memberID == row.memberID).filter(\.$kind == kind).count() > 0 {
                throw AppError.conflict("kind", "error.participation.twice")
            }
            try await row.create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
        }
        return row
    }

    static func removeParticipation(_ id: UUID, of member: Member, context: WriteContext) async throws {
        let memberID = try member.requireID()
        try await context.deleteAudited(Participation.self) { $0.filter(\.$id == id).filter(\.$memberID == memberID) }
    }

    static func externalResults(of member: Member, on db: any Database) async throws -> [ExternalResultOutput] {
        try await ExternalResult.query(on: db).filter(\.$memberID == member.requireID()).sort(\.$year, .descending).all().map(output)
    }

    static func output(_ row: ExternalResult) throws -> ExternalResultOutput {
        ExternalResultOutput(
            id: try row.requireID(), memberId: row.memberID, contest: row.contest, level: row.level, year: row.year, placing: row.placing,
            award: row.award)
    }

    static func addExternalResult(_ input: ExternalResultInput, to member: Member, context: WriteContext) async throws -> ExternalResult {
        let row = ExternalResult()
        row.memberID = try member.requireID()
        row.unitID = member.unitID
        row.contest = try Held.text(input.contest, field: "contest")
        guard let level = input.level else { throw AppError.invalid("level", "error.required") }
        row.level = level
        guard let year = input.year else { throw AppError.invalid("year", "error.required") }
        guard (1949...CivilDate(context.editor.at).year).contains(year) else { throw AppError.invalid("year", "error.honor.year") }
        row.year = year
        guard let placing = input.placing else { throw AppError.invalid("placing", "error.required") }
        guard (1...10_000).contains(placing) else { throw AppError.invalid("placing", "error.range", ["1", "10000"]) }
        row.placing = placing
        row.award = try Held.text(input.award, field: "award", required: false, max: 100)
        let editor = context.editor
        try await context.app.write { db in
            try await row.create(on: db)
            try await Audit.record(.create, row, by: editor, on: db)
        }
        return row
    }
}

/// `/api/v1/members/{id}/participation` and `/api/v1/members/{id}/external-results`, and the talent figures.
struct MemberCareerAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("certifications", "statistics") { req async throws -> TalentStatistics in
            let (_, scope) = try await req.requireManager()
            return try await TalentRegister.compute(scope: scope, list: try req.query.decode(PeriodQuery.self).list, on: req.db)
        }
        let member = routes.grouped("members", ":id")
        member.get("participation") { req async throws -> [ParticipationOutput] in
            try await MemberCareer.participation(of: try await Self.member(req).member, on: req.db)
        }
        member.post("participation") { req async throws -> Response in
            let (member, context) = try await Self.member(req)
            _ = try await MemberCareer.addParticipation(try req.content.decode(ParticipationInput.self), to: member, context: context)
            return try await MemberCareer.participation(of: member, on: req.db).encodeResponse(status: .created, for: req)
        }
        member.delete("participation", ":entryId") { req async throws -> HTTPStatus in
            let (member, context) = try await Self.member(req)
            try await MemberCareer.removeParticipation(try req.parameters.require("entryId"), of: member, context: context)
            return .noContent
        }
        member.get("external-results") { req async throws -> [ExternalResultOutput] in
            try await MemberCareer.externalResults(of: try await Self.member(req).member, on: req.db)
        }
        member.post("external-results") { req async throws -> Response in
            let (member, context) = try await Self.member(req)
            let row = try await MemberCareer.addExternalResult(
                try req.content.decode(ExternalResultInput.self), to: member, context: context)
            return try await MemberCareer.output(row).encodeResponse(status: .created, for: req)
        }
    }

    static func member(_ req: Request) async throws -> (member: Member, context: WriteContext) {
        let context = try await req.writeContext()
        guard let member = try await Member.find(try req.parameters.require("id"), on: req.db), member.deletedAt == nil else {
            throw AppError.notFound
        }
        try context.scope.check(member.unitID)
        return (member, context)
    }
}

/// The skills section of a member's page (officers): certifications, political participation and
/// outside results, with the forms to add them.
struct CareerSection: Encodable {
    struct Line: Encodable {
        var id: String
        var text: String
    }

    var certifications: [Line]
    var participation: [Line]
    var externalResults: [Line]
    var kinds: [SelectOption]
    var levels: [SelectOption]
    var error: String?
    var today: String

    static func make(_ member: Member, request req: Request) async throws -> CareerSection {
        let memberID = try member.requireID()
        let certifications = try await Certification.query(on: req.db).filter(\.$memberID == memberID).filter(\.$deletedAt == nil).sort(
            \.$date, .descending
        ).all()
        return CareerSection(
            certifications: try certifications.map {
                Line(
                    id: try $0.requireID().uuidString,
                    text: "\($0.date) \($0.trade) \(req.t("skill.\($0.level)")) · \($0.certificateNumber)")
            },
            participation: try await MemberCareer.participation(of: member, on: req.db).map {
                Line(
                    id: $0.id.uuidString,
                    text: "\($0.date) \(req.t("participationKind.\($0.kind.rawValue)"))"
                        + ($0.level.map { " · " + req.t("honorLevel.\($0.rawValue)") } ?? "") + ($0.note.isEmpty ? "" : " · \($0.note)"))
            },
            externalResults: try await MemberCareer.externalResults(of: member, on: req.db).map {
                Line(
                    id: $0.id.uuidString,
                    text:
                        "\($0.year) \($0.contest) · \(req.name(of: $0.level)) · \(req.t("career.placing", [String($0.placing)]))"
                        + ($0.award.isEmpty ? "" : " · \($0.award)"))
            },
            kinds: Pages.enumOptions(ParticipationKind.self, prefix: "participationKind", selected: nil, request: req),
            levels: PageOptions.levels(selected: nil, request: req),
            error: try? req.query.get(String.self, at: "careerError"), today: req.today.description)
    }
}
