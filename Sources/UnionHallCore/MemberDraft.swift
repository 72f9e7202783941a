import Foundation

/// A member's fields as typed, checked together. Outside facts the rule cannot know (whether the
/// ID is already taken, whether the officer holds the unit) are checked by the app.
public struct MemberDraft: Sendable {
    public var name: String
    public var gender: Gender?
    public var idNumber: String
    public var mobile: String?
    public var trade: String?
    public var skillLevel: Int?

    public init(name: String, gender: Gender?, idNumber: String, mobile: String?, trade: String?, skillLevel: Int?) {
        self.name = name
        self.gender = gender
        self.idNumber = idNumber
        self.mobile = mobile
        self.trade = trade
        self.skillLevel = skillLevel
    }

    public struct Valid: Sendable {
        public let name: String
        public let gender: Gender
        public let idNumber: IDNumber
        public let mobile: MobileNumber?
        public let trade: String?
        public let skillLevel: SkillLevel?
    }

    public static let maxNameLength = 30

    /// A person's name as typed: trimmed, present, at most `maxNameLength` characters.
    public static func check(name text: String) -> Result<String, FieldIssue> {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return .failure(FieldIssue(field: "name", key: "error.required")) }
        guard name.count <= maxNameLength else {
            return .failure(FieldIssue(field: "name", key: "error.tooLong", arguments: [String(maxNameLength)]))
        }
        return .success(name)
    }

    /// An ID number as typed, checked by GB 11643; an empty one is missing rather than malformed.
    public static func check(idNumber text: String) -> Result<IDNumber, FieldIssue> {
        switch IDNumber.parse(text) {
        case .success(let parsed): return .success(parsed)
        case .failure(let problem):
            let key = text.trimmingCharacters(in: .whitespaces).isEmpty ? "error.required" : "error.idNumber.\(problem.rawValue)"
            return .failure(FieldIssue(field: "idNumber", key: key))
        }
    }

    /// The first problem found, in the order the form shows the fields.
    /// `trades` says whether a trade may be recorded (the vocabulary the admin keeps).
    public func validate(trades: (String) -> Bool = Trades.isKnown) -> Result<Valid, FieldIssue> {
        let name: String
        let id: IDNumber
        switch (Self.check(name: self.name), Self.check(idNumber: idNumber)) {
        case (.failure(let issue), _), (_, .failure(let issue)): return .failure(issue)
        case (.success(let checkedName), .success(let checkedID)): (name, id) = (checkedName, checkedID)
        }
        if let gender, gender != id.gender {
            return .failure(FieldIssue(field: "gender", key: "error.gender.mismatch"))
        }
        var mobileNumber: MobileNumber?
        if let mobile = mobile?.trimmingCharacters(in: .whitespaces), !mobile.isEmpty {
            guard let parsed = MobileNumber.parse(mobile) else {
                return .failure(FieldIssue(field: "mobile", key: "error.mobile.invalid"))
            }
            mobileNumber = parsed
        }
        var tradeName: String?
        if let trade = trade?.trimmingCharacters(in: .whitespaces), !trade.isEmpty {
            guard trades(trade) else { return .failure(FieldIssue(field: "trade", key: "error.trade.unknown")) }
            tradeName = trade
        }
        var level: SkillLevel?
        if let skillLevel {
            guard let parsed = SkillLevel(rawValue: skillLevel) else {
                return .failure(FieldIssue(field: "skillLevel", key: "error.skillLevel.invalid"))
            }
            level = parsed
        }
        return .success(
            Valid(name: name, gender: gender ?? id.gender, idNumber: id, mobile: mobileNumber, trade: tradeName, skillLevel: level))
    }
}
