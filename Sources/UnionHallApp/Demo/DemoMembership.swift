import Foundation
import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// The register's daily business in the demo: employers' headcounts, truck drivers and couriers
/// applying to Qingyang's unions (some approved, some waiting, one past its answer period),
/// transfers between counties, members who left, and a few likely duplicates for an officer to merge.
enum DemoMembership {
    struct Applicant {
        let name: String
        let birth: (Int, Int, Int)
        let unit: String
        let platform: String?
        let trade: String
        /// Working days before today it was submitted; approved ones were answered.
        let daysAgo: Int
        let approved: Bool
    }

    static let driver = "汽车驾驶员"
    static let courier = "快递员"
    static let lalamove = "货拉拉"

    static let applicants: [Applicant] = [
        Applicant(name: "马国强", birth: (1985, 3, 12), unit: "xifeng", platform: lalamove, trade: driver, daysAgo: 40, approved: true),
        Applicant(name: "刘建军", birth: (1990, 7, 2), unit: "xifeng", platform: "满帮", trade: driver, daysAgo: 30, approved: true),
        Applicant(name: "张晓燕", birth: (1996, 11, 20), unit: "logistics", platform: nil, trade: courier, daysAgo: 25, approved: true),
        Applicant(name: "王海龙", birth: (1992, 1, 8), unit: "xifeng", platform: "美团", trade: courier, daysAgo: 30, approved: false),
        Applicant(
            name: "李顺", birth: (1988, 5, 30), unit: "huanxian", platform: "货拉拉",
            trade: driver, daysAgo: 6, approved: false),
        Applicant(
            name: "赵宁", birth: (1999, 9, 9), unit: "logistics", platform: nil,
            trade: "快件处理员", daysAgo: 3, approved: false),
        Applicant(
            name: "孙学祥", birth: (1987, 2, 14), unit: "qingcheng", platform: "滴滴",
            trade: driver, daysAgo: 1, approved: false),
    ]

    static let movers = ["高志远", "何丽"]
    static let leavers = ["郭长青", "白守仁", "贾玉兰", "曹军", "任小宁"]
    static let duplicated: [(sequence: Int, mobile: String, name: String)] = [
        (70, "13609340001", "周立新"), (72, "13609340002", "周立新"), (74, "13609340003", "吴敏"), (76, "13609340003", "吴敏华"),
    ]
    /// Members the demo's membership business adds to the register.
    static var membersAdded: Int { applicants.filter(\.approved).count + movers.count + leavers.count + duplicated.count }

    static func load(units: [String: UnionUnit], organizations: [String: Organization], today: CivilDate, on db: any Database) async throws
        -> Int
    {
        try await setHeadcounts(organizations: organizations, on: db)
        var made = 0
        for (index, applicant) in applicants.enumerated() {
            guard let unitID = units[applicant.unit]?.id,
                let birth = CivilDate(year: applicant.birth.0, month: applicant.birth.1, day: applicant.birth.2)
            else { continue }
            let region = DemoCatalog.units.first { $0.key == applicant.unit }?.region ?? 621_002
            let idNumber = IDNumber.make(region: region, birth: birth, sequence: 60 + index)
            var submitted = today
            for _ in 0..<applicant.daysAgo { submitted = submitted.adding(days: -1) }
            let row = MembershipApplication()
            row.unitID = unitID
            row.organizationID = applicant.platform == nil ? organizations["logistics"]?.id : nil
            row.platform = applicant.platform
            row.employmentForm = applicant.platform == nil ? .regular : .platform
            row.name = applicant.name
            row.gender = idNumber.gender
            row.idNumber = idNumber.value
            row.mobile = "150\(String(format: "%08d", 9_300_000 + index * 7_919))"
            row.trade = applicant.trade
            row.number = "RH" + submitted.description.replacingOccurrences(of: "-", with: "") + String(format: "%06d", 100_000 + index * 37)
            row.codeHash = ApplicationService.hash("DEMO\(index)CODE")
            row.status = .submitted
            row.submittedDate = submitted.description
            row.dueDate = WorkingDays.adding(MembershipApplication.answerDays, to: submitted).description
            row.version = 1
            if applicant.approved {
                let decided = WorkingDays.adding(5, to: submitted)
                let valid = try MemberDraft(
                    name: row.name, gender: row.gender, idNumber: row.idNumber, mobile: row.mobile, trade: row.trade, skillLevel: nil
                ).validate().orInvalid()
                let member = Member()
                member.version = 1
                member.apply(valid, unitID: unitID, organizationID: row.organizationID, migrant: true, hardship: false)
                member.joinDate = decided.description
                member.statusDate = decided.description
                member.employmentForm = row.employmentForm
                member.platform = row.platform
                try await Membership.enrol(member, on: db)
                try await Audit.record(.create, member, by: .system, on: db)
                row.status = .approved
                row.decidedDate = decided.description
                row.memberID = member.id
                made += 1
            }
            try await row.create(on: db)
            try await Audit.record(.create, row, by: .system, on: db)
        }
        try await transfers(units: units, today: today, on: db)
        try await leavers(units: units, today: today, on: db)
        try await duplicates(units: units, organizations: organizations, on: db)
        return made
    }

