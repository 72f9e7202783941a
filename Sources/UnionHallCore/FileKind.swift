import Foundation

/// What an uploaded file is, judged by its first bytes (never by its name).
public enum FileKind: String, CaseIterable, Codable, Sendable {
    case jpeg, png, pdf, xlsx, csv

    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv"
        }
    }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Images and PDFs: what may be attached to a record.
    public static let attachments: Set<FileKind> = [.jpeg, .png, .pdf]

    /// The kind of binary file these bytes begin; a CSV is recognised as text, not here.
    public static func sniff(_ bytes: some Collection<UInt8>) -> FileKind? {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        return nil
    }

    /// An attachment's checks: a known image or PDF, no larger than `maxBytes`.
    public static func checkAttachment(_ bytes: some Collection<UInt8>, maxBytes: Int) -> Result<FileKind, FieldIssue> {
        guard !bytes.isEmpty else { return .failure(FieldIssue(field: "file", key: "error.file.empty")) }
        guard bytes.count <= maxBytes else {
            return .failure(FieldIssue(field: "file", key: "error.file.tooLarge", arguments: [String(maxBytes / 1_048_576)]))
        }
        guard let kind = sniff(bytes), attachments.contains(kind) else {
            return .failure(FieldIssue(field: "file", key: "error.file.type"))
        }
        return .success(kind)
    }
}

/// Text that goes into a spreadsheet cell an officer will open: a value that a spreadsheet
/// program would run as a formula is written as text.
public enum SpreadsheetText {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    public static func safe(_ value: String) -> String {
        guard let first = value.first, triggers.contains(first) else { return value }
        return "'" + value
    }
}
