import Foundation

/// A UUID as text, upper case with dashes as `UUID.uuidString` writes it, and read back, without
/// the `printf` and `sscanf` Foundation goes through: every page of a list writes dozens, to the
/// database and the JSON, and reads one or two a row.
public enum UUIDText {
    /// Appends the 36 characters to `bytes`, in one append.
    public static func append(_ id: UUID, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            var at = 0
            withUnsafeBytes(of: id.uuid) { raw in
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[at] = UInt8(ascii: "-")
                        at += 1
                    }
                    text[at] = Hex.digit(byte >> 4, upper: true)
                    text[at + 1] = Hex.digit(byte & 0xF, upper: true)
                    at += 2
                }
            }
            bytes.append(contentsOf: text)
        }
    }

    /// The same as `id.uuidString`.
    public static func upper(_ id: UUID) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        append(id, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `UUID(uuidString:)` reads (digits of either case), and no text with spaces around it.
    public static func parse(_ text: String) -> UUID? {
        var text = text
        // A native string's bytes in place: stepping through its UTF-8 view checks each index.
        return text.withUTF8(parse(utf8:))
    }

    private static func parse(utf8 text: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard text.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let parsed = withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
            var at = 0
            for index in 0..<16 {
                if at == 8 || at == 13 || at == 18 || at == 23 {
                    guard text[at] == UInt8(ascii: "-") else { return false }
                    at += 1
                }
                guard let high = Hex.nibble(text[at]), let low = Hex.nibble(text[at + 1]) else { return false }
                bytes[index] = high << 4 | low
                at += 2
            }
            return true
        }
        return parsed ? UUID(uuid: uuid) : nil
    }
}
