import Fluent
import UnionHallCore
import Vapor

/// A person who signs in: an officer of a union unit, an expert reviewer, a worker, or the admin.
/// Fluent models are reference types with property wrappers that Fluent itself synchronises;
/// `@unchecked Sendable` is the accepted pattern for them.
package final class User: Model, Authenticatable, @unchecked Sendable {
    package static let schema = "users"

    @ID(key: .id) package var id: UUID?
    @Field(key: "username") package var username: String
    @Field(key: "password_hash") package var passwordHash: String
    @Field(key: "display_name") package var displayName: String
    @Enum(key: "role") package var role: Role
    /// The union unit whose subtree the user works in; nil only for an admin at the root.
    @OptionalField(key: "unit_id") package var unitID: UUID?
    /// For a worker's account, the member record that is theirs.
    @OptionalField(key: "member_id") package var memberID: UUID?
    @Field(key: "active") package var active: Bool
    /// An officer who handles aid sees children's data in aid applications (PIPL: need to know).
    @Field(key: "handles_aid") package var handlesAid: Bool
    /// Set when the admin chose the password: the user must replace it before doing anything else.
    @Field(key: "must_change_password") package var mustChangePassword: Bool
    @Field(key: "version") package var version: Int
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) package var updatedAt: Date?

    package init() {}

    package init(username: String, passwordHash: String, displayName: String, role: Role, unitID: UUID?, memberID: UUID? = nil) {
        self.username = username
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.role = role
        self.unitID = unitID
        self.memberID = memberID
        self.active = true
        self.handlesAid = false
        self.mustChangePassword = false
        self.version = 1
    }
}

extension User {
    /// The admin, or an officer who handles aid: hardship, aid and children's data, in records and
    /// in every side channel (audit entries, filters, counts, exports, the menu), are for them alone.
    package var seesAid: Bool { role == .admin || (role == .officer && handlesAid) }
}

extension Role: FluentEnumRepresentable {}

/// Lets `@Enum` store the core's plain enums as strings without the core importing Fluent.
package protocol FluentEnumRepresentable: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}
