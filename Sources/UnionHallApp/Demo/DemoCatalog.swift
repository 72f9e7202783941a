import UnionHallCore
import UnionHallPlatform

/// The places, organizations and people the two seed articles name, as the demo loads them.
enum DemoCatalog {
    struct UnitSpec {
        let key: String
        let name: String
        let kind: UnitKind
        let parent: String?
        /// GB/T 2260 region code of the county or district, for synthetic ID numbers.
        let region: Int
    }

    static let units: [UnitSpec] = [
        .init(key: "jinchang", name: "金昌市总工会", kind: .city, parent: nil, region: 620_301),
        .init(key: "jinchuan", name: "金川区总工会", kind: .county, parent: "jinchang", region: 620_302),
        .init(key: "yongchang", name: "永昌县总工会", kind: .county, parent: "jinchang", region: 620_321),
        .init(key: "jinhua", name: "金昌化学工业集团有限公司工会", kind: .enterprise, parent: "jinchuan", region: 620_302),
        .init(key: "jinhua-team", name: "金化集团设备维修班组", kind: .team, parent: "jinhua", region: 620_302),
        .init(key: "jinchuan-group", name: "金川集团股份有限公司工会", kind: .enterprise, parent: "jinchuan", region: 620_302),
        .init(key: "yongchang-coop", name: "永昌县畜牧养殖专业合作社联合工会", kind: .enterprise, parent: "yongchang", region: 620_321),
        .init(key: "qingyang", name: "庆阳市总工会", kind: .city, parent: nil, region: 621_001),
        .init(key: "xifeng", name: "西峰区总工会", kind: .county, parent: "qingyang", region: 621_002),
        .init(key: "qingcheng", name: "庆城县总工会", kind: .county, parent: "qingyang", region: 621_021),
        .init(key: "huanxian", name: "环县总工会", kind: .county, parent: "qingyang", region: 621_022),
        .init(key: "huachi", name: "华池县总工会", kind: .county, parent: "qingyang", region: 621_023),
        .init(key: "heshui", name: "合水县总工会", kind: .county, parent: "qingyang", region: 621_024),
        .init(key: "zhengning", name: "正宁县总工会", kind: .county, parent: "qingyang", region: 621_025),
        .init(key: "ningxian", name: "宁县总工会", kind: .county, parent: "qingyang", region: 621_026),
        .init(key: "zhenyuan", name: "镇原县总工会", kind: .county, parent: "qingyang", region: 621_027),
        .init(key: "energy", name: "庆阳市能源化工产业工会", kind: .industry, parent: "qingyang", region: 621_001),
        .init(key: "grid", name: "国网庆阳供电公司工会", kind: .enterprise, parent: "xifeng", region: 621_002),
        .init(key: "grid-liang", name: "梁东平劳模创新工作室班组", kind: .team, parent: "grid", region: 621_002),
        .init(key: "huaneng", name: "华能庆阳煤电有限责任公司工会", kind: .enterprise, parent: "energy", region: 621_025),
        .init(key: "petrochem", name: "庆阳石化公司工会", kind: .enterprise, parent: "energy", region: 621_021),
        .init(key: "changqing", name: "长庆油田庆阳片区联合工会", kind: .enterprise, parent: "qingcheng", region: 621_021),
        .init(key: "college", name: "庆阳职业技术学院工会", kind: .enterprise, parent: "xifeng", region: 621_002),
        .init(key: "longdong", name: "陇东学院工会", kind: .enterprise, parent: "xifeng", region: 621_002),
        .init(key: "logistics", name: "西峰区快递物流园区联合工会", kind: .enterprise, parent: "xifeng", region: 621_002),
        .init(key: "tianshui", name: "环县甜水镇联合工会", kind: .enterprise, parent: "huanxian", region: 621_022),
    ]

    struct OrganizationSpec {
        let key: String
        let name: String
        let kind: OrganizationKind
        let unit: String
        let employs: Bool
    }

