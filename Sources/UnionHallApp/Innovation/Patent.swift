import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A patent (invention, utility model, design), a paper or a software copyright, held by an item
/// or a studio.
final class Patent: Model, @unchecked Sendable {
    static let schema = "patents"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "kind") var kind: PatentKind
    @Field(key: "title") var title: String
    /// The patent or registration number, or a paper's journal and issue.
    @Field(key: "number") var number: String
    @Field(key: "date") var date: String
    @OptionalField(key: "item_id") var itemID: UUID?
    @OptionalField(key: "studio_id") var studioID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

extension Patent: Audited, Versioned {
    static let auditEntity = "patent"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        [
            "kind": kind.rawValue, "title": title, "number": number, "date": date, "itemId": itemID?.uuidString ?? "",
            "studioId": studioID?.uuidString ?? "",
        ]
    }
}
