import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Training programmes: their terms, and the module's figures. Sessions, places and attendance
/// are in `TrainingPlaces` and `TrainingAttendanceService`.
enum TrainingService: RecordService {
    static let sortKeys = ["startDate", "title", "createdAt"]

    static func list(_ list: ListQuery, filter: TrainingFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        TrainingProgramOutput
    > {
        let query = try base(list, filter: filter, scope: scope, on: db)
        let direction: (Bool) -> DatabaseQuery.Sort.Direction = { $0 ? .descending : .ascending }
        switch list.sortKey(allowed: sortKeys) {
        case ("title", let descending)?: query.sort(\.$title, direction(descending))
        case ("createdAt", let descending)?: query.sort(\.$createdAt, direction(descending))
        case (_, let descending)?: query.sort(\.$startDate, direction(descending))
        case nil: query.sort(\.$startDate, .descending)
        }
        query.sort(\.$id)
        let total = try await query.copy().count()
        let rows = try await query.range(list.rowRange).all()
        return ListPage(items: try await outputs(rows, on: db), list: list, total: total)
    }

    /// Programmes that run during the period (they overlap it), in scope, filtered.
    static func base(_ list: ListQuery, filter: TrainingFilter, scope: UnitScope, on db: any Database) throws -> QueryBuilder<
        TrainingProgram
    > {
        let query = try scope.apply(to: TrainingProgram.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let college = filter.collegeId { query.filter(\.$collegeID == college) }
        if let employer = filter.employerId { query.filter(\.$employerID == employer) }
        if let partnership = filter.partnershipId { query.filter(\.$partnershipID == partnership) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty { query.filter(\.$title ~~ q) }
        let (from, to) = try list.datePeriod()
        if let from { query.filter(\.$endDate >= from) }
        if let to { query.filter(\.$startDate <= to) }
        return query
    }

    static func outputs(_ programs: [TrainingProgram], on db: any Database) async throws -> [TrainingProgramOutput] {
        let ids = programs.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        var waiting: [UUID: Int] = [:]
        for row in try await TrainingEnrolment.query(on: db).filter(\.$programID ~~ ids).filter(\.$status == .waiting).all(\.$programID) {
            waiting[row, default: 0] += 1
        }
        var sessions: [UUID: (Int, Int)] = [:]
        for session in try await TrainingSession.query(on: db).filter(\.$programID ~~ ids).all() {
            let current = sessions[session.programID] ?? (0, 0)
            sessions[session.programID] = (current.0 + 1, current.1 + session.headCount + session.namedCount)
        }
        return try programs.map { program in
            let id = try program.requireID()
            return TrainingProgramOutput(
                id: id, unitId: program.unitID, kind: program.kind, title: program.title, trade: program.trade,
                collegeId: program.collegeID,
                employerId: program.employerID, partnershipId: program.partnershipID, studioId: program.studioID, places: program.places,
                startDate: program.startDate, endDate: program.endDate, offerSalaryFen: program.offerSalaryFen,
                offerNote: program.offerNote,
                enrolled: program.enrolledCount, waiting: waiting[id] ?? 0, sessions: sessions[id]?.0 ?? 0,
                personTimes: sessions[id]?.1 ?? 0,
                version: program.version, createdAt: program.createdAt, updatedAt: program.updatedAt, deletedAt: program.deletedAt)
        }
    }

    static func create(_ input: TrainingProgramInput, context: WriteContext, once: FormOnce?) async throws -> TrainingProgram {
        let program = TrainingProgram()
        program.enrolledCount = 0
        program.version = 1
        try await apply(input, to: program, context: context)
        try await context.save(program, version: nil, before: nil, once: once)
        return program
    }

    static func update(_ program: TrainingProgram, with input: TrainingProgramInput, context: WriteContext) async throws {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let before = program.auditSnapshot()
        try await apply(input, to: program, context: context)
        // Places cannot drop below those already enrolled: nobody loses a place they were given.
        guard program.places >= program.enrolledCount else {
            throw AppError.invalid("places", "error.training.placesBelowEnrolled", [String(program.enrolledCount)])
        }
        let sessions = try await TrainingSession.query(on: context.app.db).filter(\.$programID == program.requireID()).all(\.$date)
        if let outside = sessions.first(where: { $0 < program.startDate || $0 > program.endDate }) {
            throw AppError.invalid(outside < program.startDate ? "startDate" : "endDate", "error.training.sessionOutside", [outside])
        }
        try await context.save(program, version: version, before: before, once: nil)
    }

    private static func apply(_ input: TrainingProgramInput, to program: TrainingProgram, context: WriteContext) async throws {
        let db = context.app.db
        let isNew = program.id == nil
        guard let kind = input.kind ?? (isNew ? nil : program.kind) else { throw AppError.invalid("kind", "error.required") }
        let title = try Held.text(input.title ?? (isNew ? nil : program.title), field: "title")
        let trade = try Held.text(input.trade ?? (isNew ? nil : program.trade), field: "trade", required: false, max: 50)
        let places = input.places ?? (isNew ? nil : program.places)
        guard let places else { throw AppError.invalid("places", "error.required") }
        guard (1...TrainingRules.maxPlaces).contains(places) else {
            throw AppError.invalid("places", "error.range", ["1", String(TrainingRules.maxPlaces)])
        }
        let startText = input.startDate ?? (isNew ? nil : program.startDate)
        let endText = input.endDate ?? (isNew ? nil : program.endDate)
        let start = try startText.map { try Held.date($0, field: "startDate") }
        let end = try endText.map { try Held.date($0, field: "endDate") }
        if let issue = TrainingRules.checkDates(start: start, end: end) { throw AppError.invalid(issue) }
        let collegeID = input.collegeId.applied(to: program.collegeID)
        let employerID = input.employerId.applied(to: program.employerID)
        if let collegeID {
            let college = try await Held.organization(collegeID, field: "collegeId", scope: context.scope, on: db)
            guard college.kind == .college else { throw AppError.invalid("collegeId", "error.training.notCollege") }
        }
        if let employerID {
            let employer = try await Held.organization(employerID, field: "employerId", scope: context.scope, on: db)
            guard employer.kind == .employer || employer.kind == .cooperative else {
                throw AppError.invalid("employerId", "error.training.notEmployer")
            }
        }
        if kind.needsCollegeAndEmployer {
            if collegeID == nil { throw AppError.invalid("collegeId", "error.required") }
            if employerID == nil { throw AppError.invalid("employerId", "error.required") }
        }
        if kind == .onSiteOrder, employerID == nil { throw AppError.invalid("employerId", "error.required") }
        let partnershipID = input.partnershipId.applied(to: program.partnershipID)
        if let partnershipID {
            guard let partnership = try await Partnership.find(partnershipID, on: db), partnership.deletedAt == nil,
                context.scope.contains(partnership.unitID)
            else {
                throw AppError.invalid("partnershipId", "error.training.partnershipNotHeld")
            }
            // Only a running partnership takes a new programme.
            if !partnership.status.runsProgrammes, partnershipID != program.partnershipID {
                throw AppError.invalid("partnershipId", "error.training.partnershipNotRunning")
            }
        }
        let studioID = input.studioId.applied(to: program.studioID)
        if let studioID { _ = try await Held.studio(studioID, field: "studioId", scope: context.scope, on: db) }
        let salary = input.offerSalaryFen ?? (isNew ? nil : program.offerSalaryFen)
        if let salary, salary < 0 { throw AppError.invalid("offerSalaryFen", "error.amount.positive") }
        let note = try Held.text(input.offerNote ?? (isNew ? nil : program.offerNote), field: "offerNote", required: false, max: 500)
        program.unitID =
            isNew
            ? try Held.unit(input.unitId, context: context)
            : (try input.unitId.map { try Held.unit($0, context: context) } ?? program.unitID)
        program.kind = kind
        program.title = title
        program.trade = trade.isEmpty ? nil : trade
        program.places = places
        program.startDate = start?.description ?? ""
        program.endDate = end?.description ?? ""
        program.collegeID = collegeID
        program.employerID = employerID
        program.partnershipID = partnershipID
        program.studioID = studioID
        program.offerSalaryFen = salary
        program.offerNote = note.isEmpty ? nil : note
    }

    /// The module's figures for a subtree and period: programmes running in it by kind, and
    /// person-times by kind from the attendance of sessions held in it.
    static func counts(scope: UnitScope, list: ListQuery, on db: any Database) async throws -> TrainingCounts {
        let programs = try base(list, filter: TrainingFilter(), scope: scope, on: db)
        var byKind: [TrainingKind: Int] = [:]
        for kind in try await programs.copy().all(\.$kind) { byKind[kind, default: 0] += 1 }
        let (from, to) = try list.datePeriod()
        let sessions = try scope.apply(to: TrainingSession.query(on: db), unitKey: \.$unitID, within: list.unitId)
            .join(TrainingProgram.self, on: \TrainingSession.$programID == \TrainingProgram.$id).filter(
                TrainingProgram.self, \.$deletedAt == nil)
        if let from { sessions.filter(\.$date >= from) }
        if let to { sessions.filter(\.$date <= to) }
        var personTimes: [TrainingKind: Int] = [:]
        var sessionCount = 0
        for session in try await sessions.all() {
            let kind = try session.joined(TrainingProgram.self).kind
            personTimes[kind] = try personTimes[kind, default: 0].plus(try session.headCount.plus(session.namedCount))
            sessionCount += 1
        }
        let ids = try await programs.copy().all(\.$id)
        var statuses: [EnrolmentStatus: Int] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            for status in try await TrainingEnrolment.query(on: db).filter(\.$programID ~~ chunk).all(\.$status) {
                statuses[status, default: 0] += 1
            }
        }
        let partnerships = try scope.apply(to: Partnership.query(on: db), unitKey: \.$unitID, within: list.unitId)
            .filter(\.$deletedAt == nil)
        if let from { partnerships.filter(\.$signedDate >= from) }
        if let to { partnerships.filter(\.$signedDate <= to) }
        var partnershipKinds: [PartnershipKind: Int] = [:]
        var partnershipStatuses: [PartnershipStatus: Int] = [:]
        for row in try await partnerships.all() {
            partnershipKinds[row.kind, default: 0] += 1
            partnershipStatuses[row.status, default: 0] += 1
        }
        return TrainingCounts(
            programs: TrainingKind.allCases.map { KeyCount(key: $0.rawValue, count: byKind[$0] ?? 0) },
            personTimes: TrainingKind.allCases.map { KeyCount(key: $0.rawValue, count: personTimes[$0] ?? 0) },
            programsTotal: byKind.values.reduce(0, +), personTimesTotal: try personTimes.values.total(), sessions: sessionCount,
            enrolled: statuses[.enrolled] ?? 0, waiting: statuses[.waiting] ?? 0, withdrawn: statuses[.withdrawn] ?? 0,
            partnerships: PartnershipKind.allCases.map { KeyCount(key: $0.rawValue, count: partnershipKinds[$0] ?? 0) },
            partnershipsByStatus: PartnershipStatus.allCases.map { KeyCount(key: $0.rawValue, count: partnershipStatuses[$0] ?? 0) })
    }
}

extension TrainingProgram: ServedRecord {
    typealias Service = TrainingService
    typealias Input = TrainingProgramInput
    typealias Output = TrainingProgramOutput
    typealias Filter = TrainingFilter
    static let routeName = "training-programs"
}