    /// The employers' industries: the articles' key industries are energy and chemicals and equipment.
    static let sectors: [String: IndustrySector] = [
        "jinhua": .energyChemicals, "jinchuan-group": .equipmentManufacturing, "yongchang-coop": .agriculture, "grid": .power,
        "huaneng": .power, "petrochem": .energyChemicals, "changqing": .energyChemicals, "logistics": .logistics,
        "tianshui": .services, "college": .education, "longdong": .education,
    ]

    static let organizations: [OrganizationSpec] = [
        .init(key: "jinhua", name: "金昌化学工业集团有限公司", kind: .employer, unit: "jinhua", employs: true),
        .init(key: "jinchuan-group", name: "金川集团股份有限公司", kind: .employer, unit: "jinchuan-group", employs: true),
        .init(key: "yongchang-coop", name: "永昌县畜牧养殖专业合作社", kind: .cooperative, unit: "yongchang-coop", employs: true),
        .init(key: "grid", name: "国网甘肃省电力公司庆阳供电公司", kind: .employer, unit: "grid", employs: true),
        .init(key: "huaneng", name: "华能庆阳煤电有限责任公司", kind: .employer, unit: "huaneng", employs: true),
        .init(key: "petrochem", name: "中国石油天然气股份有限公司庆阳石化分公司", kind: .employer, unit: "petrochem", employs: true),
        .init(key: "changqing", name: "中国石油长庆油田分公司", kind: .employer, unit: "changqing", employs: true),
        .init(key: "logistics", name: "西峰区快递物流园区", kind: .employer, unit: "logistics", employs: true),
        .init(key: "tianshui", name: "环县甜水镇托育中心", kind: .employer, unit: "tianshui", employs: true),
        .init(key: "college", name: "庆阳职业技术学院", kind: .college, unit: "college", employs: true),
        .init(key: "longdong", name: "陇东学院", kind: .college, unit: "longdong", employs: true),
        .init(key: "neusoft", name: "东软教育科技集团有限公司", kind: .employer, unit: "college", employs: false),
        .init(key: "global-eagle", name: "全球鹰（深圳）无人机有限公司", kind: .employer, unit: "college", employs: false),
        .init(key: "shusuandian", name: "数算电产业融合研究院", kind: .other, unit: "college", employs: false),
        .init(key: "court", name: "庆阳市中级人民法院", kind: .court, unit: "qingyang", employs: false),
        .init(key: "xifeng-court", name: "庆阳市西峰区人民法院", kind: .court, unit: "xifeng", employs: false),
        .init(key: "nwpu", name: "西北工业大学", kind: .college, unit: "longdong", employs: false),
    ]

    struct PersonSpec {
        let name: String
        let unit: String
        let organization: String?
        let trade: String?
        let level: SkillLevel?
        let region: Int
        let birth: (Int, Int, Int)
        let gender: Gender
        let migrant: Bool
    }

    /// The people the articles name, with the trades their work implies.
    static let people: [PersonSpec] = [
        .init(
            name: "孙学祥", unit: "jinhua-team", organization: "jinhua", trade: "化工设备检修工", level: .seniorTechnician, region: 620_302,
            birth: (1972, 3, 14), gender: .male, migrant: false),
        .init(
            name: "周勇", unit: "yongchang-coop", organization: "yongchang-coop", trade: "动物疫病防治员",
            level: .seniorTechnician,
            region: 620_321,
            birth: (1970, 8, 2), gender: .male, migrant: false),
        .init(
            name: "李阳", unit: "college", organization: "college", trade: "数控车工", level: nil, region: 621_002, birth: (2004, 5, 20),
            gender: .male, migrant: false),
        .init(
            name: "刘倩", unit: "tianshui", organization: "tianshui", trade: "保育师", level: .senior, region: 621_022,
            birth: (1995, 11, 9),
            gender: .female, migrant: false),
        .init(
            name: "梁东平", unit: "grid-liang", organization: "grid", trade: "电力电缆工", level: .seniorTechnician, region: 621_002,
            birth: (1968, 6, 30), gender: .male, migrant: false),
        .init(
            name: "张远东", unit: "grid-liang", organization: "grid", trade: "电力电缆工", level: .technician, region: 621_002,
            birth: (1979, 1, 17), gender: .male, migrant: false),
        .init(
            name: "巩怀华", unit: "petrochem", organization: "petrochem", trade: "催化裂化装置操作工", level: .seniorTechnician,
            region: 621_021,
            birth: (1969, 9, 12), gender: .male, migrant: false),
        .init(
            name: "郭一帆", unit: "petrochem", organization: "petrochem", trade: "化工操作工", level: .senior, region: 621_021,
            birth: (1990, 4, 3),
            gender: .male, migrant: false),
        .init(
            name: "张小春", unit: "logistics", organization: "logistics", trade: "物流服务师", level: .technician, region: 621_002,
            birth: (1976, 12, 1), gender: .male, migrant: true),
        .init(
            name: "陈帮贵", unit: "xifeng", organization: nil, trade: "砌筑工", level: nil, region: 511_321, birth: (1978, 7, 22),
            gender: .male,
            migrant: true),
    ]

