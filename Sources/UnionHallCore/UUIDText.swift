import Foundation

/// A UUID as text, upper case with dashes as `UUID.uuidString` writes it, without the `printf`
/// Foundation formats it through: every page of a list writes dozens, to the database and the JSON.
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
                    text[at] = digit(byte >> 4)
                    text[at + 1] = digit(byte & 0xF)
                    at += 2
                }
            }
            bytes.append(contentsOf: text)
        }
    }

    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    /// The same as `id.uuidString`.
    public static func upper(_ id: UUID) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        append(id, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
