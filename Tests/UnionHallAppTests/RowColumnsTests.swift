import Foundation
import Testing
@testable import UnionHallPlatform

/// A column's UUID text is parsed by hand (Foundation's parser goes through `sscanf`): it takes
/// what Foundation takes, and no text with spaces around it.
@Suite struct RowColumnsTests {
    @Test func uuidTextIsReadAsFoundationReadsIt() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(UUID(columnText: uuid.uuidString) == uuid)
            #expect(UUID(columnText: uuid.uuidString.lowercased()) == uuid)
        }
        let valid = "6BA7B810-9DAD-11D1-80B4-00C04FD430C8"
        for text in [
            "", valid.dropLast().description, valid + "0", valid.replacingOccurrences(of: "-", with: ""),
            "6BA7B810-9DAD-11D1-80B4-00C04FD430CG", "6BA7B810-9DAD-11D1-80B4_00C04FD430C8", "6BA7B8109-DAD-11D1-80B4-00C04FD430C8",
            "6BA7B810-9DAD-11D1-80B4-00C04FD430Ç",
        ] {
            #expect(UUID(columnText: text) == nil, "\(text)")
            #expect(UUID(uuidString: text) == nil, "\(text)")
        }
        // Stricter than sscanf, which skips a leading space: a column never holds one.
        #expect(UUID(columnText: " 6BA7B810-9DAD-11D1-80B4-00C04FD430C") == nil)
    }
}
