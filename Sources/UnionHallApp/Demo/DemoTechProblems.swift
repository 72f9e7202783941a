import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// Jinchang's "200+ technical problems solved" since 2023: problems raised by the city's
/// employers, matched to 孙学祥 or a craftsman of the raising enterprise, and solved; a few still open.
enum DemoTechProblems {
    static let jinchangSolved = 206
    static let jinchangOpen = 12

    static let subjects = [
        "压缩机异响诊断", "离心泵密封泄漏", "换热器结垢", "电解槽温控", "尾气回收效率",
        "管道腐蚀监测", "变频器故障",
        "阀门内漏",
    ]

    static func load(organizations: [String: Organization], people: [String: Member], on db: any Database) async throws -> Int {
        guard let sun = people["孙学祥"] else { return 0 }
        let employers = ["jinhua", "jinchuan-group"].compactMap { organizations[$0] }
        guard !employers.isEmpty else { return 0 }
        for index in 0..<(jinchangSolved + jinchangOpen) {
            let employer = employers[index % employers.count]
            let raised = CivilDate(year: 2023, month: 1, day: 5)!.adding(days: index * 2)
            let problem = TechProblem()
            problem.unitID = employer.unitID
            problem.organizationID = try employer.requireID()
            problem.title = "\(subjects[index % subjects.count])（\(index + 1)）"
            problem.description = "车间设备运行中出现的问题，需劳模工匠现场“把脉会诊”。"
            problem.trade = "化工设备检修工"
            problem.raisedDate = raised.description
            problem.benefitFen = 0
            problem.version = 1
            if index < jinchangSolved {
                problem.status = .solved
                problem.matchedMemberID = try sun.requireID()
                problem.solution = "现场听音诊断并制定检修方案，培训维修人员按方案处置。"
                problem.benefitFen = Int64(20_000 + index % 10 * 5_000) * 100
                problem.solvedDate = raised.adding(days: 20).description
            } else {
                problem.status = index % 2 == 0 ? .matched : .raised
                problem.matchedMemberID = problem.status == .matched ? try sun.requireID() : nil
            }
            try await problem.create(on: db)
        }
        return jinchangSolved + jinchangOpen
    }
}
