import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A sign-in sheet (xlsx or CSV, UTF-8 or GBK) for a programme: one row per person per session
/// date. Every row is checked first; one bad row and nothing is written, and the report names
/// each bad row and column. People already signed in for a session are not counted twice.
enum AttendanceImport {
    enum Column: String, ImportColumn {
        case date, idNumber, name

        var header: String {
            switch self {
            case .date: "日期"
            case .idNumber: "身份证号"
            case .name: "姓名"
            }
        }

        var isRequired: Bool { self != .name }
    }

    /// Walks the sheet twice, like the innovation import: the people it names, then each row.
    static func run(
        _ source: SpreadsheetSource, program: TrainingProgram, context: WriteContext, localize: @escaping (String, [String]) -> String
    ) async throws -> Int {
        var check = ImportCheck<Column>(localize: localize)
        try check.checkHeader(source.header)
        let db = context.app.db
        let programID = try program.requireID()
        let sessions = Dictionary(
            try await TrainingSession.query(on: db).filter(\.$programID == programID).all().map { ($0.date, $0) },
            uniquingKeysWith: { first, _ in first })
        // Reading and checking the rows is CPU work: on the thread pool, off the event loop.
        let named = try await Offload.blocking(context.app) { [check] in
            var named: [String] = []
            try source.forEachRow { _, row in named.append(check.cell(row, .idNumber)) }
            return named
        }
        try check.requireRows(named.count)
        let members = try await ImportUpload.members(idNumbers: named, on: db)
        var rows: [(session: UUID, member: UUID)] = []
        var seen: Set<String> = []
        try await Offload.blocking(context.app) {
            try source.forEachRow { index, row in
                let number = index + 2
                var session: TrainingSession?
                let dateText = check.cell(row, .date).trimmingCharacters(in: .whitespaces)
                if let date = SpreadsheetDate.parse(dateText) {
                    if let start = CivilDate(program.startDate), let end = CivilDate(program.endDate),
                        let issue = TrainingRules.checkSessionDate(date, start: start, end: end)
                    {
                        check.fail(number, .date, issue.key, issue.arguments)
                    } else if let found = sessions[date.description] {
                        session = found
                    } else {
                        check.fail(number, .date, "error.training.noSession", [date.description])
                    }
                } else {
                    check.fail(number, .date, dateText.isEmpty ? "error.required" : "error.date.invalid")
                }
                var member: ImportUpload.MemberRef?
                switch IDNumber.parse(check.cell(row, .idNumber)) {
                case .success(let id):
                    if let found = members[id.value], context.scope.contains(found.unitID) {
                        member = found
                        let name = check.cell(row, .name).trimmingCharacters(in: .whitespaces)
                        if !name.isEmpty, SearchKey.simplify(name) != found.nameKey {
                            check.fail(number, .name, "error.training.nameMismatch", [Masking.idNumber(id.value)])
                        }
                    } else {
                        check.fail(number, .idNumber, "error.import.memberNotHeld", [Masking.idNumber(id.value)])
                    }
                case .failure(let problem):
                    check.fail(number, .idNumber, "error.idNumber.\(problem.rawValue)")
                }
                guard let session, let sessionID = session.id, let memberID = member?.id else { return }
                guard seen.insert("\(sessionID)|\(memberID)").inserted else {
                    check.fail(number, .idNumber, "error.training.listedTwice")
                    return
                }
                rows.append((sessionID, memberID))
            }
        }
        try check.throwIfFailed()
        let editor = context.editor
        let found = rows
        return try await context.app.write { db in
            let ids = Array(Set(found.map(\.session)))
            let present = Set(
                try await TrainingAttendance.query(on: db).filter(\.$sessionID ~~ ids).all().map { "\($0.sessionID)|\($0.memberID)" })
            let new = found.filter { !present.contains("\($0.session)|\($0.member)") }
            try await BulkInsert.rows(
                into: TrainingAttendance.schema, columns: ["id", "session_id", "program_id", "member_id"],
                new.lazy.map { [UUID(), $0.session, programID, $0.member] }, on: db)
            var bySession: [UUID: Int] = [:]
            for row in new { bySession[row.session, default: 0] += 1 }
            for (session, count) in bySession {
                try await Counters.add(Int64(count), to: "named_count", of: TrainingSession.schema, id: session, on: db)
            }
            try await Audit.record(.update, program, before: nil, after: ["attendance": String(new.count)], by: editor, on: db)
            return new.count
        }
    }

    static func template(_ request: Request, program: TrainingProgram) throws -> Response {
        let format = try request.query.decode(ListExport.Options.self).format ?? .xlsx
        return try SpreadsheetWriter.download(
            format, name: "attendance-template", header: Column.allCases.map(\.header),
            rows: [
                [program.startDate, "620102198001011234", "张三"]
            ])
    }
}
