import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A photo or PDF attached to an item, stored outside the public folder under a generated name.
final class InnovationAttachment: Model, @unchecked Sendable {
    static let schema = "innovation_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "item_id") var itemID: UUID
    @Field(key: "unit_id") var unitID: UUID
    /// The name the file had on the uploader's device, shown and offered on download.
    @Field(key: "file_name") var fileName: String
    @Field(key: "stored_name") var storedName: String
    @Enum(key: "kind") var kind: FileKind
    @Field(key: "size") var size: Int
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

extension FileKind: FluentEnumRepresentable {}

extension InnovationAttachment: Audited {
    static let auditEntity = "innovationAttachment"
    var auditUnitID: UUID? { unitID }
    func auditSnapshot() -> [String: String] {
        ["itemId": itemID.uuidString, "fileName": fileName, "kind": kind.rawValue, "size": String(size)]
    }
}
