/// The closed vocabularies of the foundation. Raw values are the API's wire values; the app's
/// localization files hold their names (`gender.male` → 男).
public enum Gender: String, CaseIterable, Codable, Sendable {
    case male, female
}

public enum Role: String, CaseIterable, Codable, Sendable {
    case admin, officer, reviewer, member

    /// Roles that manage records of a union subtree and may see personal data in full on request.
    public var managesRecords: Bool { self == .admin || self == .officer }
}

/// A union unit's place in the tree: city federation → county/district or industry union →
/// enterprise (grass-roots) union → team.
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case city, county, industry, enterprise, team

    public var depth: Int {
        switch self {
        case .city: 0
        case .county, .industry: 1
        case .enterprise: 2
        case .team: 3
        }
    }

    /// A child sits strictly lower in the tree than its parent; an industry union may also stand
    /// under a county union.
    public func mayContain(_ child: UnitKind) -> Bool {
        if self == .county, child == .industry { return true }
        return child.depth > depth
    }
}

public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case employer, college, court, cooperative, other

    /// Employers must carry a Unified Social Credit Code; for the others it is optional.
    public var requiresCreditCode: Bool { self == .employer }
}

/// 职业技能等级: level 1 is the highest (一级/高级技师), 5 the entry level (五级/初级工).
public enum SkillLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case seniorTechnician = 1
    case technician, senior, intermediate, junior

    /// 技师 and above.
    public var isTechnicianOrAbove: Bool { rawValue <= SkillLevel.technician.rawValue }
    /// 高技能人才: 三级/高级工 and above.
    public var isHighSkilled: Bool { rawValue <= SkillLevel.senior.rawValue }

    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool { lhs.rawValue > rhs.rawValue }
}

/// An employer's industry, so figures can be cut by the key industries the articles name (能源化工,
/// 装备制造 …).
public enum IndustrySector: String, CaseIterable, Codable, Sendable {
    case energyChemicals, equipmentManufacturing, power, agriculture, construction, logistics, education, services, other
}
