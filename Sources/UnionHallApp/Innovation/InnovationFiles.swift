import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Photos and PDFs attached to items: checked by their bytes, capped in size, stored under a
/// generated name outside the public folder, and served as downloads to those who may read the item.
enum InnovationFiles {
    static let maxBytes = 5 * 1_048_576
    static let maxPerItem = 10
    /// The file and the form around it.
    static let bodyLimit: ByteCount = "6mb"

    static func add(to item: InnovationItem, file: File, request: Request) async throws -> InnovationAttachment {
        let bytes = Array(file.data.readableBytesView)
        let kind = try FileKind.checkAttachment(bytes, maxBytes: maxBytes).orInvalid()
        let itemID = try item.requireID()
        guard try await InnovationAttachment.query(on: request.db).filter(\.$itemID == itemID).count() < maxPerItem else {
            throw AppError.invalid("file", "error.file.tooMany", [String(maxPerItem)])
        }
        let attachment = InnovationAttachment()
        attachment.itemID = itemID
        attachment.unitID = item.unitID
        attachment.fileName = displayName(file.filename, kind: kind)
        attachment.kind = kind
        attachment.size = bytes.count
        attachment.uploadedBy = try request.requireUser().requireID()
        let editor = try request.editor()
        return try await StoredFiles.keep(file.data, kind: kind, request: request) { storedName in
            attachment.storedName = storedName
            try await request.application.write { db in
                try await attachment.create(on: db)
                try await Audit.record(.create, attachment, by: editor, on: db)
            }
            return attachment
        }
    }

    /// The name shown and offered on download: the uploader's, without any path, or a plain one.
    static func displayName(_ name: String, kind: FileKind) -> String {
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = base.filter {
            !$0.isNewline && $0 != "\"" && !$0.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        return cleaned.isEmpty ? "attachment.\(kind.fileExtension)" : String(cleaned.prefix(120))
    }

    static func download(_ attachmentID: UUID, of item: InnovationItem, request: Request) async throws -> Response {
        guard let attachment = try await InnovationAttachment.find(attachmentID, on: request.db), attachment.itemID == item.id else {
            throw AppError.notFound
        }
        return try await StoredFiles.serve(attachment.storedName, kind: attachment.kind, fileName: attachment.fileName, request: request)
    }
}
