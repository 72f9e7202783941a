import Fluent
import Foundation
import UnionHallCore
import UnionHallPlatform

/// The outreach behind Jinchang's figures: 26 lectures in schools in 2024, 10 model workers
/// endorsing farm products, 周勇's studio training farmers in the fields (5,000+ person-times), and
/// 孙学祥 in the workshops and on the production line.
enum DemoOutreach {
    static let jinchangSchoolLectures2024 = 26
    static let jinchangEndorsers = 10
    static let jinchangWorkshopExchanges2024 = 12
    static let jinchangFrontLineDemonstrations2024 = 8
    static let zhouYongSessions = 25
    static let zhouYongPersonTimesPerSession = 201

    static func load(units: [String: UnionUnit], people: [String: Member], on db: any Database) async throws -> Int {
        guard let jinchang = units["jinchang"]?.id, let sun = people["孙学祥"], let zhou = people["周勇"] else { return 0 }
        var made = 0
        // Lectures in schools, led in turn by the city's craftsmen.
        for index in 0..<jinchangSchoolLectures2024 {
            let day = CivilDate(year: 2024, month: 3, day: 1)!.adding(days: index * 3)
            try await held(
                unit: jinchang, title: "劳模工匠进校园宣讲（第\(index + 1)场）", kind: .schools, on: day,
                place: "金昌市第\(index % 6 + 1)中学",
                audience: "在校学生", personTimes: 180 + index % 40, leaders: [index % 2 == 0 ? sun : zhou], studio: nil, on: db)
            made += 1
        }
        // 孙学祥's 助企行: technical exchanges in the chemical works' workshops (进车间), and demonstrations on the
        // production line (进一线), from his national skill master studio.
        let sunStudio = try await Studio.query(on: db).filter(\.$name == "孙学祥国家级技能大师工作室").first()?.id
        let workshops = units["jinhua"]?.id ?? jinchang
        for index in 0..<jinchangWorkshopExchanges2024 {
            let day = CivilDate(year: 2024, month: 2, day: 20)!.adding(days: index * 9)
            try await held(
                unit: workshops, title: "劳模工匠助企行·技术交流进车间（第\(index + 1)场）", kind: .workshops, on: day,
                place: "金化集团\(["合成氨", "硝酸", "氯碱"][index % 3])车间", audience: "设备维修人员",
                personTimes: 24 + index % 9,
                leaders: [sun], studio: sunStudio, on: db)
            made += 1
        }
        for index in 0..<jinchangFrontLineDemonstrations2024 {
            let day = CivilDate(year: 2024, month: 3, day: 5)!.adding(days: index * 11)
            try await held(
                unit: units["jinhua-team"]?.id ?? workshops, title: "劳模工匠培训示范进一线（第\(index + 1)场）",
                kind: .frontLine, on: day,
                place: "金化集团生产一线", audience: "一线班组职工", personTimes: 40 + index % 11, leaders: [sun],
                studio: sunStudio,
                on: db)
            made += 1
        }
        // 周勇's studio: field classes for livestock farmers.
        let studio = try await DemoStudios.zhouYongStudio(lead: zhou, on: db)
        for index in 0..<zhouYongSessions {
            let day = CivilDate(year: 2023, month: 4, day: 10)!.adding(days: index * 14)
            try await held(
                unit: zhou.unitID, title: "田间课堂：科学养殖与疫病防治（第\(index + 1)期）", kind: .fields, on: day,
                place: "永昌县养殖基地",
                audience: "养殖户", personTimes: zhouYongPersonTimesPerSession, leaders: [zhou], studio: studio.id, on: db)
            made += 1
        }
        // Ten model workers endorse the city's farm products: 周勇 and nine of the city's model workers.
        let jinchangUnits = units.filter { !DemoData.isQingyang($0.key) }.compactMap { $0.value.id }
        let candidates = try await Member.query(on: db).filter(\.$unitID ~~ jinchangUnits).filter(\.$deletedAt == nil)
            .filter(\.$skillLevel == SkillLevel.seniorTechnician.rawValue).sort(\.$pinyin).limit(jinchangEndorsers - 1).all()
        let produce = ["永昌羊肉", "金昌蔬菜", "河西马铃薯", "金昌啤酒大麦", "永昌胡萝卜"]
        for (index, member) in ([zhou] + candidates).enumerated() {
            if member.id != zhou.id {
                let honor = try Honor(
                    member: member,
                    valid: try HonorDraft(title: .modelWorker, level: .city, year: 2022, awardingBody: "金昌市人民政府")
                        .validate(currentYear: 2024).orInvalid())
                try await honor.create(on: db)
            }
            let day = CivilDate(year: 2024, month: 5, day: 1)!.adding(days: index)
            try await held(
                unit: jinchang,
                title: "劳模为特色农产品代言：" + produce[index % produce.count],
                kind: .endorsement,
                on: day, place: "金昌市农产品展销中心", audience: "市民", personTimes: 500, leaders: [member], studio: nil, on: db)
            made += 1
        }
        return made
    }

    private static func held(
        unit: UUID, title: String, kind: OutreachKind, on day: CivilDate, place: String, audience: String, personTimes: Int,
        leaders: [Member], studio: UUID?, on db: any Database
    ) async throws {
        let activity = OutreachActivity()
        activity.unitID = unit
        activity.title = title
        activity.kind = kind
        activity.status = .held
        activity.plannedDate = day.description
        activity.heldDate = day.description
        activity.place = place
        activity.audience = audience
        activity.personTimes = personTimes
        activity.studioID = studio
        activity.version = 1
        try await activity.create(on: db)
        for leader in leaders {
            try await OutreachLeader(activityID: try activity.requireID(), memberID: try leader.requireID()).create(on: db)
        }
    }
}