    /// Every employer's headcount: its members on the register and those not yet in the union.
    private static func setHeadcounts(organizations: [String: Organization], on db: any Database) async throws {
        for (key, organization) in organizations where DemoCatalog.organizations.first(where: { $0.key == key })?.employs == true {
            guard let id = organization.id else { continue }
            let members = try await Member.query(on: db).filter(\.$organizationID == id).filter(\.$deletedAt == nil).count()
            // About nine in ten employees are members, as the federations report for large employers.
            organization.headcount = max(members, members * 10 / 9 + 3)
            try await organization.update(on: db)
        }
    }

    /// A worker of the demo's own, on the register since 2019.
    private static func worker(
        _ name: String, sequence: Int, unit: UUID, region: Int, on db: any Database
    ) async throws -> Member {
        let birth = CivilDate(year: 1970, month: 1, day: 1)!.adding(days: sequence * 97)
        let valid = try MemberDraft(
            name: name, gender: nil, idNumber: IDNumber.make(region: region, birth: birth, sequence: sequence).value,
            mobile: "137\(String(format: "%08d", 9_340_000 + sequence))", trade: nil, skillLevel: nil
        ).validate().orInvalid()
        let member = Member()
        member.version = 1
        member.apply(valid, unitID: unit, organizationID: nil, migrant: false, hardship: false)
        member.joinDate = "2019-03-01"
        member.statusDate = member.joinDate
        try await Membership.enrol(member, on: db)
        try await Audit.record(.create, member, by: .system, on: db)
        return member
    }

    /// Two members move between counties: one accepted in spring 2024, one waiting for 环县's answer.
    private static func transfers(units: [String: UnionUnit], today: CivilDate, on db: any Database) async throws {
        guard let xifeng = units["xifeng"]?.id, let huanxian = units["huanxian"]?.id, let ningxian = units["ningxian"]?.id else { return }
        for (index, name) in movers.enumerated() {
            let member = try await worker(name, sequence: 80 + index, unit: xifeng, region: 621_002, on: db)
            let memberID = try member.requireID()
            let transfer = MemberTransfer()
            transfer.memberID = memberID
            transfer.unitID = xifeng
            transfer.toUnitID = index == 0 ? ningxian : huanxian
            transfer.reason = index == 0 ? "调入宁县工作" : "随配偶迁居环县"
            transfer.requestedDate = (index == 0 ? CivilDate(year: 2024, month: 4, day: 8)! : today.adding(days: -2)).description
            transfer.version = 1
            transfer.status = .requested
            if index == 0 {
                let date = CivilDate(year: 2024, month: 4, day: 12)!
                try await TransferService.move(transfer, on: db, date: date, editor: .system)
                transfer.status = .accepted
                transfer.decidedDate = date.description
            }
            try await transfer.create(on: db)
            try await Audit.record(.create, transfer, by: .system, on: db)
        }
    }

    /// Five members of 华池 retired or left in 2024.
    private static func leavers(units: [String: UnionUnit], today: CivilDate, on db: any Database) async throws {
        guard let huachi = units["huachi"]?.id else { return }
        for (index, name) in leavers.enumerated() {
            let member = try await worker(name, sequence: 84 + index, unit: huachi, region: 621_023, on: db)
            let kind: LeaveKind = index < 3 ? .retired : .left
            try await Membership.end(member, kind: kind, date: CivilDate(year: 2024, month: 3 + index, day: 28)!, note: nil, on: db)
        }
    }

    /// The same courier entered twice by two officers, and two records sharing one phone.
    private static func duplicates(units: [String: UnionUnit], organizations: [String: Organization], on db: any Database) async throws {
        guard let logistics = units["logistics"]?.id else { return }
        let birth = CivilDate(year: 1994, month: 6, day: 18)!
        for (sequence, mobile, name) in duplicated {
            let valid = try MemberDraft(
                name: name, gender: nil,
                idNumber: IDNumber.make(
                    region: 621_002, birth: sequence < 74 ? birth : birth.adding(days: sequence),
                    sequence: sequence
                ).value, mobile: mobile, trade: "快递员", skillLevel: nil
            ).validate().orInvalid()
            let member = Member()
            member.version = 1
            member.apply(valid, unitID: logistics, organizationID: organizations["logistics"]?.id, migrant: false, hardship: false)
            member.joinDate = "2023-09-01"
            member.statusDate = member.joinDate
            try await Membership.enrol(member, on: db)
            try await Audit.record(.create, member, by: .system, on: db)
        }
    }
}