    struct HonorSpec {
        let person: String
        let title: HonorTitle
        let level: HonorLevel
        let year: Int
        let awardingBody: String
    }

    /// The titles the articles give the people they name (years where the article gives none are
    /// the demo's own).
    static let honors: [HonorSpec] = [
        .init(person: "孙学祥", title: .longyuanCraftsman, level: .provincial, year: 2023, awardingBody: "甘肃省总工会"),
        .init(person: "周勇", title: .modelWorker, level: .provincial, year: 2020, awardingBody: "甘肃省人民政府"),
        .init(person: "梁东平", title: .modelWorker, level: .provincial, year: 2015, awardingBody: "甘肃省人民政府"),
        .init(person: "张小春", title: .modelWorker, level: .provincial, year: 2020, awardingBody: "甘肃省人民政府"),
        // "1人获省五一劳动奖章" from 梁东平's studio; the article names nobody, the demo gives it to its head.
        .init(person: "张远东", title: .mayDayMedal, level: .provincial, year: 2024, awardingBody: "甘肃省总工会"),
    ]

    struct AccountSpec {
        let username: String
        let displayName: String
        let role: Role
        let unit: String
        let member: String?
    }

    static let accounts: [AccountSpec] = [
        .init(username: "qingyang", displayName: "庆阳市总工会干部", role: .officer, unit: "qingyang", member: nil),
        .init(username: "xifeng", displayName: "西峰区总工会干部", role: .officer, unit: "xifeng", member: nil),
        .init(username: "huanxian", displayName: "环县总工会干部", role: .officer, unit: "huanxian", member: nil),
        .init(username: "jinchang", displayName: "金昌市总工会干部", role: .officer, unit: "jinchang", member: nil),
        .init(username: "gridunion", displayName: "国网庆阳供电公司工会干部", role: .officer, unit: "grid", member: nil),
        .init(username: "expert", displayName: "评审专家", role: .reviewer, unit: "qingyang", member: nil),
        .init(username: "judge1", displayName: "裁判员王建华", role: .reviewer, unit: "qingyang", member: nil),
        .init(username: "judge2", displayName: "裁判员李秀英", role: .reviewer, unit: "qingyang", member: nil),
        .init(username: "judge3", displayName: "裁判员赵志强", role: .reviewer, unit: "qingyang", member: nil),
        .init(username: "judge4", displayName: "裁判员孙丽娟", role: .reviewer, unit: "qingyang", member: nil),
        .init(username: "chenbanggui", displayName: "陈帮贵", role: .member, unit: "xifeng", member: "陈帮贵"),
    ]

    static let surnames = Array(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
            + "许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹"
            + "薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let givenCharacters = Array(
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂玉"
            + "华建国红梅志文斌俊峰鹏飞宇浩然子涵欣怡晨阳雪琳佳琪"
            + "思远博海燕春生荣德福成立新学祥东兴旺军辉")
}
