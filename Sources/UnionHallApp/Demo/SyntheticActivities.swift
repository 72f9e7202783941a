import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// Activity rows at scale for benchmarks (`demo --activities N`): certifications, service events,
/// hazard reports, disputes with their claimants, innovation items, outreach activities and honours,
/// spread over 2019–2025 and the members' own units. Each table is filled by one INSERT … SELECT over
/// the register, so five million rows take seconds, not hours; the figures they add are not the articles'.
struct SyntheticActivities {
    let sql: any SQLDatabase

    /// Each table's share of the rows asked for, in percent.
    static let shares: [(table: String, percent: Int)] = [
        ("certifications", 38), ("service_events", 12), ("hazard_reports", 12), ("dispute_cases", 6), ("dispute_claimants", 6),
        ("innovation_items", 14), ("outreach_activities", 6), ("honors", 6),
    ]

    static func insert(_ total: Int, on db: any SQLDatabase) async throws -> [String: Int] {
        let generator = SyntheticActivities(sql: db)
        let members =
            try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("members")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        guard members > 0 else { return [:] }
        var counts: [String: Int] = [:]
        for share in shares {
            let (rows, overflow) = total.multipliedReportingOverflow(by: share.percent)
            guard !overflow else { throw AppError.invalid("activities", "error.invalid") }
            counts[share.table] = rows / 100
            try await generator.fill(share.table, rows: rows / 100, members: members)
        }
        return counts
    }

    private var postgres: Bool { sql.dialect.name == "postgresql" }

    private var uuid: String {
        postgres
            ? "gen_random_uuid()"
            : "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a'"
                + " || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
    }

    /// A day of 2019–2025 picked by the row number, `plus` days later.
    private func day(plus: Int = 0) -> String {
        postgres
            ? "to_char(date '2019-01-01' + ((s.n % 2556) + \(plus))::int, 'YYYY-MM-DD')"
            : "date('2019-01-01', '+' || ((s.n % 2556) + \(plus)) || ' days')"
    }

    private func pick(_ values: [String], salt: Int = 0) -> String {
        "CASE (s.n + \(salt)) % \(values.count) "
            + values.enumerated().map { "WHEN \($0.offset) THEN '\($0.element)'" }.joined(separator: " ") + " END"
    }

    /// Members repeated as often as `rows` needs, numbered 1… as `s.n`.
    private func source(_ rows: Int, members: Int) -> String {
        let copies = max(1, (rows + max(members, 1) - 1) / max(members, 1))
        let repeats = (0..<copies).map { "SELECT \($0) AS r" }.joined(separator: " UNION ALL ")
        return """
            (SELECT m.id, m.unit_id, m.organization_id, COALESCE(m.trade, '电工') AS trade, row_number() OVER () AS n \
            FROM members m CROSS JOIN (\(repeats)) c WHERE m.deleted_at IS NULL) s WHERE s.n <= \(rows)
            """
    }

    private func fill(_ table: String, rows: Int, members: Int) async throws {
        guard rows > 0 else { return }
        let from = source(rows, members: members)
        let stamp = postgres ? "now()" : "unixepoch('now')"
        let no = postgres ? "false" : "0"
        let statement: String
        switch table {
        case "certifications":
            statement = """
                INSERT INTO certifications (id, unit_id, member_id, trade, level, date, certificate_number, issuing_body, raised, \
                version, created_at, updated_at) SELECT \(uuid), s.unit_id, s.id, s.trade, (s.n % 5) + 1, \(day()), 'SYN' || s.n, \
                '合成鉴定中心', \(no), 1, \(stamp), \(stamp) FROM \(from)
                """
        case "service_events":
            statement = """
                INSERT INTO service_events (id, unit_id, kind, title, date, people_served, goods_fen, version, created_at, updated_at) \
                SELECT \(uuid), s.unit_id, \(pick(ServiceEventKind.allCases.map(\.rawValue))), '合成服务活动', \(day()), \
                (s.n % 50) + 1, (s.n % 1000) * 100, 1, \(stamp), \(stamp) FROM \(from)
                """
        case "hazard_reports":
            statement = """
                INSERT INTO hazard_reports (id, unit_id, reporter_id, employer_id, place, description, severity, status, reported_date, \
                version, created_at, updated_at) SELECT \(uuid), s.unit_id, s.id, s.organization_id, '合成车间', '合成隐患', \
                \(pick(HazardSeverity.allCases.map(\.rawValue))), \(pick(["reported", "verified"], salt: 1)), \(day()), 1, \
                \(stamp), \(stamp) FROM \(from)
                """
        case "dispute_cases":
            statement = """
                INSERT INTO dispute_cases (id, unit_id, channel, type, status, employer_name, summary, claimed_fen, agreed_fen, \
                recovered_fen, accepted_date, deadline, extended, outcome_date, requested_by, version, created_at, updated_at) \
                SELECT \(uuid), s.unit_id, \(pick(["walkIn", "hotline"])), \(pick(DisputeType.allCases.map(\.rawValue), salt: 1)), \
                'settled', '合成用人单位', '合成争议', 500000, 400000, 400000, \(day()), \(day(plus: 15)), \(no), \
                \(day(plus: 10)), s.id, 1, \(stamp), \(stamp) FROM \(from)
                """
        case "dispute_claimants":
            statement = """
                INSERT INTO dispute_claimants (id, case_id, member_id, name, id_number, migrant) \
                SELECT \(uuid), d.id, d.requested_by, '合成职工', '', \(no) FROM dispute_cases d \
                WHERE d.summary = '合成争议' LIMIT \(rows)
                """
        case "innovation_items":
            statement = """
                INSERT INTO innovation_items (id, unit_id, kind, title, problem, proposal, expected_benefit_fen, author_id, \
                submitted_date, status, seconds_count, decision_date, benefit_fen, author_unread, version, created_at, updated_at) \
                SELECT \(uuid), s.unit_id, 'proposal', '合成建议', '合成问题', '合成方案', 100000, s.id, \(day()), \
                \(pick(["submitted", "adopted", "implemented", "rejected"])), 0, \(day(plus: 20)), 0, \(no), 1, \(stamp), \(stamp) \
                FROM \(from)
                """
        case "outreach_activities":
            statement = """
                INSERT INTO outreach_activities (id, unit_id, title, kind, status, planned_date, held_date, place, audience, \
                person_times, version, created_at, updated_at) SELECT \(uuid), s.unit_id, '合成活动', \
                \(pick(OutreachKind.allCases.map(\.rawValue))), 'held', \(day()), \(day()), '合成地点', '职工', (s.n % 200) + 1, 1, \
                \(stamp), \(stamp) FROM \(from)
                """
        default:
            statement = """
                INSERT INTO honors (id, unit_id, member_id, title, level, year, awarding_body, version, created_at, updated_at) \
                SELECT \(uuid), s.unit_id, s.id, \(pick(HonorTitle.allCases.map(\.rawValue))), \
                \(pick(HonorLevel.allCases.map(\.rawValue), salt: 2)), 2019 + (s.n % 7), '合成授予单位', 1, \(stamp), \(stamp) \
                FROM \(from)
                """
        }
        try await sql.execute(sql: SQLRaw(statement)) { _ in }
    }
}
