import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

struct UserOutput: Content {
    var id: UUID
    var username: String
    var displayName: String
    var role: Role
    var unitId: UUID?
    var memberId: UUID?
    var active: Bool
    var handlesAid: Bool
    var mustChangePassword: Bool
    var version: Int
    var createdAt: Date?
    var updatedAt: Date?

    init(_ user: User) throws {
        self.id = try user.requireID()
        self.username = user.username
        self.displayName = user.displayName
        self.role = user.role
        self.unitId = user.unitID
        self.memberId = user.memberID
        self.active = user.active
        self.handlesAid = user.handlesAid
        self.mustChangePassword = user.mustChangePassword
        self.version = user.version
        self.createdAt = user.createdAt
        self.updatedAt = user.updatedAt
    }
}

struct UserInput: Content {
    var username: String?
    var password: String?
    var displayName: String?
    var role: Role?
    var unitId: UUID?
    var memberId: UUID?
}

/// An admin's change to an account; absent fields keep their value. A new `password` resets it.
struct UserUpdate: Content {
    var displayName: String?
    var role: Role?
    var unitId: UUID?
    var active: Bool?
    var handlesAid: Bool?
    var password: String?
    var version: Int?
}

struct Credentials: Content {
    var username: String
    var password: String
}

struct TokenOutput: Content {
    var token: String
    var expiresAt: Date
    /// True when the password was set by the admin: only `POST /api/v1/auth/password` answers until it is changed.
    var mustChangePassword: Bool
}

/// A user's change of their own password.
struct PasswordChange: Content {
    var currentPassword: String
    var newPassword: String
}

extension User: Audited {
    package static let auditEntity = "user"
    package var auditUnitID: UUID? { unitID }

    package func auditSnapshot() -> [String: String] {
        [
            "username": username, "displayName": displayName, "role": role.rawValue, "unitId": unitID?.uuidString ?? "",
            "active": String(active), "handlesAid": String(handlesAid),
        ]
    }
}

/// Accounts and signing in.
enum AccountService {
    static let usernameLength = 3...32

