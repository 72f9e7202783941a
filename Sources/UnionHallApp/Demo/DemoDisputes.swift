import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// Qingyang's 2024 mediation through the 法院+工会 诉调对接 mechanism: 82 cases settled, their
/// payments adding up to ¥393,600.00 — 陈帮贵's ¥5,450.00 of wages among them, referred by the
/// 西峰区 court.
enum DemoDisputes {
    static let cases = 82
    static let recoveredFen: Int64 = 39_360_000
    static let chenFen: Int64 = 545_000

    static func load(units: [String: UnionUnit], organizations: [String: Organization], people: [String: Member], on db: any Database)
        async throws -> Int
    {
        guard let qingyang = units["qingyang"]?.id else { return 0 }
        let tree = try await UnitTree.load(on: db)
        let named = Set(people.values.compactMap(\.id))
        let claimants = try await Member.query(on: db).filter(\.$unitID ~~ Array(tree.subtree(of: qingyang))).filter(\.$deletedAt == nil)
            .sort(\.$id).limit(cases + named.count).all().filter { !named.contains($0.id ?? UUID()) }
        let court = organizations["xifeng-court"]?.id
        let channels: [DisputeChannel] =
            Array(repeating: .courtReferral, count: 30) + Array(repeating: .walkIn, count: 28) + Array(repeating: .hotline, count: 15)
            + Array(repeating: .memberRequest, count: 8)
        let types: [DisputeType] =
            Array(repeating: .wageArrears, count: 49) + Array(repeating: .contract, count: 12)
            + Array(repeating: .socialInsurance, count: 10)
            + Array(repeating: .workInjury, count: 6) + Array(repeating: .other, count: 4)
        var amounts = (0..<(cases - 2)).map { Int64(180_000 + (($0 * 37) % 50) * 12_000) }
        amounts.append(recoveredFen - chenFen - amounts.reduce(0, +))
        var rows: [(DisputeCase, DisputeClaimant, Int64)] = []
        if let chen = people["陈帮贵"], let chenID = chen.id {
            let row = make(
                unit: chen.unitID, channel: .courtReferral, type: .wageArrears, employer: "西峰区某建筑劳务公司", claimed: chenFen,
                accepted: CivilDate(year: 2024, month: 4, day: 8)!, summary: "四川籍农民工，工地完工后三个月工资未结清")
            row.courtID = court
            row.courtCaseNumber = "(2024)甘1002民初1168号"
            rows.append((row, claimant(chen, id: chenID), chenFen))
        }
        for (index, member) in claimants.prefix(cases - rows.count).enumerated() {
            guard let id = member.id, index < amounts.count else { continue }
            let channel = channels[index % channels.count]
            let row = make(
                unit: member.unitID, channel: channel, type: types[index % types.count],
                employer: "庆阳市某\(["建筑", "餐饮", "物流", "商贸", "制造"][index % 5])企业",
                claimed: amounts[index] + Int64(index % 3) * 50_000,
                accepted: CivilDate(year: 2024, month: 1, day: 5)!.adding(days: index * 4),
                summary: "职工请求支付拖欠款项")
            if channel == .courtReferral {
                row.courtID = court
                row.courtCaseNumber = String(format: "(2024)甘1002民初%04d号", 200 + index)
            }
            rows.append((row, claimant(member, id: id), amounts[index]))
        }
        var events: [[any Encodable & Sendable]] = []
        for (row, person, amount) in rows {
            guard let accepted = CivilDate(row.acceptedDate) else { continue }
            let settled = accepted.adding(days: 9)
            row.status = .settled
            row.agreedFen = amount
            row.recoveredFen = amount
            row.outcomeDate = settled.description
            if row.channel == .courtReferral {
                row.confirmationDate = settled.adding(days: 3).description
                row.confirmationNumber = "司法确认" + (row.courtCaseNumber ?? "")
            }
            try await row.create(on: db)
            try await Audit.record(.create, row, by: .system, on: db)
            let id = try row.requireID()
            person.caseID = id
            try await person.create(on: db)
            let session = DisputeSession()
            session.caseID = id
            session.date = accepted.adding(days: 3).description
            session.notes = "组织双方调解，企业同意支付"
            try await session.create(on: db)
            let payment = DisputePayment()
            payment.caseID = id
            payment.date = settled.adding(days: 2).description
            payment.amountFen = amount
            try await payment.create(on: db)
            for (offset, what) in [(0, "accepted"), (1, "inMediation"), (9, "settled"), (11, "paid")] {
                events.append([UUID(), id, accepted.adding(days: offset).startOfDay, what, what == "paid" ? Fen(amount).description : ""])
            }
        }
        try await BulkInsert.rows(into: DisputeEvent.schema, columns: ["id", "case_id", "at", "what", "note"], events, on: db)
        return rows.count
    }

    static func make(
        unit: UUID, channel: DisputeChannel, type: DisputeType, employer: String, claimed: Int64, accepted: CivilDate, summary: String
    ) -> DisputeCase {
        let row = DisputeCase()
        row.unitID = unit
        row.channel = channel
        row.type = type
        row.status = .accepted
        row.employerName = employer
        row.summary = summary
        row.claimedFen = claimed
        row.recoveredFen = 0
        row.acceptedDate = accepted.description
        row.deadline = MediationDeadline.deadline(accepted: accepted).description
        row.extended = false
        row.version = 1
        return row
    }

    static func claimant(_ member: Member, id: UUID) -> DisputeClaimant {
        let claimant = DisputeClaimant()
        claimant.memberID = id
        claimant.name = member.name
        claimant.idNumber = member.idNumber
        claimant.mobile = member.mobile
        claimant.migrant = member.migrant
        return claimant
    }
}
