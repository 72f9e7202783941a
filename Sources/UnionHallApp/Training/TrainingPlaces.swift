import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Places on a programme: enrolling up to its places, a waiting list beyond them that moves up
/// when someone withdraws. The count of places taken moves in SQL, bounded by the places, so two
/// officers enrolling the last place at once give it to one and put the other on the list.
enum TrainingPlaces {
    static func enrolments(of program: TrainingProgram, on db: any Database) async throws -> [EnrolmentOutput] {
        let rows = try await TrainingEnrolment.query(on: db).filter(\.$programID == program.requireID())
            .sort(\.$status).sort(\.$since).sort(\.$id).all()
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        var line = 0
        return try rows.sorted { order($0) < order($1) }.map { row in
            if row.status == .waiting { line += 1 }
            return EnrolmentOutput(
                id: try row.requireID(), programId: row.programID, memberId: row.memberID, memberName: names[row.memberID] ?? "",
                status: row.status, since: row.since, position: row.status == .waiting ? line : nil)
        }
    }

    private static func order(_ row: TrainingEnrolment) -> (Int, Date) {
        ([EnrolmentStatus.enrolled, .waiting, .withdrawn].firstIndex(of: row.status) ?? 3, row.since)
    }

    /// Enrols a member, or puts them on the waiting list when the places are taken.
    static func enrol(_ program: TrainingProgram, memberID: UUID?, context: WriteContext) async throws -> TrainingEnrolment {
        let member = try await Held.member(memberID, field: "memberId", scope: context.scope, on: context.app.db)
        let programID = try program.requireID()
        let memberID = try member.requireID()
        let editor = context.editor
        return try await context.app.write { db in
            if let existing = try await TrainingEnrolment.query(on: db).filter(\.$programID == programID).filter(\.$memberID == memberID)
                .first()
            {
                guard existing.status == .withdrawn else { throw AppError.conflict("memberId", "error.training.enrolledTwice") }
                try await existing.delete(on: db)
            }
            let enrolment = TrainingEnrolment()
            enrolment.programID = programID
            enrolment.memberID = memberID
            enrolment.since = editor.at
            let placed = try await Counters.add(
                1, to: "enrolled_count", within: "places", of: TrainingProgram.schema, id: programID, on: db)
            enrolment.status = placed ? .enrolled : .waiting
            try await enrolment.create(on: db)
            try await Audit.record(
                .update, program, before: nil, after: ["enrolment": "\(member.name): \(enrolment.status.rawValue)"], by: editor, on: db)
            return enrolment
        }
    }

    /// Withdraws someone enrolled or waiting; a place given back goes to the first in line.
    static func withdraw(_ program: TrainingProgram, enrolmentID: UUID, context: WriteContext) async throws {
        let programID = try program.requireID()
        let editor = context.editor
        try await context.app.write { db in
            guard let enrolment = try await TrainingEnrolment.find(enrolmentID, on: db), enrolment.programID == programID else {
                throw AppError.notFound
            }
            guard enrolment.status != .withdrawn else { throw AppError.conflict("status", "error.training.alreadyWithdrawn") }
            let wasEnrolled = enrolment.status == .enrolled
            enrolment.status = .withdrawn
            enrolment.withdrawnAt = editor.at
            try await enrolment.update(on: db)
            var note = "withdrawn"
            if wasEnrolled {
                try await Counters.add(-1, to: "enrolled_count", of: TrainingProgram.schema, id: programID, on: db)
                let waiting = try await TrainingEnrolment.query(on: db).filter(\.$programID == programID).filter(\.$status == .waiting)
                    .all()
                let taken = try await TrainingProgram.find(programID, on: db)?.enrolledCount ?? program.places
                if let next = Enrolment.movesUp(
                    capacity: program.places, enrolled: taken, waiting: waiting.compactMap { row in row.id.map { ($0, row.since) } }),
                    let moving = waiting.first(where: { $0.id == next }),
                    try await Counters.add(1, to: "enrolled_count", within: "places", of: TrainingProgram.schema, id: programID, on: db)
                {
                    moving.status = .enrolled
                    try await moving.update(on: db)
                    note += ", moved up \(moving.memberID)"
                }
            }
            try await Audit.record(
                .update, program, before: ["enrolment": enrolmentID.uuidString], after: ["enrolment": note], by: editor, on: db)
        }
    }
}