    /// 3–32 lower-case ASCII letters, digits, `_`, `.` or `-`.
    static func isValidUsername(_ username: String) -> Bool {
        usernameLength.contains(username.count)
            && username.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || "_.-".contains($0)) }
    }

    /// The user for these credentials, or nil. Each try is claimed against the throttle first
    /// (429 while a key must wait), and bcrypt runs on the thread pool, never on an event loop.
    static func authenticate(_ credentials: Credentials, on request: Request) async throws -> User? {
        let username = String(credentials.username.lowercased().trimmingCharacters(in: .whitespaces).prefix(64))
        guard credentials.password.count <= PasswordPolicy.maxLength else {
            throw AppError.invalid("password", "error.password.long", [String(PasswordPolicy.maxLength)])
        }
        let claims = try await LoginThrottles.claim(username: username, on: request)
        let user = try await User.query(on: request.db).filter(\.$username == username).first()
        // Verify against a hash even for an unknown user, so timing does not tell which names exist.
        let hash = user?.passwordHash ?? request.application.passwordGate.unknownUserHash
        let matches = try await request.verifyPassword(credentials.password, against: hash)
        guard let user, matches, user.active else {
            try await LoginThrottles.failed(claims, on: request)
            return nil
        }
        try await LoginThrottles.succeeded(claims, on: request)
        return user
    }

    /// Checks a new password against the policy (422 naming `field`).
    static func checkPassword(_ password: String?, username: String, field: String = "password") throws -> String {
        guard let password, !password.isEmpty else { throw AppError.invalid(field, "error.required") }
        if let issue = PasswordPolicy.check(password, username: username) {
            throw AppError.invalid(field, issue.key, issue.arguments)
        }
        return password
    }

    /// The signed-in user replaces their own password, giving the current one. Their other
    /// sessions end; the one they are using goes on.
    static func changeOwnPassword(_ change: PasswordChange, on request: Request) async throws {
        let user = try request.requireUser()
        let userID = try user.requireID()
        guard try await request.verifyPassword(change.currentPassword, against: user.passwordHash) else {
            throw AppError.invalid("currentPassword", "error.password.current")
        }
        let password = try checkPassword(change.newPassword, username: user.username, field: "newPassword")
        guard password != change.currentPassword else { throw AppError.invalid("newPassword", "error.password.same") }
        let hash = try await request.hashPassword(password)
        let keep = request.authSession?.id
        let editor = try request.editor()
        try await request.write { db in
            user.passwordHash = hash
            user.mustChangePassword = false
            user.version += 1
            try await user.update(on: db)
            let others = AuthSession.query(on: db).filter(\.$user.$id == userID)
            if let keep { others.filter(\.$id != keep) }
            try await others.delete()
            try await Audit.record(.update, user, before: nil, after: ["password": "changed"], by: editor, on: db)
        }
    }

    static func create(_ input: UserInput, once: FormOnce? = nil, on request: Request) async throws -> User {
        _ = try request.requireRole(.admin)
        let username = (input.username ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty else { throw AppError.invalid("username", "error.required") }
        guard isValidUsername(username) else { throw AppError.invalid("username", "error.username.invalid") }
        let password = try checkPassword(input.password, username: username)
        guard let role = input.role else { throw AppError.invalid("role", "error.required") }
        let tree = try await UnitTree.load(on: request.db)
        if role != .admin {
            guard let unitID = input.unitId else { throw AppError.invalid("unitId", "error.required") }
            guard tree.nodes[unitID] != nil else { throw AppError.invalid("unitId", "error.unit.notHeld") }
        }
        if let memberID = input.memberId {
            guard let member = try await Member.find(memberID, on: request.db), member.deletedAt == nil else {
                throw AppError.invalid("memberId", "error.notFound")
            }
        }
        let displayName = input.displayName?.trimmingCharacters(in: .whitespaces).nilIfEmpty ?? username
        let hash = try await request.hashPassword(password)
        let user = User(
            username: username, passwordHash: hash, displayName: displayName, role: role, unitID: input.unitId, memberID: input.memberId)
        user.mustChangePassword = true
        let editor = try request.editor()
        return try await request.write { db in
            try await once.claim(on: db)
            if try await User.query(on: db).filter(\.$username == username).count() > 0 {
                throw AppError.conflict("username", "error.username.taken")
            }
            try await user.create(on: db)
            try await Audit.record(.create, user, by: editor, on: db)
            try await once.record(user.id, on: db)
            return user
        }
    }

    /// Changes an account. Deactivating it, or resetting its password, ends its sessions; an admin
    /// cannot lock themselves out by deactivating or demoting their own account.
    static func update(_ user: User, with input: UserUpdate, on request: Request) async throws -> User {
        let admin = try request.requireRole(.admin)
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        if user.id == admin.id {
            if input.active == false { throw AppError.invalid("active", "error.user.selfLockout") }
            if let role = input.role, role != .admin { throw AppError.invalid("role", "error.user.selfLockout") }
        }
        let before = user.auditSnapshot()
        if let name = input.displayName?.trimmingCharacters(in: .whitespaces) {
            guard !name.isEmpty else { throw AppError.invalid("displayName", "error.required") }
            user.displayName = String(name.prefix(30))
        }
        if let role = input.role { user.role = role }
        if let unitID = input.unitId {
            guard try await UnitTree.load(on: request.db).nodes[unitID] != nil else {
                throw AppError.invalid("unitId", "error.unit.notHeld")
            }
            user.unitID = unitID
        }
        if user.role != .admin, user.unitID == nil { throw AppError.invalid("unitId", "error.required") }
        var endsSessions = false
        if let active = input.active {
            endsSessions = endsSessions || (user.active && !active)
            user.active = active
        }
        if let handlesAid = input.handlesAid { user.handlesAid = handlesAid }
        if let password = input.password, !password.isEmpty {
            user.passwordHash = try await request.hashPassword(try checkPassword(password, username: user.username))
            user.mustChangePassword = true
            endsSessions = true
        }
        let editor = try request.editor()
        let userID = try user.requireID()
        let ending = endsSessions
        return try await request.write { db in
            try await Versioning.claim(schema: User.schema, id: userID, expected: version, softDeleted: false, on: db)
            user.version = version + 1
            try await user.update(on: db)
            if ending { try await AuthSession.query(on: db).filter(\.$user.$id == userID).delete() }
            try await Audit.record(.update, user, before: before, by: editor, on: db)
            return user
        }
    }

    /// Makes the first admin on an empty database. The password comes from the environment or
    /// is generated; the caller prints a generated one once.
    static func ensureAdmin(on app: Application, password: String?) async throws -> String? {
        guard try await User.query(on: app.db).filter(\.$role == .admin).count() == 0 else { return nil }
        let secret = password ?? Sessions.newSecret().prefix(16).description
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(secret)
        let admin = User(username: "admin", passwordHash: hash, displayName: "系统管理员", role: .admin, unitID: nil)
        try await app.write { db in
            try await admin.create(on: db)
            try await Audit.record(.create, admin, by: .system, on: db)
        }
        return password == nil ? secret : nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
