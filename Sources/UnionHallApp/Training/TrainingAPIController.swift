import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A programme's parts beyond the shared record routes: sessions, places and the waiting list,
/// attendance and its import, and the module's figures.
struct TrainingAPIController: RouteCollection {
    static let importBodyLimit: ByteCount = "21mb"

    struct Attendee: Content {
        var memberId: UUID
        var name: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let programs = routes.grouped(.constant(TrainingProgram.routeName))
        programs.get("statistics") { req async throws -> TrainingCounts in
            let (_, scope) = try await req.requireManager()
            return try await TrainingService.counts(scope: scope, list: try req.query.decode(PeriodQuery.self).list, on: req.db)
        }
        let program = programs.grouped(":id")
        program.get("sessions") { req async throws -> [TrainingSessionOutput] in
            try await TrainingAttendanceService.sessions(of: try await Self.program(req).program, on: req.db)
        }
        program.post("sessions") { req async throws -> Response in
            let (program, context) = try await Self.program(req)
            let session = try await TrainingAttendanceService.addSession(
                program, input: try req.content.decode(TrainingSessionInput.self), context: context)
            return try await TrainingAttendanceService.output(session).encodeResponse(status: .created, for: req)
        }
        program.get("sessions", ":sessionId", "attendance") { req async throws -> [Attendee] in
            let (program, _) = try await Self.program(req)
            let session = try await TrainingAttendanceService.session(try req.parameters.require("sessionId"), of: program, on: req.db)
            let ids = try await TrainingAttendanceService.attendees(of: session, on: req.db)
            let names = try await MentorshipService.memberNames(ids, on: req.db)
            return ids.map { Attendee(memberId: $0, name: names[$0] ?? "") }.sorted { $0.name < $1.name }
        }
        program.post("sessions", ":sessionId", "attendance") { req async throws -> TrainingSessionOutput in
            let (program, context) = try await Self.program(req)
            let session = try await TrainingAttendanceService.session(try req.parameters.require("sessionId"), of: program, on: req.db)
            try await TrainingAttendanceService.record(
                try req.content.decode(AttendanceInput.self), session: session, program: program, context: context)
            return try TrainingAttendanceService.output(session)
        }
        program.get("enrolments") { req async throws -> [EnrolmentOutput] in
            try await TrainingPlaces.enrolments(of: try await Self.program(req).program, on: req.db)
        }
        program.post("enrolments") { req async throws -> Response in
            let (program, context) = try await Self.program(req)
            let enrolment = try await TrainingPlaces.enrol(
                program, memberID: try req.content.decode(EnrolmentInput.self).memberId, context: context)
            guard let output = try await TrainingPlaces.enrolments(of: program, on: req.db).first(where: { $0.id == enrolment.id }) else {
                throw AppError.notFound
            }
            return try await output.encodeResponse(status: .created, for: req)
        }
        program.post("enrolments", ":enrolmentId", "withdraw") { req async throws -> [EnrolmentOutput] in
            let (program, context) = try await Self.program(req)
            try await TrainingPlaces.withdraw(program, enrolmentID: try req.parameters.require("enrolmentId"), context: context)
            return try await TrainingPlaces.enrolments(of: program, on: req.db)
        }
        program.get("attendance", "template") { req async throws -> Response in
            try AttendanceImport.template(req, program: try await Self.program(req).program)
        }
        program.upload("attendance", "import", maxSize: Self.importBodyLimit) { req async throws -> Response in
            let (program, context) = try await Self.program(req)
            return try await ImportUpload.respond(req) {
                try await AttendanceImport.run(try await ImportUpload.source(req), program: program, context: context) { req.t($0, $1) }
            }
        }
    }

    /// The programme in the officer's scope, and the context to change it.
    static func program(_ req: Request) async throws -> (program: TrainingProgram, context: WriteContext) {
        let context = try await req.writeContext()
        return (try await TrainingProgram.find(try req.parameters.require("id"), scope: context.scope, on: req.db), context)
    }
}
