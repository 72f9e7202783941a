import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A programme's sessions and who attended them. Person-times are the named attendance plus the
/// head count of each session; both are kept on the session row and summed for the figures.
enum TrainingAttendanceService {
    static func sessions(of program: TrainingProgram, on db: any Database) async throws -> [TrainingSessionOutput] {
        try await TrainingSession.query(on: db).filter(\.$programID == program.requireID()).sort(\.$date).sort(\.$id).all().map(output)
    }

    static func output(_ session: TrainingSession) throws -> TrainingSessionOutput {
        TrainingSessionOutput(
            id: try session.requireID(), programId: session.programID, date: session.date, place: session.place, trainers: session.trainers,
            headCount: session.headCount, namedCount: session.namedCount, personTimes: session.headCount + session.namedCount)
    }

    static func addSession(_ program: TrainingProgram, input: TrainingSessionInput, context: WriteContext) async throws -> TrainingSession {
        let date = try Held.date(input.date, field: "date")
        try checkWithinProgram(date, program)
        let session = TrainingSession()
        session.programID = try program.requireID()
        session.unitID = program.unitID
        session.date = date.description
        session.place = try Held.text(input.place, field: "place")
        session.trainers = try Held.text(input.trainers, field: "trainers", required: false, max: 500)
        let heads = input.headCount ?? 0
        guard heads >= 0 else { throw AppError.invalid("headCount", "error.amount.positive") }
        session.headCount = heads
        session.namedCount = 0
        let editor = context.editor
        try await context.app.write { db in
            try await session.create(on: db)
            try await Audit.record(
                .update, program, before: nil, after: ["session": "\(session.date) \(session.place)"], by: editor, on: db)
        }
        return session
    }

    static func checkWithinProgram(_ date: CivilDate, _ program: TrainingProgram) throws {
        guard let start = CivilDate(program.startDate), let end = CivilDate(program.endDate) else { return }
        if let issue = TrainingRules.checkSessionDate(date, start: start, end: end) { throw AppError.invalid(issue) }
    }

    static func session(_ id: UUID, of program: TrainingProgram, on db: any Database) async throws -> TrainingSession {
        guard let session = try await TrainingSession.find(id, on: db), session.programID == program.id else { throw AppError.notFound }
        return session
    }

    /// Who attended a session, by name.
    static func attendees(of session: TrainingSession, on db: any Database) async throws -> [UUID] {
        try await TrainingAttendance.query(on: db).filter(\.$sessionID == session.requireID()).all(\.$memberID)
    }

    /// Takes a session's attendance: the members named (added to those already there) and, when
    /// given, the head count of those not named.
    static func record(_ input: AttendanceInput, session: TrainingSession, program: TrainingProgram, context: WriteContext) async throws {
        guard let date = CivilDate(session.date) else { throw AppError.invalid("date", "error.date.invalid") }
        try checkWithinProgram(date, program)
        if let heads = input.headCount, heads < 0 { throw AppError.invalid("headCount", "error.amount.positive") }
        var members: [UUID] = []
        for id in input.memberIds ?? [] where !members.contains(id) {
            members.append(try await Held.member(id, field: "memberIds", scope: context.scope, on: context.app.db).requireID())
        }
        let sessionID = try session.requireID()
        let programID = try program.requireID()
        let editor = context.editor
        let named = members
        let added = try await context.app.write { db in
            let present = Set(try await TrainingAttendance.query(on: db).filter(\.$sessionID == sessionID).all(\.$memberID))
            let new = named.filter { !present.contains($0) }
            try await BulkInsert.rows(
                into: TrainingAttendance.schema, columns: ["id", "session_id", "program_id", "member_id"],
                new.map { [UUID(), sessionID, programID, $0] }, on: db)
            try await Counters.add(Int64(new.count), to: "named_count", of: TrainingSession.schema, id: sessionID, on: db)
            if let heads = input.headCount {
                try await TrainingSession.query(on: db).filter(\.$id == sessionID).set(\.$headCount, to: heads).update()
            }
            try await Audit.record(
                .update, program, before: nil,
                after: ["attendance": "\(session.date): +\(new.count)" + (input.headCount.map { ", \($0)" } ?? "")], by: editor, on: db)
            return new.count
        }
        session.namedCount += added
        if let heads = input.headCount { session.headCount = heads }
    }
}
